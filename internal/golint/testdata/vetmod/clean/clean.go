// Package clean does it right: nothing to report.
package clean

import (
	"net/http"
	"net/url"
	"strings"
)

// Token is the documented request.
func Token(id, secret string) (*http.Response, error) {
	form := url.Values{"grant_type": {"client_credentials"}}
	req, err := http.NewRequest(http.MethodPost, "https://login.mypurecloud.com/oauth/token", strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(id, secret)
	return http.DefaultClient.Do(req)
}

// Staging asks a test double on the API host, with the finding
// suppressed: neither go vet -vettool nor tokenlint reports it.
func Staging(form url.Values) (*http.Response, error) {
	// tokenlint:ignore token-host -- the staging double listens on the API host
	return http.PostForm("https://api.mypurecloud.com/oauth/token", form)
}
