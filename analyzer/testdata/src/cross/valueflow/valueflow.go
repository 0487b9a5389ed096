// Package valueflow builds token requests the ways real code does:
// http.Request literals changed field by field, URLs from url.Parse,
// url.URL literals, JoinPath, ResolveReference, path.Join and
// strings.Builder, helpers, struct fields, parameters and other
// packages' functions.
package valueflow

import (
	"crypto/tls"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path"
	"strings"

	"cross/valueflow/tokens"
)

// The Genesys tutorial shape: a request literal, the URL from url.Parse
// of a Sprintf over GENESYS_CLOUD_ENVIRONMENT, the body set afterwards.
func tutorial(client *http.Client) {
	environment := os.Getenv("GENESYS_CLOUD_ENVIRONMENT")
	authURL, _ := url.Parse(fmt.Sprintf("https://api.%v/oauth/token", environment)) // want `token requested from api.<Genesys Cloud region domain>, which serves the Genesys Cloud API.*\[token-host\]`
	request := http.Request{
		URL:    authURL,
		Method: "POST",
		Header: make(map[string][]string),
	}
	request.Header.Set("Content-Type", "application/json") // want `\[json-token-request\]`
	form := url.Values{}
	form["grant_type"] = []string{"client_credentials"}
	request.Body = io.NopCloser(strings.NewReader(form.Encode()))
	fmt.Println("authorizing at", authURL)
	client.Do(&request)
}

// Fields set one by one on a pointer to a literal.
func fieldByField(c *http.Client) {
	req := &http.Request{Header: http.Header{}}
	req.Method = "POST"
	req.URL = &url.URL{Scheme: "https", Host: "login.mypurecloud.ie", Path: "/api/v2/oauth/token"} // want `Genesys Cloud issues tokens at /oauth/token, not /api/v2/oauth/token.*\[token-path\]`
	req.Body = io.NopCloser(strings.NewReader("grant_type=client_credentials"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	c.Do(req)
}

// The whole header map replaced, the method from a constant.
func headerMap(c *http.Client, u *url.URL) {
	req := &http.Request{URL: &url.URL{Scheme: "https", Host: "login.mypurecloud.com", Path: "/oauth/token"}}
	req.Method = http.MethodPost
	req.Header = http.Header{"Content-Type": {"application/json"}} // want `\[json-token-request\]`
	req.Body = io.NopCloser(strings.NewReader(url.Values{"grant_type": {"client_credentials"}}.Encode()))
	c.Do(req)
}

// JoinPath on a parsed base.
func joined(c *http.Client) {
	base, _ := url.Parse("https://api.mypurecloud.de") // want `token requested from api.mypurecloud.de.*\[token-host\]`
	req, _ := http.NewRequest("POST", base.JoinPath("oauth", "token").String(), strings.NewReader("grant_type=client_credentials"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	c.Do(req)
}

// ResolveReference of an absolute path against the base.
func resolved(c *http.Client) {
	base, _ := url.Parse("https://login.mypurecloud.jp/")
	ref, _ := url.Parse("/api/v2/oauth/token") // want `not /api/v2/oauth/token.*\[token-path\]`
	req, _ := http.NewRequest("POST", base.ResolveReference(ref).String(), strings.NewReader("grant_type=client_credentials"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	c.Do(req)
}

// path.Join and strings.Builder.
func built(c *http.Client) {
	var sb strings.Builder
	sb.WriteString("https://")
	sb.WriteString("api.mypurecloud.com.au") // want `token requested from api.mypurecloud.com.au.*\[token-host\]`
	sb.WriteString(path.Join("/oauth", "token"))
	http.Post(sb.String(), "application/x-www-form-urlencoded", strings.NewReader("grant_type=client_credentials"))
}

// A helper that returns the token URL.
func tokenURL(env string) string {
	return "https://login." + env + "/api/v2/oauth/token" // want `not /api/v2/oauth/token.*\[token-path\]`
}

func viaHelper(c *http.Client) {
	c.PostForm(tokenURL("usw2.pure.cloud"), url.Values{"grant_type": {"client_credentials"}})
}

// A struct field set in one place, through a package-level variable.
type settings struct {
	TokenURL string
	Timeout  int
}

var defaults = settings{TokenURL: "https://api.cac1.pure.cloud/oauth/token", Timeout: 10} // want `token requested from api.cac1.pure.cloud.*\[token-host\]`

func viaField(c *http.Client) {
	c.PostForm(defaults.TokenURL, url.Values{"grant_type": {"client_credentials"}})
}

// A parameter every caller in the package passes the same constant.
func fetch(c *http.Client, endpoint string) {
	req, _ := http.NewRequest(http.MethodPost, endpoint, strings.NewReader("grant_type=client_credentials"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	c.Do(req)
}

const euw2 = "https://api.euw2.pure.cloud/oauth/token" // want `token requested from api.euw2.pure.cloud.*\[token-host\]`

func callers(c *http.Client) {
	fetch(c, euw2)
	fetch(c, euw2)
}

// A wrapper that returns the request; the caller sets the header.
func newTokenRequest() (*http.Request, error) {
	return http.NewRequest("POST", "https://login.apne2.pure.cloud/oauth/token", strings.NewReader("grant_type=client_credentials"))
}

func viaWrapper(c *http.Client) {
	req, err := newTokenRequest()
	if err != nil {
		return
	}
	req.Header.Set("Content-Type", "application/json") // want `\[json-token-request\]`
	c.Do(req)
}

// Another package's helper and variable, through facts.
func crossPackage(c *http.Client) {
	c.PostForm(tokens.URL("mypurecloud.com"), url.Values{"grant_type": {"client_credentials"}}) // want `token requested from api.mypurecloud.com.*\[token-host\]`
	c.PostForm(tokens.Default, url.Values{"grant_type": {"client_credentials"}})                // want `not /api/v2/oauth/token.*\[token-path\]`
	c.PostForm(tokens.Defaults.TokenURL, url.Values{"grant_type": {"client_credentials"}})      // want `token requested from api.mypurecloud.ie.*\[token-host\]`
}

// Sent by a transport that does not verify certificates.
func roundTrip() {
	t := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want `token requested with TLS certificate verification off.*\[tls-verify-disabled\]`
	req, _ := http.NewRequest("POST", "https://login.mypurecloud.com/oauth/token", strings.NewReader("grant_type=client_credentials"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	t.RoundTrip(req)
}
