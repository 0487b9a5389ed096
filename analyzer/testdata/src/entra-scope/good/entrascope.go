// Package entrascope asks Microsoft Entra ID for app-only tokens for a
// whole resource, <resource>/.default, by hand and through x/oauth2.
package entrascope

import (
	"context"
	"net/http"
	"net/url"
	"os"

	"golang.org/x/oauth2/clientcredentials"
)

func token(tenant string) (*http.Response, error) {
	form := url.Values{
		"grant_type":    {"client_credentials"},
		"client_id":     {os.Getenv("AZURE_CLIENT_ID")},
		"client_secret": {os.Getenv("AZURE_CLIENT_SECRET")},
		"scope":         {"https://graph.microsoft.com/.default"},
	}
	return http.PostForm("https://login.microsoftonline.com/"+tenant+"/oauth2/v2.0/token", form)
}

func client(ctx context.Context, tenant string) *http.Client {
	cfg := &clientcredentials.Config{
		ClientID:     os.Getenv("AZURE_CLIENT_ID"),
		ClientSecret: os.Getenv("AZURE_CLIENT_SECRET"),
		TokenURL:     "https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/token",
		Scopes:       []string{"api://0c1f2a3b-4d5e-6f70-8192-a3b4c5d6e7f8/.default"},
	}
	return cfg.Client(ctx)
}
