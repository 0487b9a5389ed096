// Package policy is a test stub of github.com/Azure/azure-sdk-for-go/sdk/azcore/policy.
package policy

// TokenRequestOptions are the options of GetToken.
type TokenRequestOptions struct {
	Scopes   []string
	TenantID string
}
