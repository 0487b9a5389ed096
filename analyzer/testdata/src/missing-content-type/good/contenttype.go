// Package contenttype types every hand-built form body, and lets
// http.PostForm type its own.
package contenttype

import (
	"net/http"
	"net/url"
	"strings"
)

func token(id, secret string) (*http.Response, error) {
	form := url.Values{"grant_type": {"client_credentials"}}
	req, err := http.NewRequest("POST", "https://login.mypurecloud.com/oauth/token", strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(id, secret)
	return http.DefaultClient.Do(req)
}

func postForm(form url.Values) (*http.Response, error) {
	form.Set("grant_type", "client_credentials")
	return http.PostForm("https://login.mypurecloud.ie/oauth/token", form)
}
