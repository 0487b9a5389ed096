package rules

import (
	"strings"
	"testing"
)

func TestRegionMismatch(t *testing.T) {
	tok := func(s *src, url string) *Request {
		return s.post(url, s.form("grant_type=client_credentials"))
	}
	api := func(s *src, url string) *Request {
		return &Request{Method: s.lit("GET"), URL: s.lit(url)}
	}
	setting := func(s *src, kind SettingKind, key, value string) Setting {
		return Setting{Kind: kind, Key: s.lit(key), Value: s.lit(value)}
	}
	tests := []struct {
		name   string
		unit   func(s *src) *Unit
		pinned []string
		want   []string // flagged texts in order
		says   string   // a word the first message must contain
	}{
		{"token us, api ie", func(s *src) *Unit {
			return &Unit{Requests: []*Request{tok(s, "https://login.mypurecloud.com/oauth/token"), api(s, "https://api.mypurecloud.ie/api/v2/users")}}
		}, nil, []string{"api.mypurecloud.ie"}, "api.mypurecloud.com"},
		{"same region", func(s *src) *Unit {
			return &Unit{Requests: []*Request{tok(s, "https://login.mypurecloud.ie/oauth/token"), api(s, "https://api.mypurecloud.ie/api/v2/users")}}
		}, nil, nil, ""},
		{"two token regions: not judged", func(s *src) *Unit {
			return &Unit{Requests: []*Request{tok(s, "https://login.mypurecloud.com/oauth/token"), tok(s, "https://login.mypurecloud.ie/oauth/token"),
				api(s, "https://api.mypurecloud.de/api/v2/users")}}
		}, nil, nil, ""},
		{"declared SDK key vs token host", func(s *src) *Unit {
			return &Unit{Settings: []Setting{setting(s, SettingRegion, "GENESYS_CLOUD_REGION", "eu_west_1")},
				Requests: []*Request{tok(s, "https://login.mypurecloud.com/oauth/token")}}
		}, nil, []string{"login.mypurecloud.com"}, "login.mypurecloud.ie"},
		{"declared AWS code agrees", func(s *src) *Unit {
			return &Unit{Settings: []Setting{setting(s, SettingRegion, "GENESYSCLOUD_REGION", "eu-west-1")},
				Requests: []*Request{tok(s, "https://login.mypurecloud.ie/oauth/token")}}
		}, nil, nil, ""},
		{"declared domain vs base URL", func(s *src) *Unit {
			return &Unit{Settings: []Setting{
				setting(s, SettingEnvironment, "GENESYS_CLOUD_ENVIRONMENT", "mypurecloud.de"),
				setting(s, SettingBaseURL, "BasePath", "https://api.mypurecloud.jp"),
			}}
		}, nil, []string{"api.mypurecloud.jp"}, "GENESYS_CLOUD_ENVIRONMENT"},
		{"two profiles: not judged", func(s *src) *Unit {
			return &Unit{Settings: []Setting{
				setting(s, SettingEnvironment, "environment", "mypurecloud.com"),
				setting(s, SettingEnvironment, "environment", "mypurecloud.ie"),
			}, Requests: []*Request{api(s, "https://api.mypurecloud.de/api/v2/users")}}
		}, nil, nil, ""},
		{"pinned", func(s *src) *Unit {
			return &Unit{Requests: []*Request{tok(s, "https://login.mypurecloud.com/oauth/token"), api(s, "https://api.mypurecloud.com/api/v2/users")}}
		}, []string{"eu_west_1"}, []string{"login.mypurecloud.com", "api.mypurecloud.com"}, "eu-west-1"},
		{"pinned by domain, declared outside", func(s *src) *Unit {
			return &Unit{Settings: []Setting{setting(s, SettingRegion, "aws_region", "us-east-1")}}
		}, []string{"mypurecloud.ie"}, []string{"us-east-1"}, "pinned"},
		{"pinned, inside", func(s *src) *Unit {
			return &Unit{Requests: []*Request{tok(s, "https://login.mypurecloud.ie/oauth/token")}}
		}, []string{"api.mypurecloud.ie", "us-east-1"}, nil, ""},
		{"unknown region value is no fact", func(s *src) *Unit {
			return &Unit{Settings: []Setting{setting(s, SettingRegion, "region", "eu-north-9")},
				Requests: []*Request{tok(s, "https://login.mypurecloud.com/oauth/token")}}
		}, nil, nil, ""},
		{"dynamic region", func(s *src) *Unit {
			return &Unit{Settings: []Setting{{Kind: SettingRegion, Key: s.lit("region"), Value: s.dyn("${REGION}")}},
				Requests: []*Request{tok(s, "https://login.mypurecloud.com/oauth/token")}}
		}, nil, nil, ""},
		{"other providers' hosts", func(s *src) *Unit {
			return &Unit{Requests: []*Request{tok(s, "https://login.microsoftonline.com/t/oauth2/v2.0/token"), api(s, "https://api.mypurecloud.ie/api/v2/users")}}
		}, nil, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSrc("f")
			got := runOnly(t, RegionMismatch, tt.unit(s), &Options{Regions: tt.pinned})
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i, w := range tt.want {
				if s.spanText(got[i].Span) != w || got[i].Severity != Error {
					t.Errorf("finding %d at %q (%v), want %q", i, s.spanText(got[i].Span), got[i].Severity, w)
				}
			}
			if len(got) > 0 && !strings.Contains(got[0].Message, tt.says) {
				t.Errorf("message lacks %q: %s", tt.says, got[0].Message)
			}
		})
	}
}
