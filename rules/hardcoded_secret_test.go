package rules

import (
	"encoding/base64"
	"testing"
)

func TestLooksLikeSecret(t *testing.T) {
	for _, tt := range []struct {
		value string
		want  bool
	}{
		{"Jq8vL2x9TzR4wY7nB3mK", true},
		{"Wq+dEf/ghi=jkl9", true},
		{"abc+def/ghi=jkl", false}, // abcdefghijkl: a sequence
		{"9f8e7d6c5b4a", true},
		{"P@ssw0rd!2024", true},
		{"", false},
		{"short7c", false},
		{"Ab+c/d==", false},
		{"hunter2hunter2", false},
		{"openid-connect", false},
		{"123456abcxyz", false},
		{"eyJraWQiOiJlX1duS. . . . .josV5OPNwka0DG2qy0Yg", false},
		{"{noop}with-messages", false},
		{"{bcrypt}$2a$10$abcdefghijKLMNOPqrstu", false},
		{"{noop}Jq8vL2x9TzR4wY7n", true},
		{"E2050034-0C95-11E1-872D-1BB84724019B", true},
		{"aabbccddeeff", false},
		{"your_client_secret", false},
		{"YOUR_CLIENT_SECRET", false},
		{"OAUTH CLIENT SECRET", false},
		{"<client-secret>", false},
		{"[client secret]", false},
		{"xxxxxxxxxxxx", false},
		{"xxxx-xxxx-xxxx", false},
		{"************", false},
		{"abcd...wxyz", false},
		{"changeme123", false},
		{"password123", false},
		{"mysecretvalue", false},
		{"${CLIENT_SECRET}", false},
		{"$CLIENT_SECRET", false},
		{"{{clientSecret}}", false},
		{"%CLIENT_SECRET%", false},
		{"vault://kv/genesys#secret", false},
		{"op://vault/genesys/credential", false},
		{"arn:aws:secretsmanager:us-east-1:123:secret:x", false},
		{"client-secret", false},
		{"test-client-8f3a", false},
	} {
		if got := looksLikeSecret(tt.value, "client_secret"); got != tt.want {
			t.Errorf("looksLikeSecret(%q) = %v, want %v", tt.value, got, tt.want)
		}
	}
}

func TestHardcodedSecret(t *testing.T) {
	const secret = "Jq8vL2x9TzR4wY7nB3mK"
	tests := []struct {
		name string
		unit func(s *src) *Unit
		want []string // flagged texts
	}{
		{"setting", func(s *src) *Unit {
			return &Unit{Settings: []Setting{{Kind: SettingClientSecret, Key: s.lit("GENESYS_CLOUD_CLIENT_SECRET"), Value: s.lit(secret)}}}
		}, []string{secret}},
		{"curl -u", func(s *src) *Unit {
			r := s.post("https://login.mypurecloud.com/oauth/token", s.form("grant_type=client_credentials"))
			r.Auth = &Auth{Kind: AuthBasic, User: s.lit("my-client"), Secret: s.lit(secret), Via: "curl -u"}
			return &Unit{Requests: []*Request{r}}
		}, []string{secret}},
		{"Basic header blob", func(s *src) *Unit {
			r := s.post("https://login.mypurecloud.com/oauth/token", s.form("grant_type=client_credentials"))
			r.Auth = &Auth{Kind: AuthBasic, Secret: s.lit(base64.StdEncoding.EncodeToString([]byte("id:" + secret)))}
			return &Unit{Requests: []*Request{r}}
		}, []string{base64.StdEncoding.EncodeToString([]byte("id:" + secret))}},
		{"Basic header blob of a placeholder", func(s *src) *Unit {
			r := s.post("https://login.mypurecloud.com/oauth/token", s.form("grant_type=client_credentials"))
			r.Auth = &Auth{Kind: AuthBasic, Secret: s.lit(base64.StdEncoding.EncodeToString([]byte("client_id:client_secret")))}
			return &Unit{Requests: []*Request{r}}
		}, nil},
		{"library helper", func(s *src) *Unit {
			r := &Request{Role: RoleToken, URL: s.lit("https://login.mypurecloud.com/oauth/token"), Library: true,
				Auth: &Auth{Kind: AuthOAuth2, User: s.lit("id"), Secret: s.lit(secret), Via: "clientcredentials.Config"}}
			return &Unit{Requests: []*Request{r}}
		}, []string{secret}},
		{"body field", func(s *src) *Unit {
			return &Unit{Requests: []*Request{s.post("https://login.mypurecloud.com/oauth/token",
				s.form("grant_type=client_credentials&client_id=abc&client_secret="+secret))}}
		}, []string{secret}},
		{"same value as setting and field once", func(s *src) *Unit {
			v := s.lit(secret)
			r := &Request{Method: s.lit("POST"), URL: s.lit("https://login.mypurecloud.com/oauth/token"),
				Body: &Body{Kind: BodyForm, Fields: []Field{{Name: s.lit("client_secret"), Value: v}}}}
			return &Unit{Requests: []*Request{r}, Settings: []Setting{{Kind: SettingClientSecret, Key: s.lit("secret"), Value: v}}}
		}, []string{secret}},
		{"bearer token is not judged", func(s *src) *Unit {
			r := &Request{Method: s.lit("GET"), URL: s.lit("https://api.mypurecloud.com/api/v2/users"),
				Auth: &Auth{Kind: AuthBearer, Secret: s.lit("eyJhbGciOiJSUzI1NiJ9.payload.sig")}}
			return &Unit{Requests: []*Request{r}}
		}, nil},
		{"dynamic", func(s *src) *Unit {
			r := s.post("https://login.mypurecloud.com/oauth/token", nil)
			r.Auth = &Auth{Kind: AuthBasic, User: s.dyn("$ID"), Secret: s.dyn("$SECRET")}
			return &Unit{Requests: []*Request{r}}
		}, nil},
		{"partly dynamic", func(s *src) *Unit {
			return &Unit{Settings: []Setting{{Kind: SettingClientSecret, Key: s.lit("secret"), Value: s.cat("prefix-Jq8vL2", "$REST")}}}
		}, nil},
		{"placeholder setting", func(s *src) *Unit {
			return &Unit{Settings: []Setting{{Kind: SettingClientSecret, Key: s.lit("oauthclient_secret"), Value: s.lit("client-secret")}}}
		}, nil},
		{"issued tokens are not judged", func(s *src) *Unit {
			return &Unit{Settings: []Setting{
				{Kind: SettingClientSecret, Key: s.lit("access_token"), Value: s.lit(secret)},
				{Kind: SettingClientSecret, Key: s.lit("refreshToken"), Value: s.lit(secret + "x")},
			}}
		}, nil},
		{"client id is not a secret", func(s *src) *Unit {
			return &Unit{Settings: []Setting{{Kind: SettingClientID, Key: s.lit("client_id"), Value: s.lit(secret)}}}
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSrc("f")
			got := runOnly(t, HardcodedSecret, tt.unit(s), nil)
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %d findings", got, len(tt.want))
			}
			for i, w := range tt.want {
				if s.spanText(got[i].Span) != w || got[i].Severity != Warning {
					t.Errorf("finding at %q (%v), want %q", s.spanText(got[i].Span), got[i].Severity, w)
				}
				if got[i].Key == "" || containsWord(got[i].Key, secret) {
					t.Errorf("bad key %q", got[i].Key)
				}
			}
			noSecret(t, got, secret, secret[:4], "Jq8v")
		})
	}
}
