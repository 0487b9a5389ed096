// Package secretinquery sends credentials in the body and the token in
// the Authorization header; the query carries a page size only.
package secretinquery

import (
	"net/http"
	"net/url"
	"os"
)

func token() (*http.Response, error) {
	return http.PostForm("https://login.mypurecloud.com/oauth/token", url.Values{
		"grant_type":    {"client_credentials"},
		"client_id":     {os.Getenv("ID")},
		"client_secret": {os.Getenv("SECRET")},
	})
}

func items(token string) (*http.Response, error) {
	req, err := http.NewRequest("GET", "https://api.example.com/v1/items?page_size=50", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	return http.DefaultClient.Do(req)
}
