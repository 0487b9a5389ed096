package redact

import (
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/rules"
)

func TestWindowKeepsColumns(t *testing.T) {
	src := []byte("a\nclient_secret=abc+def&x=1\n")
	r := New(src, []rules.Span{{Start: 16, End: 23}}, nil)
	if got := r.Window(2, 27); got != "client_secret=ab*****&x=1" {
		t.Errorf("Window = %q", got)
	}
}

func TestScrubMasksDistinctiveSecretsOnly(t *testing.T) {
	src := []byte("secret Xk9+Lm2/Qa==")
	r := New(src, []rules.Span{{Start: 0, End: 6}, {Start: 7, End: 19}}, nil)
	got := r.Scrub("client_secret is a literal secret: Xk9+Lm2/Qa==")
	if got != "client_secret is a literal secret: Xk**********" {
		t.Errorf("Scrub = %q", got)
	}
}

func TestMultiLineSpan(t *testing.T) {
	src := []byte("k = \"\"\"\nsecretline1\nsecretline2\n\"\"\"\n")
	r := New(src, []rules.Span{{Start: 8, End: 31}}, nil)
	if got := r.Window(20, 31); got != "***********" {
		t.Errorf("second line of a multi-line secret = %q", got)
	}
}

// TestCopiesMasked: the text of a credential is masked wherever else it
// is in the file, before or after the credential, on its line or not.
func TestCopiesMasked(t *testing.T) {
	src := []byte(`{"token_url":"https://x/?x=Kx7Qw9Zp3Lm2Rt","client_secret":"Kx7Qw9Zp3Lm2Rt","n":"Kx7Qw9Zp3Lm2Rt"}` + "\nKx7Qw9Zp3Lm2Rt\n")
	at := strings.Index(string(src), `"client_secret":"`) + len(`"client_secret":"`)
	r := New(src, []rules.Span{{Start: at, End: at + 14}}, nil)
	got := r.Window(0, len(src))
	if strings.Contains(got, "7Qw9") || strings.Count(got, "Kx************") != 4 {
		t.Errorf("Window = %q", got)
	}
	if len(r.Spans()) != 4 {
		t.Errorf("Spans = %v, want the credential and its three copies", r.Spans())
	}
}

// TestOverlappingSpansStayMasked: a copy inside a longer secret does not
// reveal its first characters.
func TestOverlappingSpansStayMasked(t *testing.T) {
	src := []byte("AAAAAAAAKx7Qw9Zp3Lm2RtBBBBBBBB Kx7Qw9Zp3Lm2Rt")
	r := New(src, []rules.Span{{Start: 0, End: 30}, {Start: 31, End: 45}}, nil)
	if got := r.Window(0, 30); got != "AA****************************" {
		t.Errorf("Window = %q", got)
	}
}

func TestMasked(t *testing.T) {
	if got := string(New(nil, nil, nil).Masked([]byte("x=Kx7Qw9Zp3Lm2Rt y=Kx7Qw9Zp3Lm2Rt"), []rules.Span{{Start: 2, End: 16}})); got != "x=Kx************ y=Kx************" {
		t.Errorf("Masked = %q", got)
	}
}

// TestError: a parser's quote of the file is masked; its own grammar
// words stay readable.
func TestError(t *testing.T) {
	src := []byte("cat <<Kx7Qw9Zp3Lm2Rt\nif x; then\nkey: 1\nkey: 2\n")
	for msg, want := range map[string]string{
		"unclosed here-document `Kx7Qw9Zp3Lm2Rt`":           "unclosed here-document `Kx************`",
		"`then` can only be used in an if":                  "`then` can only be used in an if",
		`mapping key "key" already defined`:                 `mapping key "key" already defined`,
		"reached `)` without matching `(`":                  "reached `)` without matching `(`",
		`expected "Not In File" here`:                       `expected "Not In File" here`,
		"not a valid arithmetic operator: `Kx7Qw9Zp3Lm2Rt`": "not a valid arithmetic operator: `Kx************`",
	} {
		if got := Error(msg, src); got != want {
			t.Errorf("Error(%q) = %q, want %q", msg, got, want)
		}
	}
	if got := Error(`cannot use "Kx7Qw9Zp3Lm2Rt" (untyped string constant)`, nil); got != `cannot use "Kx************" (untyped string constant)` {
		t.Errorf("Error without the file = %q", got)
	}
}

