// Package clientcredentials is a test stub of
// golang.org/x/oauth2/clientcredentials.
package clientcredentials

import (
	"context"
	"net/http"
	"net/url"

	"golang.org/x/oauth2"
)

// Config describes a client-credentials flow.
type Config struct {
	ClientID       string
	ClientSecret   string
	TokenURL       string
	Scopes         []string
	EndpointParams url.Values
	AuthStyle      oauth2.AuthStyle
}

// Token runs the grant.
func (c *Config) Token(ctx context.Context) (*oauth2.Token, error) { return nil, nil }

// Client returns an HTTP client that fetches and adds tokens.
func (c *Config) Client(ctx context.Context) *http.Client { return nil }
