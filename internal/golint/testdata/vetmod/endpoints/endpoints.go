// Package endpoints knows the token URL and imports nothing HTTP: what it
// says reaches the requests only as facts.
package endpoints

// Settings are a deployment's OAuth settings.
type Settings struct {
	TokenURL string
}

// Defaults are written once; their token URL names the API host.
var Defaults = Settings{TokenURL: "https://api.mypurecloud.com/oauth/token"}

// TokenURL is the token URL in a region domain, also on the API host.
func TokenURL(domain string) string {
	return "https://api." + domain + "/oauth/token"
}
