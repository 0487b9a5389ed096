package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/rules"
)

// configFindings extracts src with the named format (not by detection, so
// a format that claims the file by content cannot take the test's place),
// runs every rule and returns "rule@line:col" per finding.
func configFindings(t *testing.T, format, file, src string) []string {
	t.Helper()
	u, err := ByName(format).Extract(file, []byte(src))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	li := rules.NewLineIndex([]byte(src))
	var out []string
	for _, f := range rules.Run(u, nil) {
		line, col := li.Position(f.Span.Start)
		out = append(out, fmt.Sprintf("%s@%d:%d", f.Rule, line, col))
	}
	return out
}

// A configCase is a config text and its findings: pairs of a rule and the
// text its finding starts at, so expected positions are byte positions
// computed, not counted by hand.
type configCase struct {
	name, src string
	want      []string
}

// checkFindings compares the findings of src with want's pairs.
func checkFindings(t *testing.T, format, file, src string, want []string) {
	t.Helper()
	var wantAt []string
	for i := 0; i+1 < len(want); i += 2 {
		off := strings.Index(src, want[i+1])
		if off < 0 {
			t.Fatalf("%q not in the source", want[i+1])
		}
		line, col := rules.NewLineIndex([]byte(src)).Position(off)
		wantAt = append(wantAt, fmt.Sprintf("%s@%d:%d", want[i], line, col))
	}
	if got := configFindings(t, format, file, src); !slices.Equal(got, wantAt) {
		t.Errorf("got %q, want %q", got, wantAt)
	}
}

// configError extracts src and returns the *Error it must fail with.
func configError(t *testing.T, format, file, src string) *Error {
	t.Helper()
	_, err := ByName(format).Extract(file, []byte(src))
	xe, ok := err.(*Error)
	if !ok {
		t.Fatalf("%s: error %v (%T), want *Error", file, err, err)
	}
	return xe
}

// spanText is the file text a span covers.
func spanText(src string, sp rules.Span) string { return src[sp.Start:sp.End] }

func TestSkippedConfigs(t *testing.T) {
	for _, name := range []string{"a/package-lock.json", "tsconfig.json", "tsconfig.build.json", "pnpm-lock.yaml"} {
		if f := Detect(name, nil); f != nil && slices.Contains([]string{"json", "yaml", "toml"}, f.Name) {
			t.Errorf("%s claimed by %s", name, f.Name)
		}
	}
	for _, name := range []string{"config/application.yml", "settings.json", "settings.jsonc", "config.toml", "x.YAML"} {
		if f := Detect(name, nil); f == nil {
			t.Errorf("%s not claimed", name)
		}
	}
}

func TestMentionsConfigKey(t *testing.T) {
	if mentionsConfigKey([]byte("name: x\nversion: 2\n")) {
		t.Error("file without a key word mentions one")
	}
	if !mentionsConfigKey([]byte(`{"TOKEN_URL": 1}`)) {
		t.Error("TOKEN_URL not seen")
	}
	// Text that is not all ASCII is folded as Unicode folds it: a Kelvin
	// sign is a k.
	if !mentionsConfigKey([]byte("to\u212Aen: x")) || mentionsConfigKey([]byte("caf\u00e9: x")) {
		t.Error("Unicode case folding differs")
	}
}

// Columns are bytes: a value after non-ASCII text on its line starts at
// its byte column, not its character column, in every format.
func TestConfigNonASCIIColumns(t *testing.T) {
	tests := []struct{ format, file, src, want string }{
		// "{ étiquette: «x», token_url: https://" is 37 characters, 40 bytes.
		{"yaml", "c.yml", "{ étiquette: «x», token_url: https://api.us.genesys.cloud/oauth/token }\n", "token-host@1:41"},
		// `{"étiquette": "«x»", "token_url": "https://` is 43 characters, 46 bytes.
		{"json", "c.json", `{"étiquette": "«x»", "token_url": "https://api.mypurecloud.com/oauth/token"}`, "token-host@1:47"},
		// `a = { n = "«é»", token_url = "https://` is 38 characters, 41 bytes.
		{"toml", "c.toml", "a = { n = \"«é»\", token_url = \"https://api.mypurecloud.com/oauth/token\" }\n", "token-host@1:42"},
	}
	for _, tt := range tests {
		if got := configFindings(t, tt.format, tt.file, tt.src); !slices.Equal(got, []string{tt.want}) {
			t.Errorf("%s: got %q, want %s", tt.format, got, tt.want)
		}
	}
}

// FuzzConfigExtract checks that no input makes a config front end panic,
// and that every span it records lies inside the file.
func FuzzConfigExtract(f *testing.F) {
	for _, s := range []string{
		"token_url: https://api.mypurecloud.com/oauth/token\n",
		"a: |\n  token\n  x\nb: 'it''s'\nc: \"\\u00e9\\\n  x\"\n",
		`{"token_url": "https:\/\/x\ud83d\ude00", "a": [1, {"b": null}], // c
		}`,
		"[t]\ntoken_url = \"\"\"\nx\\\n  y\"\"\"\nb = '''\nz'''\nc = { d = [1, 'e'] }\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, name := range []string{"yaml", "json", "toml"} {
			u, err := ByName(name).Extract("f", []byte(src))
			if err != nil {
				if _, ok := err.(*Error); !ok {
					t.Fatalf("%s: error %T", name, err)
				}
				continue
			}
			u.Values(func(v *rules.Value) {
				for _, s := range v.Segs {
					if s.Start < 0 || int(s.End) > len(src) || s.Start > s.End {
						t.Fatalf("%s: segment %+v outside the file (%d bytes)", name, s, len(src))
					}
				}
			})
		}
	})
}

// BenchmarkConfigExtract reads about 1 MB of nested config per format.
func BenchmarkConfigExtract(b *testing.B) {
	var y, j, tm strings.Builder
	j.WriteString("{")
	for i := range 8000 {
		fmt.Fprintf(&y, "svc%d:\n  name: \"service %d\"\n  token_url: https://login.mypurecloud.com/oauth/token\n  client_id: abc%d\n  tags: [a, b, c]\n", i, i, i)
		fmt.Fprintf(&j, "%s\"svc%d\": {\"name\": \"service %d\", \"token_url\": \"https:\\/\\/login.mypurecloud.com\\/oauth\\/token\", \"client_id\": \"abc%d\", \"tags\": [\"a\", \"b\"]}", map[bool]string{true: "", false: ","}[i == 0], i, i, i)
		fmt.Fprintf(&tm, "[svc%d]\nname = \"service %d\"\ntoken_url = \"https://login.mypurecloud.com/oauth/token\"\nclient_id = 'abc%d'\ntags = [\"a\", \"b\"]\n", i, i, i)
	}
	j.WriteString("}")
	for _, tt := range []struct{ format, src string }{{"yaml", y.String()}, {"json", j.String()}, {"toml", tm.String()}} {
		b.Run(tt.format, func(b *testing.B) {
			src := []byte(tt.src)
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, err := ByName(tt.format).Extract("b", src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
