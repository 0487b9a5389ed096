// Package salesforcemydomain sends the Salesforce client-credentials
// grant to the org's My Domain, and other grants to login.salesforce.com.
package salesforcemydomain

import (
	"context"
	"net/http"
	"net/url"
	"os"

	"golang.org/x/oauth2/clientcredentials"
)

func client(ctx context.Context) *http.Client {
	cfg := &clientcredentials.Config{
		ClientID:     os.Getenv("SF_CLIENT_ID"),
		ClientSecret: os.Getenv("SF_CLIENT_SECRET"),
		TokenURL:     "https://acme--uat.sandbox.my.salesforce.com/services/oauth2/token",
	}
	return cfg.Client(ctx)
}

// The JWT bearer grant is served at login.salesforce.com.
func jwt(assertion string) (*http.Response, error) {
	return http.PostForm("https://login.salesforce.com/services/oauth2/token", url.Values{
		"grant_type": {"urn:ietf:params:oauth:grant-type:jwt-bearer"},
		"assertion":  {assertion},
	})
}
