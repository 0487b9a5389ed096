// Package entrascope asks Microsoft Entra ID for an app-only token with a
// permission instead of <resource>/.default.
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
		"scope":         {"https://graph.microsoft.com/User.Read.All"}, // want `error: scope "https://graph.microsoft.com/User.Read.All" is not a resource followed by /.default.*\[entra-scope\]`
	}
	return http.PostForm("https://login.microsoftonline.com/"+tenant+"/oauth2/v2.0/token", form)
}

func good(ctx context.Context, tenant string) *http.Client {
	cfg := &clientcredentials.Config{
		ClientID:     os.Getenv("AZURE_CLIENT_ID"),
		ClientSecret: os.Getenv("AZURE_CLIENT_SECRET"),
		TokenURL:     "https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/token",
		Scopes:       []string{"https://graph.microsoft.com/.default"},
	}
	return cfg.Client(ctx)
}
