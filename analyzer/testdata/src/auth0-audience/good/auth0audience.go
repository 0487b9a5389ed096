// Package auth0audience names the API in every Auth0 client-credentials
// request, in a form and in x/oauth2's endpoint parameters.
package auth0audience

import (
	"context"
	"net/http"
	"net/url"
	"os"

	"golang.org/x/oauth2/clientcredentials"
)

func token() (*http.Response, error) {
	return http.PostForm("https://dev-acme.eu.auth0.com/oauth/token", url.Values{
		"grant_type":    {"client_credentials"},
		"client_id":     {os.Getenv("AUTH0_CLIENT_ID")},
		"client_secret": {os.Getenv("AUTH0_CLIENT_SECRET")},
		"audience":      {"https://orders.acme.example/"},
	})
}

func client(ctx context.Context) *http.Client {
	cfg := &clientcredentials.Config{
		ClientID:       os.Getenv("AUTH0_CLIENT_ID"),
		ClientSecret:   os.Getenv("AUTH0_CLIENT_SECRET"),
		TokenURL:       "https://dev-acme.eu.auth0.com/oauth/token",
		EndpointParams: url.Values{"audience": {"https://orders.acme.example/"}},
	}
	return cfg.Client(ctx)
}
