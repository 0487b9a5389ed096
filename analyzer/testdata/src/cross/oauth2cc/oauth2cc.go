// Package oauth2cc uses golang.org/x/oauth2/clientcredentials with the
// API host, and calls /api/v2/users/me with the token.
package oauth2cc

import (
	"context"
	"net/http"
	"os"

	"golang.org/x/oauth2/clientcredentials"
)

func client(ctx context.Context) *http.Client {
	cfg := &clientcredentials.Config{
		ClientID:     os.Getenv("GENESYS_CLOUD_CLIENT_ID"),
		ClientSecret: os.Getenv("GENESYS_CLOUD_CLIENT_SECRET"),
		TokenURL:     "https://api.mypurecloud.com/oauth/token", // want `error: token requested from api.mypurecloud.com, which serves the Genesys Cloud API, not tokens: use https://login.mypurecloud.com/oauth/token \(us-east-1\) \[token-host\]`
	}
	return cfg.Client(ctx)
}

func me(ctx context.Context) (*http.Response, error) {
	return client(ctx).Get("https://api.mypurecloud.com/api/v2/users/me") // want `error: GET /api/v2/users/me needs a user.*\[user-scoped-api\]`
}
