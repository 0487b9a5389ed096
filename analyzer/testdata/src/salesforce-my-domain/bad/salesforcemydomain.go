// Package salesforcemydomain sends the Salesforce client-credentials
// grant to login.salesforce.com.
package salesforcemydomain

import (
	"context"
	"net/http"
	"os"

	"golang.org/x/oauth2/clientcredentials"
)

func client(ctx context.Context) *http.Client {
	cfg := &clientcredentials.Config{
		ClientID:     os.Getenv("SF_CLIENT_ID"),
		ClientSecret: os.Getenv("SF_CLIENT_SECRET"),
		TokenURL:     "https://login.salesforce.com/services/oauth2/token", // want `error: Salesforce does not serve the client-credentials grant at login.salesforce.com.*\[salesforce-my-domain\]`
	}
	return cfg.Client(ctx)
}

func good(ctx context.Context) *http.Client {
	cfg := &clientcredentials.Config{
		ClientID:     os.Getenv("SF_CLIENT_ID"),
		ClientSecret: os.Getenv("SF_CLIENT_SECRET"),
		TokenURL:     "https://acme.my.salesforce.com/services/oauth2/token",
	}
	return cfg.Client(ctx)
}
