// Package tokens builds token URLs for another package: its results
// reach the caller as facts, and the test expects each fact.
package tokens

import "fmt"

// URL is the token URL of a region domain, with the wrong host.
func URL(domain string) string { // want URL:`https://api.\{0\}/oauth/token`
	return fmt.Sprintf("https://api.%s/oauth/token", domain)
}

// Default is a token URL with the wrong path.
var Default = "https://login.mypurecloud.com/api/v2/oauth/token" // want Default:`https://login.mypurecloud.com/api/v2/oauth/token`

// Settings are token settings.
type Settings struct {
	TokenURL string // want TokenURL:`https://api.mypurecloud.ie/oauth/token`
	Timeout  int
}

// Defaults is set in one place, with the wrong host.
var Defaults = Settings{TokenURL: "https://api.mypurecloud.ie/oauth/token", Timeout: 10}
