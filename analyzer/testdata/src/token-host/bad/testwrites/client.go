// Package testwrites keeps its token URL in a struct field that its
// constructor writes; its tests point the field at a test server. The
// value the package ships is the constructor's, and it is judged.
package testwrites

import (
	"net/http"
	"net/url"
)

type client struct {
	tokenURL string
}

func newClient() *client {
	return &client{tokenURL: "https://api.mypurecloud.com/oauth/token"} // want `token requested from api.mypurecloud.com`
}

func (c *client) token(form url.Values) (*http.Response, error) {
	return http.PostForm(c.tokenURL, form)
}

// defaultTokenURL is a variable the tests replace.
var defaultTokenURL = "https://login.mypurecloud.com/api/v2/oauth/token" // want `not /api/v2/oauth/token`

func token(form url.Values) (*http.Response, error) {
	return http.PostForm(defaultTokenURL, form)
}
