// Package tokenpath asks for tokens at /oauth/token, and calls the
// Platform API under /api/v2.
package tokenpath

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

const loginHost = "https://login.mypurecloud.com"

func token(form url.Values) (*http.Response, error) {
	return http.Post(loginHost+"/oauth/token", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
}

func tokenAU(form url.Values) (*http.Response, error) {
	u := fmt.Sprintf("https://login.%s/oauth/token", "mypurecloud.com.au")
	return http.PostForm(u, form)
}

func users(token string) (*http.Response, error) {
	req, err := http.NewRequest("GET", "https://api.mypurecloud.com.au/api/v2/users", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	return http.DefaultClient.Do(req)
}
