// Package unencoded writes credentials raw into hand-built form bodies.
package unencoded

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

const tokenURL = "https://login.mypurecloud.com/oauth/token"

// A variable secret concatenated raw: the fix wraps it in url.QueryEscape.
func concatenated(id, secret string) (*http.Response, error) {
	body := "grant_type=client_credentials&client_id=" + url.QueryEscape(id) + "&client_secret=" + secret // want `warning: client_secret is inserted into the form body without percent-encoding; .*encode it with url.QueryEscape, or build the body with url.Values\{...\}.Encode\(\) \[unencoded-secret\]`
	req, err := http.NewRequest("POST", tokenURL, strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return http.DefaultClient.Do(req)
}

// fmt.Sprintf with %s.
func formatted(id, secret string) (*http.Response, error) {
	body := fmt.Sprintf("grant_type=client_credentials&client_id=%s&client_secret=%s", url.QueryEscape(id), secret) // want `warning: client_secret is inserted .*\[unencoded-secret\]`
	return http.Post(tokenURL, "application/x-www-form-urlencoded", strings.NewReader(body))
}

// A literal secret with "+", which the server reads as a space.
func literal() (*http.Response, error) {
	return http.Post(tokenURL, "application/x-www-form-urlencoded",
		strings.NewReader("grant_type=client_credentials&client_id=abc&client_secret=ab+cd")) // want `error: client_secret contains "\+", which the server reads as a space: .*\[unencoded-secret\]`
}

// Encoded by hand, and by url.Values: nothing to report.
func encoded(id, secret string) (*http.Response, error) {
	body := "grant_type=client_credentials&client_id=" + url.QueryEscape(id) + "&client_secret=" + url.QueryEscape(secret)
	if _, err := http.Post(tokenURL, "application/x-www-form-urlencoded", strings.NewReader(body)); err != nil {
		return nil, err
	}
	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {id}, "client_secret": {"ab+cd"}}
	return http.Post(tokenURL, "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
}

// url.Values filled by index, as the Genesys CLI does: encoded by Encode.
func indexed(secret string) (*http.Response, error) {
	form := url.Values{}
	form["grant_type"] = []string{"client_credentials"}
	form["client_secret"] = []string{"ab+cd&ef"}
	return http.Post(tokenURL, "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
}

// The same with the grant misspelt, through the index.
func misspelt() (*http.Response, error) {
	form := url.Values{}
	form["grant_type"] = []string{"client-credentials"} // want `grant_type "client-credentials" is not a grant type .*\[grant-type\]`
	return http.Post(tokenURL, "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
}
