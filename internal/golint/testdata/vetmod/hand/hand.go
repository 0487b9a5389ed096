// Package hand builds token requests by hand with net/http.
package hand

import (
	"net/http"
	"net/url"
	"strings"
)

const tokenURL = "https://api.mypurecloud.com/oauth/token"

// Token asks the API host for a token, with a raw secret in the body.
func Token(id, secret string) (*http.Response, error) {
	body := "grant_type=client_credentials&client_id=" + url.QueryEscape(id) + "&client_secret=" + secret
	req, err := http.NewRequest("POST", tokenURL, strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	return http.DefaultClient.Do(req)
}
