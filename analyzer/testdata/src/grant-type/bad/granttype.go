// Package granttype builds token requests by hand with a misspelt grant
// and without one.
package granttype

import (
	"net/http"
	"net/url"
	"strings"
)

func misspelt(id, secret string) (*http.Response, error) {
	form := url.Values{"grant_type": {"client_credential"}} // want `error: grant_type "client_credential" is not a grant type .*use client_credentials \[grant-type\]`
	req, err := http.NewRequest("POST", "https://login.mypurecloud.com/oauth/token", strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(id, secret)
	return http.DefaultClient.Do(req)
}

func raw(id, secret string) (*http.Response, error) {
	body := strings.NewReader("grant_type=Client_Credentials") // want `grant_type "Client_Credentials" is not a grant type.*\[grant-type\]`
	req, err := http.NewRequest("POST", "https://login.mypurecloud.ie/oauth/token", body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(id, secret)
	return http.DefaultClient.Do(req)
}

// The grant comes from the caller: unknown, not wrong.
func dynamic(grant string) (*http.Response, error) {
	return http.PostForm("https://login.mypurecloud.com/oauth/token", url.Values{"grant_type": {grant}})
}

func right() (*http.Response, error) {
	return http.PostForm("https://login.mypurecloud.com/oauth/token", url.Values{"grant_type": {"client_credentials"}})
}
