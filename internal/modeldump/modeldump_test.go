package modeldump_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/internal/modeldump"
	"github.com/tokenlint/tokenlint/rules"
)

var update = flag.Bool("update", false, "rewrite the golden model dumps")

// The model a front end builds from a bundled example, one format each, is
// the golden file beside it: a front-end change that alters what rules see
// shows up here as a readable diff.
func TestGoldenModels(t *testing.T) {
	for _, name := range []string{
		"issue-scenario.sh",
		"unencoded-secret.http",
		"user-scoped-api.postman_collection.json",
		"token-host-spring.yml",
	} {
		t.Run(name, func(t *testing.T) {
			got := dump(t, filepath.Join("..", "..", "testdata", "examples", "bad", name))
			golden := filepath.Join("testdata", name+".model")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/modeldump -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("model of %s changed (go test ./internal/modeldump -update to accept):\n--- got\n%s--- want\n%s", name, got, want)
			}
		})
	}
}

// A secret never reaches the dump: not in the value that holds it, not in
// the raw body around it, not where the same text recurs.
func TestSecretsMasked(t *testing.T) {
	const secret = "Zq9vKx3LmPw7Rt2N"
	dir := t.TempDir()
	file := filepath.Join(dir, "token.sh")
	src := "curl -X POST https://login.mypurecloud.com/oauth/token \\\n" +
		"  -u \"0a1b2c3d:" + secret + "\" \\\n" +
		"  -d \"grant_type=client_credentials&client_secret=" + secret + "\"\n" +
		"echo " + secret + "\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out := dump(t, file)
	if bytes.Contains(out, []byte(secret[2:])) {
		t.Fatalf("secret in the model dump:\n%s", out)
	}
	if !strings.Contains(string(out), `secret: "Zq`) {
		t.Errorf("the Basic secret is not shown masked:\n%s", out)
	}
}

func dump(t *testing.T, file string) []byte {
	t.Helper()
	m, err := lint.BuildModel(file, lint.Options{Rules: &rules.Options{}})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := modeldump.Write(&b, m.Format, m.Unit, m.Src, m.Secrets, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
