// Package unencoded encodes every credential it writes into a form body:
// url.QueryEscape, url.Values and Basic auth.
package unencoded

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

const tokenURL = "https://login.mypurecloud.com/oauth/token"

func escaped(id, secret string) (*http.Response, error) {
	body := "grant_type=client_credentials&client_id=" + url.QueryEscape(id) + "&client_secret=" + url.QueryEscape(secret)
	req, err := http.NewRequest("POST", tokenURL, strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return http.DefaultClient.Do(req)
}

func formatted(id, secret string) (*http.Response, error) {
	body := fmt.Sprintf("grant_type=client_credentials&client_id=%s&client_secret=%s", url.QueryEscape(id), url.QueryEscape(secret))
	return http.Post(tokenURL, "application/x-www-form-urlencoded", strings.NewReader(body))
}

func basic(id, secret string) (*http.Response, error) {
	req, err := http.NewRequest("POST", tokenURL, strings.NewReader("grant_type=client_credentials"))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(id, secret)
	return http.DefaultClient.Do(req)
}
