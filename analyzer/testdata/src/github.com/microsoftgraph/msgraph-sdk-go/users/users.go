// Package users is a test stub of the request builders of
// github.com/microsoftgraph/msgraph-sdk-go.
package users

import "context"

// User is a user.
type User struct{}

type MeRequestBuilder struct{}

func (m *MeRequestBuilder) Get(ctx context.Context, cfg interface{}) (*User, error) { return nil, nil }
func (m *MeRequestBuilder) Messages() *MessagesRequestBuilder                       { return nil }

type MessagesRequestBuilder struct{}

func (m *MessagesRequestBuilder) Get(ctx context.Context, cfg interface{}) (interface{}, error) {
	return nil, nil
}

type UsersRequestBuilder struct{}

func (m *UsersRequestBuilder) ByUserId(id string) *UserItemRequestBuilder { return nil }

type UserItemRequestBuilder struct{}

func (m *UserItemRequestBuilder) Get(ctx context.Context, cfg interface{}) (*User, error) {
	return nil, nil
}
