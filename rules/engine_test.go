package rules

import (
	"slices"
	"strings"
	"testing"
)

// scenario builds, by hand, the unit a front end makes of the user's
// request in issue 2.
func scenario() *Unit {
	u := Lit("s.sh", "https://api.us.genesys.cloud/oauth/token", 18)
	body := Lit("s.sh", "grant_type=client_credentials&client_id=abc123&client_secret=abc+def", 100)
	return &Unit{Requests: []*Request{{
		Method:  Lit("s.sh", "POST", 8),
		URL:     u,
		Headers: []Header{{Name: Lit("s.sh", "Content-Type", 70), Value: Lit("s.sh", "application/json", 84)}},
		Body:    &Body{Kind: BodyForm, Raw: body, Fields: ParseForm(body, EncodingRaw, ViaCurl)},
		Via:     ViaCurl,
	}}}
}

func TestRunScenario(t *testing.T) {
	got := Run(scenario(), nil)
	want := []struct {
		rule  string
		start int
	}{
		{"token-host", 26},
		{"json-token-request", 84},
		{"unencoded-secret", 100 + strings.Index("grant_type=client_credentials&client_id=abc123&client_secret=abc+def", "+")},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d findings, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if got[i].Rule != w.rule || got[i].Span.Start != w.start || got[i].Severity != Error {
			t.Errorf("finding %d = %s at %d (%v), want %s at %d (error)", i, got[i].Rule, got[i].Span.Start, got[i].Severity, w.rule, w.start)
		}
		if strings.Contains(got[i].Message, "abc+def") {
			t.Errorf("message leaks the secret: %s", got[i].Message)
		}
	}
	if !strings.Contains(got[0].Message, "https://login.mypurecloud.com/oauth/token") {
		t.Errorf("token-host message should name an example login URL: %s", got[0].Message)
	}
}

func TestClassifyTokenRequests(t *testing.T) {
	mk := func(url string, grant bool) *Request {
		r := &Request{URL: Lit("f", url, 0), Method: Lit("f", "POST", 0)}
		if grant {
			b := Lit("f", "grant_type=client_credentials", 0)
			r.Body = &Body{Kind: BodyForm, Fields: ParseForm(b, EncodingRaw, "")}
		}
		return r
	}
	u := &Unit{Requests: []*Request{
		mk("https://api.mypurecloud.com/api/v2/users", false),
		mk("https://example.com/anything", true),
		mk("https://login.microsoftonline.com/t/oauth2/v2.0/token", false),
		mk("https://api.mypurecloud.com/api/v2/webdeployments/token/refresh", false),
	}}
	classify(u, DefaultCatalog())
	want := []Role{RoleAPI, RoleToken, RoleToken, RoleAPI}
	for i, r := range u.Requests {
		if r.Role != want[i] {
			t.Errorf("request %d role %v, want %v", i, r.Role, want[i])
		}
	}
}

func TestSeverityOverride(t *testing.T) {
	got := Run(scenario(), &Options{Severity: map[string]Severity{"token-host": Warning}})
	for _, f := range got {
		if f.Rule == "token-host" && f.Severity != Warning {
			t.Errorf("override ignored: %v", f.Severity)
		}
	}
}

func TestRulesHaveDocs(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range All() {
		if seen[r.ID] {
			t.Errorf("duplicate rule %s", r.ID)
		}
		seen[r.ID] = true
		if r.Summary == "" || r.Check == nil || r.Severity == 0 {
			t.Errorf("rule %s lacks summary, check or severity", r.ID)
		}
		d := r.Doc
		if len(d.Why) < 100 || len(d.Bad) == 0 || len(d.Good) == 0 || len(d.Sources) == 0 || d.Since == "" {
			t.Errorf("rule %s: its documentation needs why, bad and good examples, sources and since", r.ID)
		}
		for _, e := range append(slices.Clone(d.Bad), d.Good...) {
			if e.Format == "" || strings.TrimSpace(e.Code) == "" {
				t.Errorf("rule %s: an example without format or code", r.ID)
			}
		}
	}
}

func TestRunReportsASharedLiteralOnce(t *testing.T) {
	host := Decoded("v.sh", "https://api.mypurecloud.com/oauth/token", 5, 44)
	mk := func() *Request {
		b := Lit("v.sh", "grant_type=client_credentials", 100)
		return &Request{URL: host, Body: &Body{Kind: BodyForm, Fields: ParseForm(b, EncodingRaw, ViaCurl)}}
	}
	got := Run(&Unit{Requests: []*Request{mk(), mk()}}, &Options{Rules: []*Rule{TokenHost}})
	if len(got) != 1 {
		t.Errorf("got %d token-host findings for one shared URL, want 1", len(got))
	}
}
