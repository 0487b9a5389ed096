// Package regionmismatch asks for tokens in one region and calls the API
// of another.
package regionmismatch

import (
	"net/http"
	"net/url"
)

func token(form url.Values) (*http.Response, error) {
	form.Set("grant_type", "client_credentials")
	return http.PostForm("https://login.mypurecloud.com/oauth/token", form)
}

func queues(token string) (*http.Response, error) {
	req, err := http.NewRequest("GET", "https://api.mypurecloud.ie/api/v2/routing/queues", nil) // want `error: api.mypurecloud.ie is in eu-west-1, but the token comes from login.mypurecloud.com \(us-east-1\).*\[region-mismatch\]`
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	return http.DefaultClient.Do(req)
}
