// Package granttype spells every grant as registered: the
// client-credentials, refresh-token and JWT-bearer grants, in forms and
// raw bodies.
package granttype

import (
	"net/http"
	"net/url"
	"strings"
)

func clientCredentials(id, secret string) (*http.Response, error) {
	form := url.Values{"grant_type": {"client_credentials"}}
	req, err := http.NewRequest("POST", "https://login.mypurecloud.com/oauth/token", strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(id, secret)
	return http.DefaultClient.Do(req)
}

func refresh(id, secret, token string) (*http.Response, error) {
	body := strings.NewReader("grant_type=refresh_token&refresh_token=" + url.QueryEscape(token))
	req, err := http.NewRequest("POST", "https://login.mypurecloud.ie/oauth/token", body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(id, secret)
	return http.DefaultClient.Do(req)
}

// An extension grant is an absolute URI.
func jwtBearer(assertion string) (*http.Response, error) {
	return http.PostForm("https://login.mypurecloud.com/oauth/token", url.Values{
		"grant_type": {"urn:ietf:params:oauth:grant-type:jwt-bearer"},
		"assertion":  {assertion},
	})
}
