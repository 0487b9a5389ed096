// Package tokenpath puts the Platform API prefix on the token path.
package tokenpath

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

const loginHost = "https://login.mypurecloud.com"

func token(form url.Values) (*http.Response, error) {
	return http.Post(loginHost+"/api/v2/oauth/token", "application/x-www-form-urlencoded", strings.NewReader(form.Encode())) // want `error: Genesys Cloud issues tokens at /oauth/token, not /api/v2/oauth/token: use /oauth/token \[token-path\]`
}

// A path from fmt.Sprintf keeps the format's spans.
func tokenAU(region string, form url.Values) (*http.Response, error) {
	u := fmt.Sprintf("https://login.%s/api/v2/oauth/token", "mypurecloud.com.au") // want `not /api/v2/oauth/token.*\[token-path\]`
	return http.PostForm(u, form)
}
