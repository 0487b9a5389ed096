package extract

import (
	"strings"
	"testing"
)

func TestClassifyKey(t *testing.T) {
	tests := []struct {
		name string
		want keyKind
	}{
		{"TOKEN_URL", keyTokenURL},
		{"tokenUrl", keyTokenURL},
		{"token-uri", keyTokenURL},
		{"spring.security.oauth2.client.provider.genesys.token-uri", keyTokenURL},
		{"ACCESS_TOKEN_URL", keyTokenURL},
		{"accessTokenURL", keyTokenURL},
		{"OAUTH_TOKEN_ENDPOINT", keyTokenURL},
		{"Token URL", keyTokenURL},
		{"OAUTH_URL", keyAuthURL},
		{"GENESYS_ME_URL", keyURL},
		{"GENESYS_CLOUD_BASE_URL", keyBaseURL},
		{"basePath", keyBaseURL},
		{"API_URL", keyBaseURL},
		{"GENESYS_API_HOST", keyBaseURL},
		{"GHOST", keyOther},
		{"GENESYS_CLOUD_REGION", keyRegion},
		{"GENESYSCLOUD_REGION", keyRegion},
		{"aws_region", keyRegion},
		{"PURECLOUD_ENVIRONMENT", keyEnvironment},
		{"CLIENT_ID", keyClientID},
		{"clientID", keyClientID},
		{"OAuthClientId", keyClientID},
		{"GENESYSCLOUD_OAUTHCLIENT_ID", keyClientID},
		{"client_credentials", keyClientID},
		{"GENESYSCLOUD_OAUTHCLIENT_SECRET", keyClientSecret},
		{"AZURE_CLIENT_SECRET", keyClientSecret},
		{"quarkus.oidc.credentials.secret", keyClientSecret},
		{"GENESYSCLOUD_ACCESS_TOKEN", keyClientSecret},
		{"authorization-grant-type", keyGrantType},
		{"grantType", keyGrantType},
		{"TOKEN_POOL_SIZE", keyOther},
		{"", keyOther},
	}
	for _, tt := range tests {
		if got := classifyKey(tt.name); got != tt.want {
			t.Errorf("classifyKey(%q) = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestKeyTailKeepsLongestSuffix(t *testing.T) {
	for k := range keySuffixes {
		if len(k) > maxSuffixLetters {
			t.Errorf("keySuffixes entry %q is longer than maxSuffixLetters", k)
		}
	}
	deep := strings.Repeat("paths.x-amazon-apigateway.", 200) + "spring.security.oauth2.client.provider.genesys.token-uri"
	if got := classifyKey(deep); got != classifyKey("provider.genesys.token-uri") {
		t.Errorf("a deep path classifies as %v, its tail as %v", got, classifyKey("provider.genesys.token-uri"))
	}
}
