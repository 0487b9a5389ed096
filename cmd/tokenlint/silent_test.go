package main

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/tokenlint/tokenlint/rules"
)

// Inputs that exited 0 with nothing said: each now gets its findings or a
// one-line notice on stderr.

// utf16Text encodes s as UTF-16 in the given byte order, with or without
// a byte order mark.
func utf16Text(s string, order binary.ByteOrder, bom bool) string {
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	b := make([]byte, 2*len(units))
	for i, u := range units {
		order.PutUint16(b[2*i:], u)
	}
	return string(b)
}

func TestSilentUTF16AndCRLinesAreRead(t *testing.T) {
	script := "# PowerShell wrote this\n" + hostileBad
	request := "POST https://api.mypurecloud.com/oauth/token\rContent-Type: application/json\r\r{\"grant_type\": \"client_credentials\"}\r"
	dir := hostileDir(t, map[string]string{
		"le.sh":      utf16Text(script, binary.LittleEndian, true),
		"be.sh":      utf16Text(script, binary.BigEndian, true),
		"nobom.sh":   utf16Text(script, binary.LittleEndian, false),
		"mac.http":   request,
		"plain.json": `{"a": "b"}`,
	})
	code, out, errs := runHostile(t, dir)
	if code != exitFindings || withoutSummary(errs) != "" {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{"le.sh:2:", "be.sh:2:", "nobom.sh:2:", "mac.http:1:", "mac.http:2:"} {
		if !strings.Contains(out, want) {
			t.Errorf("no finding at %s:\n%s", want, out)
		}
	}
	// A CR-only file is fixed in its own bytes: its line ends stay.
	mac := filepath.Join(dir, "mac.http")
	runHostile(t, "-fix", mac)
	fixed, _ := os.ReadFile(mac)
	if strings.Contains(string(fixed), "\n") || !strings.Contains(string(fixed), "https://login.mypurecloud.com/oauth/token\r") {
		t.Errorf("-fix on a CR-only file: %q", fixed)
	}
	// A transcoded file's findings point into its decoded text: no fix is
	// offered, and the file is left as it is.
	le := filepath.Join(dir, "le.sh")
	before, _ := os.ReadFile(le)
	runHostile(t, "-fix", le)
	if after, _ := os.ReadFile(le); string(after) != string(before) {
		t.Error("-fix rewrote a UTF-16 file")
	}
}

func TestSilentSymlinkedDirectoryArgument(t *testing.T) {
	dir := hostileDir(t, map[string]string{})
	link := filepath.Join(t.TempDir(), "linkdir")
	if err := os.Symlink(dir, link); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	code, out, _ := runHostile(t, link)
	if code != exitFindings || !strings.Contains(out, "linkdir/bad.sh:1:") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestSilentNothingCheckedGetsANotice(t *testing.T) {
	repo := hostileDir(t, map[string]string{"sub/b.sh": hostileBad, ".tokenlint.toml": "exclude = [\"**\"]\n"})
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runHostile(t, repo)
	if code != exitOK || out != "" {
		t.Errorf("exclude everything: exit %d, out %q", code, out)
	}
	oneLine(t, errs, filepath.ToSlash(repo), "nothing was linted: the configuration's exclude patterns cover every file here")

	var ids []string
	for _, r := range rules.All() {
		ids = append(ids, `"`+r.ID+`"`)
	}
	if err := os.WriteFile(filepath.Join(repo, ".tokenlint.toml"), []byte("[rules]\ndisable = ["+strings.Join(ids, ", ")+"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs = runHostile(t, repo)
	if code != exitOK {
		t.Errorf("every rule disabled: exit %d", code)
	}
	oneLine(t, errs, "tokenlint", "every rule is disabled")
}

func TestSilentGoOutsideEveryModuleGetsANotice(t *testing.T) {
	dir := hostileDir(t, map[string]string{"main.go": "package main\n\nimport \"net/http\"\n\nfunc main() { http.Get(\"https://api.mypurecloud.com/oauth/token\") }\n"})
	code, out, errs := runHostile(t, dir)
	wantBadLinted(t, out)
	if code != exitFindings {
		t.Errorf("exit %d, want 1", code)
	}
	oneLine(t, errs, filepath.Base(dir), "the Go code here is in no module (no go.mod): not analysed")
}
