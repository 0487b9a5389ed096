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
	for _, name := range []string{"config/application.yml", "settings.json", "config.toml", "x.YAML"} {
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
}
