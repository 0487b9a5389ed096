// Package remote requests a token with a URL another package writes.
package remote

import (
	"net/http"
	"net/url"

	"example.com/vetmod/config"
)

// Token asks for a token at the URL the loaded settings hold: a field
// written in package endpoints, which remote does not import; the fact
// reaches it through config.
func Token(form url.Values) (*http.Response, error) {
	s := config.Load()
	return http.PostForm(s.TokenURL, form)
}
