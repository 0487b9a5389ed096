package platformclientv2

// UsersApi provides functions for API endpoints.
type UsersApi struct {
	Configuration *Configuration
}

// Userme is the current user.
type Userme struct{ Id *string }

// User is a user.
type User struct{ Id *string }

// NewUsersApi creates an API instance using the default configuration.
func NewUsersApi() *UsersApi { return &UsersApi{Configuration: GetDefaultConfiguration()} }

// NewUsersApiWithConfig creates an API instance using config.
func NewUsersApiWithConfig(config *Configuration) *UsersApi {
	return &UsersApi{Configuration: config}
}

// GetUsersMe invokes GET /api/v2/users/me.
func (a UsersApi) GetUsersMe(expand []string, integrationPresenceSource string, userCustomAttributeSchemaIds []string) (*Userme, *APIResponse, error) {
	return nil, nil, nil
}

// GetUser invokes GET /api/v2/users/{userId}.
func (a UsersApi) GetUser(userId string, expand []string, integrationPresenceSource string, userCustomAttributeSchemaIds []string, state string) (*User, *APIResponse, error) {
	return nil, nil, nil
}
