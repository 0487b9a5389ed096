// Package tokenmethod asks for a token with GET.
package tokenmethod

import (
	"net/http"
	"net/url"
	"strings"
)

func token(id, secret string) (*http.Response, error) {
	req, err := http.NewRequest("GET", "https://login.mypurecloud.com/oauth/token?grant_type=client_credentials", nil) // want `error: token requested with GET: .*\[token-method\]`
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(id, secret)
	return http.DefaultClient.Do(req)
}

func viaGet() (*http.Response, error) {
	return http.Get("https://login.mypurecloud.com/oauth/token?grant_type=client_credentials") // want `token requested with GET.*\[token-method\]`
}

func good(id, secret string, form url.Values) (*http.Response, error) {
	form.Set("grant_type", "client_credentials")
	req, err := http.NewRequest(http.MethodPost, "https://login.mypurecloud.com/oauth/token", strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(id, secret)
	return http.DefaultClient.Do(req)
}
