package golint_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/golint"
	"github.com/tokenlint/tokenlint/internal/redact"
)

// TestSecretPositions: every credential literal of testdata/secrets,
// including those a later call overrides, is a secret span, so no output
// shows it.
func TestSecretPositions(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go is not on PATH")
	}
	t.Setenv("GOWORK", "off")
	dir, _ := filepath.Abs("testdata/secrets")
	res := golint.Run(dir, []string{"./..."}, nil, golint.Settings{})
	if len(res.Errors) > 0 || len(res.Files) != 1 {
		t.Fatalf("errors %v, files %d", res.Errors, len(res.Files))
	}
	f := res.Files[0]
	masked := redact.New(f.Src, f.Secrets, nil).Window(0, len(f.Src))
	canaries := regexp.MustCompile(`CANARY\w+`)
	if n := len(canaries.FindAllString(string(f.Src), -1)); n != 7 {
		t.Fatalf("%d canaries in the source, want 7", n)
	}
	if left := canaries.FindAllString(masked, -1); len(left) > 0 {
		t.Errorf("not redacted: %v", left)
	}
}

// TestTypeErrorsMaskConstants: a type error that quotes a string constant
// of the file does not print it.
func TestTypeErrorsMaskConstants(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go is not on PATH")
	}
	t.Setenv("GOWORK", "off")
	dir, _ := filepath.Abs("testdata/typeerr")
	res := golint.Run(dir, []string{"./..."}, nil, golint.Settings{})
	if len(res.Errors) == 0 {
		t.Fatal("no type error")
	}
	for _, e := range res.Errors {
		if regexp.MustCompile(`Kx7Q|Zz8Y`).MatchString(e.Message) {
			t.Errorf("error quotes a constant: %s", e.Message)
		}
	}
}

