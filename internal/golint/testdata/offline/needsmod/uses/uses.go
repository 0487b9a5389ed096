// Package uses imports a module that is not in the module cache.
package uses

import (
	"net/http"
	"strings"

	"example.com/notcached/greet"
)

func Token() {
	greet.Hello()
	http.Post("https://api.mypurecloud.com/oauth/token", "application/x-www-form-urlencoded", strings.NewReader("grant_type=client_credentials"))
}
