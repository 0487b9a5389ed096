// Package regional requests a token with the URL a function of another
// package builds.
package regional

import (
	"net/http"
	"net/url"

	"example.com/vetmod/endpoints"
)

// Token asks for a token at the URL endpoints builds for a region.
func Token(form url.Values) (*http.Response, error) {
	return http.PostForm(endpoints.TokenURL("mypurecloud.ie"), form)
}
