// Package azidentity is a test stub of github.com/Azure/azure-sdk-for-go/sdk/azidentity
// with the identifiers and signatures the analyzer reads.
package azidentity

import (
	"context"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
)

// AccessToken is a token and its expiry.
type AccessToken struct{ Token string }

// ClientSecretCredential authenticates an application with a secret.
type ClientSecretCredential struct{}

type ClientSecretCredentialOptions struct{}

func NewClientSecretCredential(tenantID, clientID, clientSecret string, options *ClientSecretCredentialOptions) (*ClientSecretCredential, error) {
	return &ClientSecretCredential{}, nil
}

func (c *ClientSecretCredential) GetToken(ctx context.Context, opts policy.TokenRequestOptions) (AccessToken, error) {
	return AccessToken{}, nil
}

// InteractiveBrowserCredential signs a user in through a browser.
type InteractiveBrowserCredential struct{}

type InteractiveBrowserCredentialOptions struct{ TenantID, ClientID string }

func NewInteractiveBrowserCredential(options *InteractiveBrowserCredentialOptions) (*InteractiveBrowserCredential, error) {
	return &InteractiveBrowserCredential{}, nil
}

func (c *InteractiveBrowserCredential) GetToken(ctx context.Context, opts policy.TokenRequestOptions) (AccessToken, error) {
	return AccessToken{}, nil
}
