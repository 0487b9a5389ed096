// Package regionmismatch asks for tokens and calls the API in one region,
// eu-west-1.
package regionmismatch

import (
	"net/http"
	"net/url"
)

func token(form url.Values) (*http.Response, error) {
	form.Set("grant_type", "client_credentials")
	return http.PostForm("https://login.mypurecloud.ie/oauth/token", form)
}

func queues(token string) (*http.Response, error) {
	req, err := http.NewRequest("GET", "https://api.mypurecloud.ie/api/v2/routing/queues", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	return http.DefaultClient.Do(req)
}
