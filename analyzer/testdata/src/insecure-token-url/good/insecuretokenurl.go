// Package insecuretokenurl asks for tokens over https, and over plain
// http only where nothing leaves the machine or its link.
package insecuretokenurl

import (
	"context"
	"net/http"
	"net/url"
	"os"

	"golang.org/x/oauth2/clientcredentials"
)

func token(form url.Values) (*http.Response, error) {
	form.Set("grant_type", "client_credentials")
	return http.PostForm("https://login.mypurecloud.com/oauth/token", form)
}

func client(ctx context.Context) *http.Client {
	cfg := &clientcredentials.Config{
		ClientID:     os.Getenv("CLIENT_ID"),
		ClientSecret: os.Getenv("CLIENT_SECRET"),
		TokenURL:     "https://auth.example.com/oauth2/token",
	}
	return cfg.Client(ctx)
}

// A sidecar on loopback.
func sidecar(form url.Values) (*http.Response, error) {
	form.Set("grant_type", "client_credentials")
	return http.PostForm("http://[::1]:8080/oauth/token", form)
}
