package rules

import (
	"strings"
	"testing"
)

func TestTokenMethod(t *testing.T) {
	tests := []struct {
		name   string
		method string // "" = not stated; "$M" = dynamic; "~GET" = implied (not verbatim)
		url    string
		want   bool
		// noGrant: the request asks for no grant itself (a bare GET of a
		// token URL), so POST is not a certain fix.
		noGrant bool
	}{
		{"GET to token path", "GET", "https://login.mypurecloud.com/oauth/token", true, false},
		{"lower-case put", "put", "https://dev-123456.okta.com/oauth2/default/v1/token", true, false},
		{"implied GET", "~GET", "https://login.mypurecloud.com/oauth/token", true, false},
		{"POST", "POST", "https://login.mypurecloud.com/oauth/token", false, false},
		{"post lower case", "post", "https://login.mypurecloud.com/oauth/token", false, false},
		{"not stated", "", "https://login.mypurecloud.com/oauth/token", false, false},
		{"dynamic", "$M", "https://login.mypurecloud.com/oauth/token", false, false},
		{"GET of the browser endpoint", "GET", "https://login.mypurecloud.com/oauth/authorize", false, false},
		{"GET of an API", "GET", "https://api.mypurecloud.com/api/v2/users", false, false},
		{"GET without a grant", "GET", "https://login.mypurecloud.com/oauth/token", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSrc("f.http")
			r := &Request{URL: s.lit(tt.url)}
			if tt.want && !tt.noGrant {
				r.Grant = OrNil(s.lit("client_credentials"))
			}
			switch {
			case tt.method == "$M":
				r.Method = s.dyn("$M")
			case len(tt.method) > 0 && tt.method[0] == '~':
				r.Method = Decoded("f.http", tt.method[1:], 0, 0)
			case tt.method != "":
				r.Method = s.lit(tt.method)
			}
			got := runOnly(t, TokenMethod, &Unit{Requests: []*Request{r}}, nil)
			if (len(got) > 0) != tt.want {
				t.Fatalf("got %v, want finding %v", got, tt.want)
			}
			if !tt.want {
				return
			}
			if got[0].Severity != Error {
				t.Errorf("severity %v", got[0].Severity)
			}
			if tt.method[0] == '~' || tt.noGrant {
				if got[0].Fix != nil {
					t.Errorf("an implied method, or a request without a grant, has no certain fix: %+v", got[0].Fix)
				}
			} else if s.spanText(got[0].Span) != tt.method || got[0].Fix == nil || got[0].Fix.Edits[0].New != "POST" {
				t.Errorf("finding at %q, fix %+v", s.spanText(got[0].Span), got[0].Fix)
			}
		})
	}
}

// TestMessagesAreOneLine: a message that quotes the file's text (a method
// with a line break in it) is one line, as every output wants
// (FuzzPipeline 471c0e4f68eff63a: curl --request '0<LF>0').
func TestMessagesAreOneLine(t *testing.T) {
	s := newSrc("t.sh")
	r := &Request{URL: s.lit("https://login.mypurecloud.com/oauth/token"), Method: s.lit("0\n0\r"), Grant: OrNil(s.lit("client_credentials"))}
	got := runOnly(t, TokenMethod, &Unit{Name: "t.sh", Requests: []*Request{r}}, nil)
	if len(got) != 1 || strings.ContainsAny(got[0].Message, "\r\n") || !strings.Contains(got[0].Message, `0\n0`) {
		t.Fatalf("findings %+v: want one, its message one line with the method's breaks escaped", got)
	}
}
