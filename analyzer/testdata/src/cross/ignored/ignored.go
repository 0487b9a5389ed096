// Package ignored suppresses a finding with a tokenlint:ignore directive,
// which go vet -vettool honours as tokenlint ./... does.
package ignored

import (
	"net/http"
	"net/url"
)

func token(form url.Values) (*http.Response, error) {
	// tokenlint:ignore token-host -- the test double listens on the API host
	return http.PostForm("https://api.mypurecloud.com/oauth/token", form)
}
