package region

import (
	"net/http"
	"net/url"
)

// A host that exists in no region: with the region set, the message names
// the exact token URL of the org's region.
func token(id, secret string) (*http.Response, error) {
	return http.PostForm("https://api.us.genesys.cloud/oauth/token", url.Values{ // want `api.us.genesys.cloud.*https://login.mypurecloud.de/oauth/token \(eu-central-1\) \[token-host\]`
		"grant_type":    {"client_credentials"},
		"client_id":     {id},
		"client_secret": {secret},
	})
}