// TestErrorsOneLineMasked: every error of a package that fails to load is
// one line at a file and line, and quotes none of the file's string
// literals; import paths stay readable. The modules are written here, as a
// file that does not parse would fail gofmt in testdata.
func TestErrorsOneLineMasked(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go is not on PATH")
	}
	t.Setenv("GOWORK", "off")
	for _, c := range []struct {
		name  string
		files map[string]string
		want  []string // the start of an error each, file:line: message
	}{
		{"literals", map[string]string{
			"go.mod": "module example.com/errquote\n\ngo 1.22\n",
			"dupkey/dupkey.go": `package dupkey

import "strings"

var m = map[string]int{"Kx7Qw9Zp3Lm2RtSecret": 1, "Kx7Qw9Zp3Lm2RtSecret": 2}

func f(s string) int {
	switch strings.ToLower(s) {
	case "Zz8Yy7Xx6Ww5VvSecret":
	case "Zz8Yy7Xx6Ww5VvSecret":
	}
	return m[s]
}
`,
			"syntax/syntax.go": "package syntax\n\nvar s = \"Kx7Qw9Zp3Lm2RtSecret\" \"Mm1Nn2Oo3Pp4QqSecret\"\n",
		}, []string{
			`dupkey/dupkey.go:5: duplicate key "Kx******************" in map literal`,
			`dupkey/dupkey.go:10: duplicate case "Zz******************"`,
			`syntax/syntax.go:3: expected ';', found "Mm******************"`,
		}},
		{"go.mod", map[string]string{
			"go.mod":    "module example.com/badmod\n\ngo 1.22\n\nKx7Qw9Zp3Lm2RtSecret x\n",
			"badmod.go": "package badmod\n",
		}, []string{`go.mod:5: errors parsing go.mod: unknown directive: Kx******************`}},
		{"go.mod quoted", map[string]string{
			"go.mod":     "module example.com/badtool\n\ngo 1.22\n\ntoolchain Kx7Qw9Zp3Lm2RtSecret\n",
			"badtool.go": "package badtool\n",
		}, []string{`go.mod:5: errors parsing go.mod: invalid toolchain version 'Kx******************'`}},
		{"embed pattern", map[string]string{
			"go.mod":   "module example.com/embedpat\n\ngo 1.22\n",
			"embed.go": "package embedpat\n\nimport _ \"embed\"\n\n//go:embed Kx7Qw9Zp3Lm2RtSecret\nvar s string\n",
		}, []string{`embed.go:5: pattern Kx******************: no matching files found`}},
		// The go command echoes a quoted pattern unquoted, its escapes
		// decoded, and a malformed one from where its quote goes wrong.
		{"embed pattern escaped", map[string]string{
			"go.mod":   "module example.com/embedesc\n\ngo 1.22\n",
			"embed.go": "package embedesc\n\nimport _ \"embed\"\n\n//go:embed \"Kx7Qw9Zp3\\x4cm2RtSecret\"\nvar s string\n",
		}, []string{`embed.go:5: pattern Kx******************: no matching files found`}},
		{"embed pattern unterminated", map[string]string{
			"go.mod":   "module example.com/embedopen\n\ngo 1.22\n",
			"embed.go": "package embedopen\n\nimport _ \"embed\"\n\n//go:embed \"Kx7Qw9Zp3Lm2RtSecret\nvar s string\n",
		}, []string{`embed.go:5: invalid quoted string in //go:embed: "Kx******************`}},
		{"embed pattern after a quote", map[string]string{
			"go.mod":   "module example.com/embedafter\n\ngo 1.22\n",
			"embed.go": "package embedafter\n\nimport _ \"embed\"\n\n//go:embed `a`Kx7Qw9Zp3Lm2RtSecret\nvar s string\n",
		}, []string{`embed.go:5: invalid quoted string in //go:embed: Kx******************`}},
		// go/build names the file of a //go:build line it cannot parse,
		// not the line, and echoes the token it could not place.
		{"build line", map[string]string{
			"go.mod":   "module example.com/buildline\n\ngo 1.22\n",
			"build.go": "//go:build linux Kx7Qw9Zp3Lm2RtSecret\n\npackage buildline\n",
		}, []string{`build.go:0: parsing //go:build line: unexpected token Kx******************`}},
		// An unquoted secret reads as a token the parser cannot place,
		// or as a name the type checker cannot find.
		{"unplaced tokens", map[string]string{
			"go.mod":   "module example.com/unplaced\n\ngo 1.22\n",
			"bare.go":  "package unplaced\n\nvar s = Mm1Nn2Oo3Pp4QqSecret Kx7Qw9Zp3Lm2RtSecret\n",
			"other.go": "package unplaced\n\nfunc f() string { return Zz8Yy7Xx6Ww5VvSecret }\n",
		}, []string{`bare.go:3: expected ';', found Kx******************`, `other.go:3: undefined: Zz******************`}},
	} {
		dir := t.TempDir()
		for name, text := range c.files {
			if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		res := golint.Run(dir, []string{"./..."}, nil, golint.Settings{})
		var got []string
		for _, e := range res.Errors {
			rel, _ := filepath.Rel(dir, e.File)
			line := fmt.Sprintf("%s:%d: %s", filepath.ToSlash(rel), e.Line, e.Message)
			got = append(got, line)
			lineless := slices.ContainsFunc(c.want, func(w string) bool { return strings.Contains(w, ":0: ") })
			if e.Line == 0 && !lineless || !filepath.IsAbs(e.File) || strings.ContainsAny(e.Message, "\n\r") || regexp.MustCompile(`7Qw9|8Yy7|1Nn2`).MatchString(e.Message) || strings.HasPrefix(e.Message, "#") {
				t.Errorf("%s: error %q: want one line at an absolute file and line, masked", c.name, line)
			}
		}
		for _, w := range c.want {
			if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, w) }) {
				t.Errorf("%s: no error %q in\n%s", c.name, w, strings.Join(got, "\n"))
			}
		}
	}
}
