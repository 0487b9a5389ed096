// Package secretinquery puts credentials into URLs.
package secretinquery

import (
	"net/http"
	"net/url"
	"os"
)

func token() (*http.Response, error) {
	u := "https://login.mypurecloud.com/oauth/token?grant_type=client_credentials&client_id=" + os.Getenv("ID") + "&client_secret=" + os.Getenv("SECRET") // want `error: client_secret is sent in the URL query string.*\[secret-in-query\]`
	return http.Post(u, "application/x-www-form-urlencoded", nil)
}

func items(token string) (*http.Response, error) {
	return http.Get("https://api.example.com/v1/items?access_token=" + token) // want `access_token is sent in the URL query string.*Authorization: Bearer.*\[secret-in-query\]`
}

// Credentials in the body; a page size in the query.
func good(form url.Values, token string) error {
	form.Set("grant_type", "client_credentials")
	form.Set("client_secret", os.Getenv("SECRET"))
	if _, err := http.PostForm("https://login.mypurecloud.com/oauth/token", form); err != nil {
		return err
	}
	req, _ := http.NewRequest("GET", "https://api.mypurecloud.com/api/v2/users?pageSize=25", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	_, err := http.DefaultClient.Do(req)
	return err
}
