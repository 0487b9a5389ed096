// Package insecure sends token requests through a client that does not
// verify TLS certificates.
package insecure

import (
	"crypto/tls"
	"net/http"
	"net/url"
	"strings"
)

func token(form url.Values, verify bool) error {
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want `warning: token requested with TLS certificate verification off: anyone on the path can pose as login.mypurecloud.com .*\[tls-verify-disabled\]`
	client := &http.Client{Transport: tr}
	form.Set("grant_type", "client_credentials")
	if _, err := client.PostForm("https://login.mypurecloud.com/oauth/token", form); err != nil {
		return err
	}
	// A setting the linter cannot see: nothing.
	safe := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: !verify}}}
	req, _ := http.NewRequest("POST", "https://login.mypurecloud.ie/oauth/token", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if _, err := safe.Do(req); err != nil {
		return err
	}
	return nil
}

func defaultTransport(form url.Values) error {
	http.DefaultTransport.(*http.Transport).TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want `TLS certificate verification off: anyone on the path can pose as login.mypurecloud.de .*\[tls-verify-disabled\]` `pose as login.mypurecloud.jp .*\[tls-verify-disabled\]`
	_, err := http.PostForm("https://login.mypurecloud.de/oauth/token", url.Values{"grant_type": {"client_credentials"}})
	return err
}

// The default transport is process-wide: http.DefaultClient elsewhere in
// the package is affected too.
func viaDefaultClient(form url.Values) error {
	req, _ := http.NewRequest("POST", "https://login.mypurecloud.jp/oauth/token", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	_, err := http.DefaultClient.Do(req)
	return err
}
