// Package jsonbody is jsonbody's twin with every token request a form,
// and JSON where it belongs: an API call's body.
package jsonbody

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
)

const tokenURL = "https://login.mypurecloud.com/oauth/token"

func formType(id, secret string) (*http.Response, error) {
	form := url.Values{"grant_type": {"client_credentials"}}
	req, _ := http.NewRequest(http.MethodPost, tokenURL, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(id, secret)
	return http.DefaultClient.Do(req)
}

func postForm(id, secret string) (*http.Response, error) {
	return http.PostForm(tokenURL, url.Values{"grant_type": {"client_credentials"}, "client_id": {id}, "client_secret": {secret}})
}

// A JSON body to the API, with the token.
func createQueue(token, name string) (*http.Response, error) {
	payload, err := json.Marshal(map[string]string{"name": name})
	if err != nil {
		return nil, err
	}
	req, _ := http.NewRequest("POST", "https://api.mypurecloud.com/api/v2/routing/queues", bytes.NewReader(payload))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	return http.DefaultClient.Do(req)
}
