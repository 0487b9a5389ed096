// Package disabled has a token-host mistake that the flags test turns
// off with -disable=token-host, and a region the test pins.
package disabled

import (
	"net/http"
	"net/url"
)

func token(form url.Values) (*http.Response, error) {
	form.Set("grant_type", "client_credentials")
	return http.PostForm("https://api.mypurecloud.com/oauth/token", form) // want `api.mypurecloud.com is in us-east-1, outside the region pinned in the configuration \(eu-west-1\).*\[region-mismatch\]`
}
