// Package msgraphsdk is a test stub of github.com/microsoftgraph/msgraph-sdk-go
// with the identifiers and signatures the analyzer reads.
package msgraphsdk

import "github.com/microsoftgraph/msgraph-sdk-go/users"

// GraphServiceClient is the Graph client.
type GraphServiceClient struct{}

// NewGraphServiceClientWithCredentials makes a client that asks credential
// for tokens for scopes.
func NewGraphServiceClientWithCredentials(credential interface{}, scopes []string) (*GraphServiceClient, error) {
	return &GraphServiceClient{}, nil
}

// Me is the signed-in user.
func (m *GraphServiceClient) Me() *users.MeRequestBuilder { return nil }

// Users is the users collection.
func (m *GraphServiceClient) Users() *users.UsersRequestBuilder { return nil }
