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

// x/oauth2 sends Scopes joined by spaces as the scope field: a permission
// name there is the same mistake as in a hand-built form.
func badLibrary(ctx context.Context, tenant string) *http.Client {
	cfg := &clientcredentials.Config{
		ClientID:     os.Getenv("AZURE_CLIENT_ID"),
		ClientSecret: os.Getenv("AZURE_CLIENT_SECRET"),
		TokenURL:     "https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/token",
		Scopes:       []string{"User.Read.All"}, // want `error: scope "User.Read.All" is not a resource followed by /.default.*\[entra-scope\]`
	}
	return cfg.Client(ctx)
}

// Scopes from a variable are unknown, not wrong.
func dynamicScopes(ctx context.Context, tenant string, scopes []string) *http.Client {
	cfg := &clientcredentials.Config{
		TokenURL: "https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/token",
		Scopes:   scopes,
	}
	return cfg.Client(ctx)
}
