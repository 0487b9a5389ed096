// Package contenttype sends a form body with http.NewRequest and no
// Content-Type header: net/http adds none.
package contenttype

import (
	"net/http"
	"net/url"
	"strings"
)

func token(id, secret string) (*http.Response, error) {
	form := url.Values{"grant_type": {"client_credentials"}}
	req, err := http.NewRequest("POST", "https://login.mypurecloud.com/oauth/token", strings.NewReader(form.Encode())) // want `error: form body sent without Content-Type, and Go adds none: .*\[missing-content-type\]`
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(id, secret)
	return http.DefaultClient.Do(req)
}

// http.PostForm and http.Post type the body themselves.
func typed(form url.Values) error {
	if _, err := http.PostForm("https://login.mypurecloud.com/oauth/token", form); err != nil {
		return err
	}
	_, err := http.Post("https://login.mypurecloud.com/oauth/token", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	return err
}
