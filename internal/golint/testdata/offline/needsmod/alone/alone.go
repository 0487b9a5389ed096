// Package alone needs nothing outside the standard library, so it is
// linted although its module's other package cannot be loaded.
package alone

import (
	"net/http"
	"strings"
)

func Token() {
	http.Post("https://api.mypurecloud.com/oauth/token", "application/x-www-form-urlencoded", strings.NewReader("grant_type=client_credentials"))
}
