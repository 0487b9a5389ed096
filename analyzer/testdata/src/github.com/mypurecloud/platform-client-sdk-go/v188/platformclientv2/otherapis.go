package platformclientv2

// Organization is an organization.
type Organization struct{ Id *string }

// Tokeninfo describes the token in use.
type Tokeninfo struct{ Organization *Organization }

// Queueentitylisting lists queues.
type Queueentitylisting struct{}

// OrganizationApi provides functions for API endpoints.
type OrganizationApi struct{ Configuration *Configuration }

// NewOrganizationApi creates an API instance using the default configuration.
func NewOrganizationApi() *OrganizationApi { return &OrganizationApi{GetDefaultConfiguration()} }

// GetOrganizationsMe invokes GET /api/v2/organizations/me.
func (a OrganizationApi) GetOrganizationsMe() (*Organization, *APIResponse, error) {
	return nil, nil, nil
}

// TokensApi provides functions for API endpoints.
type TokensApi struct{ Configuration *Configuration }

// NewTokensApi creates an API instance using the default configuration.
func NewTokensApi() *TokensApi { return &TokensApi{GetDefaultConfiguration()} }

// GetTokensMe invokes GET /api/v2/tokens/me.
func (a TokensApi) GetTokensMe(preserveIdleTTL bool) (*Tokeninfo, *APIResponse, error) {
	return nil, nil, nil
}

// RoutingApi provides functions for API endpoints.
type RoutingApi struct{ Configuration *Configuration }

// NewRoutingApiWithConfig creates an API instance using config.
func NewRoutingApiWithConfig(config *Configuration) *RoutingApi { return &RoutingApi{config} }

// GetRoutingQueuesMe invokes GET /api/v2/routing/queues/me.
func (a RoutingApi) GetRoutingQueuesMe(pageNumber int, pageSize int, joined bool, sortOrder string) (*Queueentitylisting, *APIResponse, error) {
	return nil, nil, nil
}

// GetRoutingQueues invokes GET /api/v2/routing/queues.
func (a RoutingApi) GetRoutingQueues(pageNumber int, pageSize int, sortOrder string, name string) (*Queueentitylisting, *APIResponse, error) {
	return nil, nil, nil
}

// ConversationsApi provides functions for API endpoints.
type ConversationsApi struct{ Configuration *Configuration }

// NewConversationsApi creates an API instance using the default configuration.
func NewConversationsApi() *ConversationsApi { return &ConversationsApi{GetDefaultConfiguration()} }

// PostConversationsEmailReconnect invokes POST /api/v2/conversations/emails/{conversationId}/reconnect.
func (a ConversationsApi) PostConversationsEmailReconnect(conversationId string) (*APIResponse, error) {
	return nil, nil
}
