// Package cgo has one cgo file and one plain Go file.
package cgo

import (
	"net/http"
	"strings"
)

func Token() {
	http.Post("https://api.mypurecloud.com/oauth/token", "application/x-www-form-urlencoded", strings.NewReader("grant_type=client_credentials"))
}
