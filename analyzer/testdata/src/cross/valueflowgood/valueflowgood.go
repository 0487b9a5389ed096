// Package valueflowgood is valueflow's twin with every value right:
// login hosts, /oauth/token, form bodies, /api/v2/users not /users/me.
// Nothing to report.
package valueflowgood

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path"
	"strings"
)

func tutorial(client *http.Client) {
	environment := os.Getenv("GENESYS_CLOUD_ENVIRONMENT")
	authURL, _ := url.Parse(fmt.Sprintf("https://login.%v/oauth/token", environment))
	request := http.Request{URL: authURL, Method: "POST", Header: make(map[string][]string)}
	request.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	form := url.Values{}
	form["grant_type"] = []string{"client_credentials"}
	request.Body = io.NopCloser(strings.NewReader(form.Encode()))
	client.Do(&request)

	// The same variable, reassigned for the API call.
	usersURL, _ := url.Parse(fmt.Sprintf("https://api.%v/api/v2/users?pageSize=10", environment))
	request = http.Request{URL: usersURL, Method: "GET", Header: make(map[string][]string)}
	request.Header.Set("Authorization", "Bearer "+os.Getenv("TOKEN"))
	client.Do(&request)
}

func fieldByField(c *http.Client) {
	req := &http.Request{Header: http.Header{}}
	req.Method = "POST"
	req.URL = &url.URL{Scheme: "https", Host: "login.mypurecloud.ie", Path: "/oauth/token"}
	req.Body = io.NopCloser(strings.NewReader("grant_type=client_credentials"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	c.Do(req)
}

func joined(c *http.Client) {
	base, _ := url.Parse("https://login.mypurecloud.de")
	req, _ := http.NewRequest("POST", base.JoinPath("oauth", "token").String(), strings.NewReader("grant_type=client_credentials"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	c.Do(req)
}

func built(c *http.Client) {
	var sb strings.Builder
	sb.WriteString("https://")
	sb.WriteString("login.mypurecloud.com.au")
	sb.WriteString(path.Join("/oauth", "token"))
	http.Post(sb.String(), "application/x-www-form-urlencoded", strings.NewReader("grant_type=client_credentials"))
}

func tokenURL(env string) string {
	return "https://login." + env + "/oauth/token"
}

type settings struct{ TokenURL string }

var defaults = settings{TokenURL: "https://login.cac1.pure.cloud/oauth/token"}

func fetch(c *http.Client, endpoint string) {
	req, _ := http.NewRequest(http.MethodPost, endpoint, strings.NewReader("grant_type=client_credentials"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	c.Do(req)
}

// Callers that disagree: the parameter is unknown, not wrong.
func callers(c *http.Client) {
	c.PostForm(tokenURL("usw2.pure.cloud"), url.Values{"grant_type": {"client_credentials"}})
	c.PostForm(defaults.TokenURL, url.Values{"grant_type": {"client_credentials"}})
	fetch(c, "https://login.euw2.pure.cloud/oauth/token")
	fetch(c, "https://api.euw2.pure.cloud/api/v2/users")
}
