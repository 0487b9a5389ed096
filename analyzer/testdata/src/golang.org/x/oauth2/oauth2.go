// Package oauth2 is a test stub of golang.org/x/oauth2 with the real
// identifiers and signatures the analyzer reads.
package oauth2

import (
	"context"
	"net/http"
)

// AuthStyle says how the client authenticates to the token endpoint.
type AuthStyle int

const (
	AuthStyleAutoDetect AuthStyle = 0
	AuthStyleInParams   AuthStyle = 1
	AuthStyleInHeader   AuthStyle = 2
)

// Endpoint holds a provider's authorization and token URLs.
type Endpoint struct {
	AuthURL       string
	DeviceAuthURL string
	TokenURL      string
	AuthStyle     AuthStyle
}

// Config is a three-legged OAuth 2.0 configuration.
type Config struct {
	ClientID     string
	ClientSecret string
	Endpoint     Endpoint
	RedirectURL  string
	Scopes       []string
}

// Token is an access token.
type Token struct {
	AccessToken string
}

// AuthCodeURL returns the consent page URL.
func (c *Config) AuthCodeURL(state string) string { return "" }

// Exchange converts an authorization code into a token.
func (c *Config) Exchange(ctx context.Context, code string) (*Token, error) { return nil, nil }

// PasswordCredentialsToken runs the resource owner password grant.
func (c *Config) PasswordCredentialsToken(ctx context.Context, username, password string) (*Token, error) {
	return nil, nil
}

// Client returns an HTTP client that adds the token.
func (c *Config) Client(ctx context.Context, t *Token) *http.Client { return nil }
