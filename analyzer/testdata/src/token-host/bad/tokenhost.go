// Package tokenhost asks the API host for tokens.
package tokenhost

import (
	"net/http"
	"net/url"
	"os"
	"strings"
)

// Used once: the finding and the fix are at the definition.
const tokenURL = "https://api.mypurecloud.com/oauth/token" // want `error: token requested from api.mypurecloud.com, which serves the Genesys Cloud API, not tokens: use https://login.mypurecloud.com/oauth/token \(us-east-1\) \[token-host\]`

func token() (*http.Response, error) {
	form := url.Values{}
	form.Set("grant_type", "client_credentials")
	req, err := http.NewRequest("POST", tokenURL, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(os.Getenv("ID"), os.Getenv("SECRET"))
	return http.DefaultClient.Do(req)
}

// Ireland, with http.PostForm and credentials in the (encoded) form.
func tokenIE(id, secret string) (*http.Response, error) {
	return http.PostForm("https://api.mypurecloud.ie/oauth/token", url.Values{ // want `token requested from api.mypurecloud.ie.*use https://login.mypurecloud.ie/oauth/token \(eu-west-1\) \[token-host\]`
		"grant_type":    {"client_credentials"},
		"client_id":     {id},
		"client_secret": {secret},
	})
}

// Shared by two requests: reported once at the definition, the line a
// user fixes, with no fix, since editing it changes both requests.
var sharedURL = "https://api.mypurecloud.de/oauth/token" // want `api.mypurecloud.de.*\[token-host\]`

func tokenDE(c *http.Client, body string) (*http.Response, error) {
	return c.Post(sharedURL, "application/x-www-form-urlencoded", strings.NewReader(body))
}

func tokenDEAgain(c *http.Client) (*http.Response, error) {
	return c.PostForm(sharedURL, url.Values{"grant_type": {"client_credentials"}})
}
