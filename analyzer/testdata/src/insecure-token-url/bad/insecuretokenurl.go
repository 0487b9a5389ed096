// Package insecuretokenurl asks for tokens over plain http.
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
	return http.PostForm("http://login.mypurecloud.com/oauth/token", form) // want `error: token requested over http:// from login.mypurecloud.com: .*\[insecure-token-url\]`
}

func client(ctx context.Context) *http.Client {
	cfg := &clientcredentials.Config{
		ClientID:     os.Getenv("CLIENT_ID"),
		ClientSecret: os.Getenv("CLIENT_SECRET"),
		TokenURL:     "http://auth.example.com/oauth2/token", // want `token requested over http:// from auth.example.com.*\[insecure-token-url\]`
	}
	return cfg.Client(ctx)
}

// A local test server: nothing leaves the machine.
func local(form url.Values) (*http.Response, error) {
	form.Set("grant_type", "client_credentials")
	if _, err := http.PostForm("http://localhost:8080/oauth/token", form); err != nil {
		return nil, err
	}
	return http.PostForm("http://127.0.0.1:8080/oauth/token", form)
}
