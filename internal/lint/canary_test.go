package lint_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/config"
)

// canaryTail is the part of every canary secret in testdata/canary that
// must never be printed: outputs may show the first two characters of a
// secret ("CA"), never more.
const canaryTail = "NARY"

// TestCanarySecretsNeverPrinted lints files seeded with canary secrets, on
// the same lines as findings, and checks every output format, the error
// lines, a baseline and the -diff. The files put secrets where no rule
// looks: URL userinfo, a -u or Authorization that a later one overrides,
// Proxy-Authorization, Cookie and X-Api-Key style headers, --user=, a
// second copy on the line and elsewhere in the file, a minified Postman
// collection, and a parse error that quotes the file.
func TestCanarySecretsNeverPrinted(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	entries, err := os.ReadDir(filepath.Join("testdata", "canary"))
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, e := range entries {
		p := filepath.Join("testdata", "canary", e.Name())
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte("CA"+canaryTail)) {
			t.Errorf("%s holds no canary secret", p)
		}
		paths = append(paths, p)
	}
	if len(paths) == 0 {
		t.Fatal("no canary files")
	}
	res, outputs, files := lintEveryOutput(t, paths)
	if len(res.Findings) < len(paths) {
		t.Errorf("%d findings over %d canary files: each file should give findings next to its secrets", len(res.Findings), len(paths))
	}
	if len(res.Errors) == 0 {
		t.Error("no parse error: the canary in heredoc-error.sh's message is not checked")
	}
	if files == 0 {
		t.Error("no fixable canary file: the diff is not checked")
	}
	for name, buf := range outputs {
		if i := strings.Index(buf.String(), canaryTail); i >= 0 {
			lo := max(0, i-80)
			t.Errorf("%s printed a canary secret: ...%s...", name, buf.String()[lo:min(len(buf.String()), i+40)])
		}
	}
}

// TestPlainSecretCopiesNeverPrinted: a secret too plain to search for
// everywhere ("hunter") is still masked in every output where a copy of it
// is a credential's value (a header of another tool, a commented-out
// assignment), while the same word elsewhere stays readable.
func TestPlainSecretCopiesNeverPrinted(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "plain.sh")
	src := "curl -X POST https://api.mypurecloud.com/oauth/token -u myclient:hunter -H \"X-Note: password=hunter\" -d grant_type=client_credentials\n" +
		"# old: client_secret=hunter\n" +
		"echo the hunter\n"
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	res, outputs, files := lintEveryOutput(t, []string{p})
	if len(res.Findings) == 0 {
		t.Fatal("no finding: no output shows the line")
	}
	if files == 0 {
		t.Fatal("no fix: the diff, which shows every line, is not checked")
	}
	for name, buf := range outputs {
		for _, leak := range []string{":hunter", "=hunter"} {
			if strings.Contains(buf.String(), leak) {
				t.Errorf("%s printed the secret %q: %s", name, leak, buf)
			}
		}
	}
	if !strings.Contains(outputs["fix diff"].String(), "the hunter") {
		t.Errorf("the word stayed masked outside a credential position:\n%s", outputs["fix diff"])
	}
}

// TestConfiguredCredentialCopiesNeverPrinted: a credential field and
// header a configuration adds are credential positions for a plain
// secret's copies too, in every output: the run's catalog reaches the
// masking, not only the rules.
func TestConfiguredCredentialCopiesNeverPrinted(t *testing.T) {
	dir := t.TempDir()
	cfg, err := config.Parse(filepath.Join(dir, ".tokenlint.toml"), []byte("credential_fields = [\"acct_pin\"]\ncredential_headers = [\"X-Acme-Sig\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "pin.sh")
	// The first request's line holds the copies (text, -diff); the
	// suppression's reason, which SARIF prints, holds one more.
	src := "curl -X POST https://api.mypurecloud.com/oauth/token -H \"X-Acme-Sig: qwer\" -d \"grant_type=client_credentials&acct_pin=abc12\" -H \"X-Note: acct_pin=abc12, X-Acme-Sig: qwer\"\n" +
		"# tokenlint:ignore token-host -- a stub server answers here; acct_pin=abc12 is its test pin\n" +
		"curl -X POST https://api.mypurecloud.com/oauth/token -d \"grant_type=client_credentials&acct_pin=abc12\"\n"
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	// Values after the configured names that no front end reads as a
	// credential: a command's environment, a YAML key of its own.
	env := filepath.Join(dir, "env.sh")
	if err := os.WriteFile(env, []byte("ACCT_PIN=hunter9 curl -X POST https://api.mypurecloud.com/oauth/token -d grant_type=client_credentials\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	yml := filepath.Join(dir, "app.yaml")
	if err := os.WriteFile(yml, []byte("token_url: https://api.mypurecloud.com/oauth/token\nacct_pin: Zq81xWpin\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, outputs, files := lintEveryOutputWith(t, []string{p, env, yml}, cfg.Rules)
	if len(res.Findings) == 0 || files == 0 {
		t.Fatalf("%d findings, %d fixable files: the outputs show no line", len(res.Findings), files)
	}
	// JSON and GitHub annotations print no file text; they are checked
	// for leaks below with every other output.
	for _, name := range []string{"-format text", "-format sarif", "fix diff"} {
		if !strings.Contains(outputs[name].String(), "acct_pin=ab***") || name != "-format sarif" && !strings.Contains(outputs[name].String(), "ACCT_PIN=hu*****") {
			t.Errorf("%s shows no masked pin: the line is not checked:\n%s", name, outputs[name])
		}
	}
	for name, buf := range outputs {
		for _, leak := range []string{"=abc12", ": qwer", "=hunter9", "81xW"} {
			if strings.Contains(buf.String(), leak) {
				t.Errorf("%s printed the secret %q: %s", name, leak, buf)
			}
		}
	}
}
