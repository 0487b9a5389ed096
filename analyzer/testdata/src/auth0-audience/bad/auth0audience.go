// Package auth0audience asks Auth0 for a machine-to-machine token without
// naming the API.
package auth0audience

import (
	"net/http"
	"net/url"
	"os"
)

func token() (*http.Response, error) {
	return http.PostForm("https://dev-acme.us.auth0.com/oauth/token", url.Values{ // want `error: Auth0 client-credentials request without audience.*\[auth0-audience\]`
		"grant_type":    {"client_credentials"},
		"client_id":     {os.Getenv("AUTH0_CLIENT_ID")},
		"client_secret": {os.Getenv("AUTH0_CLIENT_SECRET")},
	})
}

func good() (*http.Response, error) {
	return http.PostForm("https://dev-acme.us.auth0.com/oauth/token", url.Values{
		"grant_type":    {"client_credentials"},
		"client_id":     {os.Getenv("AUTH0_CLIENT_ID")},
		"client_secret": {os.Getenv("AUTH0_CLIENT_SECRET")},
		"audience":      {"https://api.acme.example/"},
	})
}
