// Package authentication is a test stub of
// github.com/microsoft/kiota-authentication-azure-go.
package authentication

// AzureIdentityAuthenticationProvider asks a credential for tokens.
type AzureIdentityAuthenticationProvider struct{}

// NewAzureIdentityAuthenticationProviderWithScopes asks credential for
// tokens for scopes.
func NewAzureIdentityAuthenticationProviderWithScopes(credential interface{}, scopes []string) (*AzureIdentityAuthenticationProvider, error) {
	return &AzureIdentityAuthenticationProvider{}, nil
}
