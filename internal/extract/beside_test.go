package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/tokenlint/tokenlint/rules"
)

// The values of a templated host's variable are read from the files
// beside the linted one that its format reads (a module's tfvars, the
// .env a script sources), and from no others: not a parent directory, not
// a .env the script never mentions, not a file without the name.
func TestBesideValues(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return filepath.ToSlash(p)
	}
	const tf = `data "http" "t" {
  url          = "https://api.${var.environment}/oauth/token"
  request_body = "grant_type=client_credentials"
}
`
	const script = "curl -X POST https://api.${ENVIRONMENT}/oauth/token -d grant_type=client_credentials\n"
	write("terraform.tfvars", `environment = "mypurecloud.ie"`+"\n")
	write("mod/other.tfvars", `region = "mypurecloud.ie"`+"\n")
	write("sh/.env", "ENVIRONMENT=mypurecloud.ie\n")
	for _, tc := range []struct {
		name, file, text string
		format           *Format
		want             int
	}{
		{"module tfvars", "main.tf", tf, terraformFormat, 1},
		{"tfvars of a parent directory", "mod/main.tf", tf, terraformFormat, 0},
		{"a .env the script sources", "sh/a.sh", "source .env\n" + script, shellFormat, 1},
		{"a .env the script does not mention", "sh/b.sh", script, shellFormat, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := write(tc.file, tc.text)
			u, err := tc.format.Extract(file, []byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			if len(u.Beside) != tc.want {
				t.Fatalf("got %d settings beside, want %d: %+v", len(u.Beside), tc.want, u.Beside)
			}
			if tc.want > 0 && filepath.Dir(filepath.FromSlash(u.Beside[0].Value.File)) != filepath.Dir(filepath.FromSlash(file)) {
				t.Errorf("value read from %s, not beside %s", u.Beside[0].Value.File, file)
			}
		})
	}
}

// TestBesideParsedOnce: the files of a module are each parsed once for all
// the module's files that look in them, not once per file, and a file
// whose bytes changed is parsed again.
func TestBesideParsedOnce(t *testing.T) {
	dir := t.TempDir()
	const tf = "data \"http\" \"t\" {\n  url = \"https://api.${var.environment}/oauth/token\"\n}\n"
	var files []string
	for _, n := range []string{"a.tf", "b.tf", "c.tf", "d.tf", "terraform.tfvars"} {
		text := tf
		if n == "terraform.tfvars" {
			text = "environment = \"mypurecloud.ie\"\n"
		}
		p := filepath.ToSlash(filepath.Join(dir, n))
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	parsed := map[string]int{}
	counting := func(file string, src []byte, x *expansion) (*rules.Unit, error) {
		parsed[file]++
		return extractModuleFile(file, src, x)
	}
	lint := func() {
		for _, f := range files[:4] {
			u, err := extractTerraformIn(f, []byte(tf), newExpansion(len(tf)))
			if err != nil {
				t.Fatal(err)
			}
			addBeside(u, f, newExpansion(len(tf)), isModuleFile, counting)
			if len(u.Beside) != 1 || u.Beside[0].Value.Text != "mypurecloud.ie" {
				t.Fatalf("%s: beside %+v", f, u.Beside)
			}
		}
	}
	lint()
	for _, f := range files {
		if parsed[f] != 1 {
			t.Errorf("%s parsed %d times, want once: %v", f, parsed[f], parsed)
		}
	}
	vars := files[4]
	if err := os.WriteFile(vars, []byte("environment = \"mypurecloud.de\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	u, _ := extractTerraformIn(files[0], []byte(tf), newExpansion(len(tf)))
	addBeside(u, files[0], newExpansion(len(tf)), isModuleFile, counting)
	if parsed[vars] != 2 || len(u.Beside) != 1 || u.Beside[0].Value.Text != "mypurecloud.de" {
		t.Errorf("after an edit: parsed %d times, beside %+v", parsed[vars], u.Beside)
	}
}

// TestBesideValuesPastTheCap: in a module of more files than a lookup
// reads, the file that declares the variable is read first, whatever its
// name sorts after.
func TestBesideValuesPastTheCap(t *testing.T) {
	dir := t.TempDir()
	const tf = "data \"http\" \"t\" {\n  url = \"https://api.${var.environment}/oauth/token\"\n}\n"
	for i := range maxEnvFiles + 2 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("m%02d.tf", i)), []byte(tf), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "z_variables.tf"), []byte("variable \"environment\" {\n  default = \"mypurecloud.ie\"\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.ToSlash(filepath.Join(dir, "m00.tf"))
	u, err := terraformFormat.Extract(file, []byte(tf))
	if err != nil {
		t.Fatal(err)
	}
	if len(u.Beside) != 1 || u.Beside[0].Value.Text != "mypurecloud.ie" {
		t.Errorf("beside %+v, want the default of z_variables.tf", u.Beside)
	}
}
