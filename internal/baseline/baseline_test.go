package baseline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/rules"
)

// fingerprinted fills fingerprints as the driver does.
func fingerprinted(fs []lint.Finding) []lint.Finding {
	seen := map[string]int{}
	for i := range fs {
		k := fs[i].Rule + "\x00" + fs[i].Key
		fs[i].Fingerprint = lint.Fingerprint(&fs[i].Diagnostic, fs[i].RepoPath, seen[k])
		seen[k]++
	}
	return fs
}

func TestRoundTripSurvivesMovedLines(t *testing.T) {
	const secret = "s3cr3t+VALUE"
	before := fingerprinted([]lint.Finding{
		{Diagnostic: rules.Diagnostic{Rule: "token-host", Span: rules.Span{File: "a.http", Start: 10, End: 30}, Key: "api.mypurecloud.com", Message: "m"}, Pos: lint.Position{Line: 3}, SourceLine: "POST https://api.mypurecloud.com/oauth/token"},
		{Diagnostic: rules.Diagnostic{Rule: "unencoded-secret", Span: rules.Span{File: "a.http", Start: 80, End: 92}, Key: "client_secret"}, Pos: lint.Position{Line: 7}, SourceLine: "client_secret=" + secret},
	})
	path := filepath.Join(t.TempDir(), "baseline.json")
	if err := WriteFile(path, before); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	for _, never := range []string{secret, "s3", "POST", "\"line\"", "client_secret"} {
		if strings.Contains(string(data), never) {
			t.Errorf("baseline file holds %q:\n%s", never, data)
		}
	}
	b, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	// The same findings, moved down 40 lines, plus a new one of the same
	// rule and construct (a second occurrence) and one in another file.
	after := fingerprinted([]lint.Finding{
		{Diagnostic: rules.Diagnostic{Rule: "token-host", Span: rules.Span{File: "a.http", Start: 410, End: 430}, Key: "api.mypurecloud.com"}, Pos: lint.Position{Line: 43}},
		{Diagnostic: rules.Diagnostic{Rule: "token-host", Span: rules.Span{File: "a.http", Start: 510, End: 530}, Key: "api.mypurecloud.com"}, Pos: lint.Position{Line: 50}},
		{Diagnostic: rules.Diagnostic{Rule: "unencoded-secret", Span: rules.Span{File: "a.http", Start: 880, End: 892}, Key: "client_secret"}, Pos: lint.Position{Line: 47}},
		{Diagnostic: rules.Diagnostic{Rule: "token-host", Span: rules.Span{File: "b.http", Start: 10, End: 30}, Key: "api.mypurecloud.com"}, Pos: lint.Position{Line: 3}},
	})
	kept, accepted := b.Filter(after)
	if len(accepted) != 2 || len(kept) != 2 {
		t.Fatalf("accepted %d, kept %d; want 2 and 2", len(accepted), len(kept))
	}
	if kept[0].Pos.Line != 50 || kept[1].Span.File != "b.http" {
		t.Errorf("kept the wrong findings: %+v", kept)
	}
	for _, f := range accepted {
		if !f.SuppressedExternally || !strings.Contains(f.Suppressed, "baseline") {
			t.Errorf("accepted finding not marked: %+v", f)
		}
	}
}

func TestLoadRejects(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"notjson.json": "{",
		"other.json":   `{"tool":"gitleaks","version":1,"findings":[]}`,
		"future.json":  `{"tool":"tokenlint","version":9,"findings":[]}`,
	} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(content), 0o644)
		if _, err := Load(p); err == nil {
			t.Errorf("%s accepted", name)
		}
	}
	if _, err := Load(filepath.Join(dir, "missing.json")); err == nil {
		t.Error("missing file accepted")
	}
}
