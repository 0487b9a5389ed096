// Package jsonbody sends token requests as JSON.
package jsonbody

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
)

const tokenURL = "https://login.mypurecloud.com/oauth/token"

// A form body with a JSON Content-Type: the fix is the form type.
func jsonTypeOnForm(id, secret string) (*http.Response, error) {
	form := url.Values{"grant_type": {"client_credentials"}}
	req, _ := http.NewRequest(http.MethodPost, "https://login.mypurecloud.com/oauth/token", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/json") // want `error: the Genesys Cloud token endpoint takes application/x-www-form-urlencoded, not application/json: send the parameters as a form \(grant_type=client_credentials\) \[json-token-request\]`
	req.SetBasicAuth(id, secret)
	return http.DefaultClient.Do(req)
}

// The same through the header map.
func jsonTypeByIndex(body string) (*http.Response, error) {
	req, _ := http.NewRequest("POST", "https://login.mypurecloud.ie/oauth/token", strings.NewReader("grant_type=client_credentials"))
	req.Header["Content-Type"] = []string{"application/json"} // want `not application/json.*\[json-token-request\]`
	return http.DefaultClient.Do(req)
}

// json.Marshal of the parameters.
func marshalled(id, secret string) (*http.Response, error) {
	payload, err := json.Marshal(map[string]string{"grant_type": "client_credentials", "client_id": id, "client_secret": secret})
	if err != nil {
		return nil, err
	}
	return http.Post(tokenURL, "application/json", bytes.NewReader(payload)) // want `not application/json.*\[json-token-request\]`
}

// json.NewEncoder into a buffer, no Content-Type.
func encoded(params map[string]string) (*http.Response, error) {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(params); err != nil { // want `not a JSON body \(json.NewEncoder\).*\[json-token-request\]`
		return nil, err
	}
	req, _ := http.NewRequest("POST", tokenURL, &buf)
	return http.DefaultClient.Do(req)
}

// A JSON literal, recognised as a token request by its grant_type.
func literal(base string) (*http.Response, error) {
	body := `{"grant_type": "client_credentials"}` // want `warning: the token endpoint takes application/x-www-form-urlencoded, not a JSON body: .*\[json-token-request\]`
	return http.Post(base+"/token", "text/plain", strings.NewReader(body))
}
