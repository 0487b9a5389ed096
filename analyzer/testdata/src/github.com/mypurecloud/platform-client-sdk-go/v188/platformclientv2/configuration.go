// Package platformclientv2 is a test stub of the Genesys Cloud Go SDK
// (v188) with the real identifiers and signatures the analyzer reads.
package platformclientv2

// Configuration is the SDK's client configuration.
type Configuration struct {
	BasePath              string
	AccessToken           string
	ClientID              string
	ClientSecret          string
	AutomaticTokenRefresh bool
}

// AuthResponse is a token response.
type AuthResponse struct {
	AccessToken  string
	RefreshToken string
}

// APIResponse is an API call's response.
type APIResponse struct {
	StatusCode int
}

var defaultConfiguration = &Configuration{BasePath: "https://api.mypurecloud.com"}

// GetDefaultConfiguration returns the shared configuration.
func GetDefaultConfiguration() *Configuration { return defaultConfiguration }

// NewConfiguration returns a new configuration.
func NewConfiguration() *Configuration {
	return &Configuration{BasePath: "https://api.mypurecloud.com"}
}

// AuthorizeClientCredentials runs the client-credentials grant against
// BasePath with //api. replaced by //login., + /oauth/token.
func (c *Configuration) AuthorizeClientCredentials(clientID string, clientSecret string) error {
	return nil
}

// AuthorizeCodeGrant exchanges an authorization code.
func (c *Configuration) AuthorizeCodeGrant(clientID string, clientSecret string, authCode string, redirectUri string) (*AuthResponse, error) {
	return nil, nil
}

// RefreshAuthorizationCodeGrant refreshes a code-grant token.
func (c *Configuration) RefreshAuthorizationCodeGrant(clientID string, clientSecret string, refreshToken string) (*AuthResponse, error) {
	return nil, nil
}

// AuthorizePKCEGrant exchanges an authorization code with a PKCE verifier.
func (c *Configuration) AuthorizePKCEGrant(clientID string, codeVerifier string, authCode string, redirectUri string) (*AuthResponse, error) {
	return nil, nil
}
