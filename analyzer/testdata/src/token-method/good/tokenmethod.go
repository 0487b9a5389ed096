// Package tokenmethod POSTs for tokens, and GETs API resources.
package tokenmethod

import (
	"net/http"
	"net/url"
	"strings"
)

func token(id, secret string) (*http.Response, error) {
	form := url.Values{"grant_type": {"client_credentials"}}
	req, err := http.NewRequest(http.MethodPost, "https://login.mypurecloud.com/oauth/token", strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(id, secret)
	return http.DefaultClient.Do(req)
}

func queues(token string) (*http.Response, error) {
	req, err := http.NewRequest("GET", "https://api.mypurecloud.com/api/v2/routing/queues", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	return http.DefaultClient.Do(req)
}
