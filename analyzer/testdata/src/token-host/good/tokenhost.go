// Package tokenhost asks the login hosts for tokens, and the API host
// for API calls only.
package tokenhost

import (
	"net/http"
	"net/url"
	"os"
	"strings"
)

const tokenURL = "https://login.mypurecloud.com/oauth/token"

func token() (*http.Response, error) {
	form := url.Values{}
	form.Set("grant_type", "client_credentials")
	req, err := http.NewRequest("POST", tokenURL, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(os.Getenv("ID"), os.Getenv("SECRET"))
	return http.DefaultClient.Do(req)
}

func tokenIE(id, secret string) (*http.Response, error) {
	return http.PostForm("https://login.mypurecloud.ie/oauth/token", url.Values{
		"grant_type":    {"client_credentials"},
		"client_id":     {id},
		"client_secret": {secret},
	})
}

func users(token string) (*http.Response, error) {
	req, err := http.NewRequest("GET", "https://api.mypurecloud.com/api/v2/users", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	return http.DefaultClient.Do(req)
}
