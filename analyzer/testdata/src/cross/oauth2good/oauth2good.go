// Package oauth2good uses golang.org/x/oauth2 correctly: the library
// encodes the body and sets the content type itself, and oauth2.Config is
// a user grant, so /users/me is fine.
package oauth2good

import (
	"context"
	"net/http"
	"net/url"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

func service(ctx context.Context, id, secret string) *http.Client {
	cfg := clientcredentials.Config{
		ClientID:       id,
		ClientSecret:   secret,
		TokenURL:       "https://login.mypurecloud.com/oauth/token",
		EndpointParams: url.Values{"client_assertion": {"ab+cd"}},
		AuthStyle:      oauth2.AuthStyleInParams,
	}
	return cfg.Client(ctx)
}

func user(ctx context.Context, code string) (*http.Response, error) {
	conf := &oauth2.Config{
		ClientID: "id",
		Endpoint: oauth2.Endpoint{
			AuthURL:  "https://login.mypurecloud.com/oauth/authorize",
			TokenURL: "https://login.mypurecloud.com/oauth/token",
		},
	}
	tok, err := conf.Exchange(ctx, code)
	if err != nil {
		return nil, err
	}
	return conf.Client(ctx, tok).Get("https://api.mypurecloud.com/api/v2/users/me")
}