// TestShortCopies: a six-character secret is found again; a plain word is
// not searched for, so the words of the file stay readable.
func TestShortCopies(t *testing.T) {
	src := []byte("client_secret=Ab3dE9 note=Ab3dE9 password=secret secret")
	r := New(src, []rules.Span{{Start: 14, End: 20}, {Start: 42, End: 48}}, nil)
	if got := r.Window(0, len(src)); got != "client_secret=Ab**** note=Ab**** password=se**** secret" {
		t.Errorf("Window = %q", got)
	}
}

// TestPlainCopiesInCredentialPositions: a secret too short or too plain to
// search for everywhere is masked again where it is the value of a
// credential key, flag or header, and nowhere else.
func TestPlainCopiesInCredentialPositions(t *testing.T) {
	line := `curl -u id:hunter -d x -H "X-Note: password=hunter" # secret: Ab3d`
	for _, c := range []struct{ src, want string }{
		{line, `curl -u id:hu**** -d x -H "X-Note: password=hu****" # secret: Ab**`},
		{"id:hunter\n" + `{"api_key": "hunter", "db.password":'Ab3d'}`, "id:hu****\n" + `{"api_key": "hu****", "db.password":'Ab**'}`},
		{"id:hunter\n--token hunter --client-secret=Ab3d", "id:hu****\n--token hu**** --client-secret=Ab**"},
		{"id:hunter\ngrant_type=authorization_code&code=hunter\n# assertion=Ab3d", "id:hu****\ngrant_type=authorization_code&code=hu****\n# assertion=Ab**"},
		{"id:hunter\nAuthorization: Basic hunter\nProxy-Authorization: bearer Ab3d", "id:hu****\nAuthorization: Basic hu****\nProxy-Authorization: bearer Ab**"},
		// Ordinary text keeps the secrets' words: not a value, not after a
		// credential key, or only part of a longer value.
		{"id:hunter\nthe hunter; hunter=1; user=hunter; password=hunters; token: hunter/x; client_hunter=2",
			"id:hu****\nthe hunter; hunter=1; user=hunter; password=hunters; token: hunter/x; client_hunter=2"},
	} {
		src := []byte(c.src)
		spans := []rules.Span{{Start: strings.Index(c.src, "hunter"), End: strings.Index(c.src, "hunter") + 6}}
		if i := strings.Index(c.src, "Ab3d"); i >= 0 {
			spans = append(spans, rules.Span{Start: i, End: i + 4})
		}
		r := New(src, spans, nil)
		if got := r.Window(0, len(src)); got != c.want {
			t.Errorf("Window(%q)\n = %q\nwant %q", c.src, got, c.want)
		}
	}
	r := New([]byte("password=hunter"), []rules.Span{{Start: 9, End: 15}}, nil)
	if got := r.Scrub(`client_secret "password=hunter" is the hunter`); got != `client_secret "password=hu****" is the hunter` {
		t.Errorf("Scrub = %q", got)
	}
}

// TestConfiguredCredentialValues: a value after a credential name that
// only the run's catalog has is masked where it is written, placeholders
// and longer names left as written; the default catalog masks nothing new.
func TestConfiguredCredentialValues(t *testing.T) {
	cat := rules.DefaultCatalog().Merge(&rules.Catalog{CredentialFields: []string{"acct_pin"}, CredentialHeaders: []string{"X-Acme-Sig"}})
	src := []byte("ACCT_PIN=hunter9 run\n\"acct_pin\": \"Zq81xW\"\nx-acme-sig: Basic qwer\nacct_pin=$PIN my_acct_pin=nope acct_pins=nope\n")
	want := "ACCT_PIN=hu***** run\n\"acct_pin\": \"Zq****\"\nx-acme-sig: Basic qw**\nacct_pin=$PIN my_acct_pin=nope acct_pins=nope\n"
	if got := New(src, nil, cat).Window(0, len(src)); got != want {
		t.Errorf("configured names:\n got %q\nwant %q", got, want)
	}
	if got := New(src, nil, nil).Window(0, len(src)); got != string(src) {
		t.Errorf("default catalog masked %q", got)
	}
	// A quoted value ends at its quote, not at its first blank.
	src = []byte("# acct_pin: \"correct horse battery\", next\nacct_pin='hunter two' x\n")
	want = "# acct_pin: \"co*******************\", next\nacct_pin='hu********' x\n"
	if got := New(src, nil, cat).Window(0, len(src)); got != want {
		t.Errorf("quoted values:\n got %q\nwant %q", got, want)
	}
}
