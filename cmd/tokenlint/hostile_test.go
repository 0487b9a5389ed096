package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// hostileBad is an ordinary bad file linted next to each hostile one: its
// finding shows the rest of the run went on.
const hostileBad = "curl -d grant_type=client_credentials https://api.mypurecloud.com/oauth/token\n"

// hostileDir makes a directory with bad.sh and the given files.
func hostileDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["bad.sh"] = hostileBad
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// runHostile runs the command with a deadline: a hang (a FIFO opened for
// reading, a parser stuck on an input) fails the test instead of the whole
// test binary. The deadline is a hang guard, not a timing.
func runHostile(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	type result struct {
		code     int
		out, err string
	}
	done := make(chan result, 1)
	go func() {
		code, out, errs := runCmd(t, "", args...)
		done <- result{code, out, errs}
	}()
	select {
	case r := <-done:
		return r.code, r.out, r.err
	case <-time.After(2 * time.Minute):
		t.Fatalf("tokenlint %v hung", args)
	}
	return 0, "", ""
}

// wantBadLinted checks that bad.sh's finding was reported.
func wantBadLinted(t *testing.T, out string) {
	t.Helper()
	if !strings.Contains(out, "bad.sh:1:") || !strings.Contains(out, "[token-host]") {
		t.Errorf("bad.sh was not linted:\n%s", out)
	}
}

// wantTrouble checks a run that met one bad file: bad.sh still linted,
// exit 2, and one stderr line naming the file.
func wantTrouble(t *testing.T, code int, out, stderr, file, what string) {
	t.Helper()
	wantBadLinted(t, out)
	if code != exitTrouble {
		t.Errorf("exit %d, want 2", code)
	}
	oneLine(t, stderr, file, what)
}

// oneLine checks that stderr has exactly one line mentioning what and that it
// names the file.
func oneLine(t *testing.T, stderr, file, what string) {
	t.Helper()
	var hits []string
	for l := range strings.SplitSeq(strings.TrimRight(stderr, "\n"), "\n") {
		if strings.Contains(l, what) {
			hits = append(hits, l)
		}
	}
	if len(hits) != 1 || !strings.Contains(hits[0], file) {
		t.Errorf("want one stderr line naming %s with %q, got:\n%s", file, what, stderr)
	}
}

func TestHostileYAMLAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("token_url: https://login.mypurecloud.com/oauth/token\na: &a [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 'b'; i <= 'k'; i++ {
		prev := string(i - 1)
		b.WriteString(string(i) + ": &" + string(i) + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n")
	}
	dir := hostileDir(t, map[string]string{"bomb.yaml": b.String()})
	code, out, errs := runHostile(t, dir)
	t.Logf("exit %d, stderr %q", code, errs)
	wantBadLinted(t, out)
	if code == exitTrouble {
		// Refusing the document is fine; it must say so on one line.
		oneLine(t, errs, "bomb.yaml", "alias")
	} else if code != exitFindings {
		t.Errorf("exit %d, stderr %s", code, errs)
	}
}

func TestHostileHugeFileSkippedUnread(t *testing.T) {
	dir := hostileDir(t, map[string]string{})
	big := filepath.Join(dir, "big.json")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	// Sparse: 200 MB that costs no disk and would take seconds to read.
	if err := os.Truncate(big, 200<<20); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runHostile(t, dir)
	wantBadLinted(t, out)
	if code != exitFindings {
		t.Errorf("a skipped file alone must not make the exit status 2: got %d", code)
	}
	oneLine(t, errs, "big.json", "skipped: 200.0 MB is over the 10.0 MB size limit")
	// Named explicitly, alone: a notice, exit 0.
	if code, _, errs := runHostile(t, big); code != exitOK || !strings.Contains(errs, "big.json: skipped") {
		t.Errorf("explicit big file: exit %d, stderr %q", code, errs)
	}
}

func TestHostileDeepJSON(t *testing.T) {
	const depth = 1_000_000
	deep := `{"token_url": "https://login.mypurecloud.com/oauth/token", "a": ` + strings.Repeat("[", depth) + strings.Repeat("]", depth) + "}\n"
	dir := hostileDir(t, map[string]string{"deep.json": deep, "deep.yaml": "token_url: x\na: " + strings.Repeat("[", depth) + strings.Repeat("]", depth) + "\n"})
	code, out, errs := runHostile(t, dir)
	t.Logf("exit %d, stderr %q", code, errs)
	wantBadLinted(t, out)
	if strings.Contains(errs, "internal error") {
		t.Errorf("a front end panicked: %s", errs)
	}
	if code != exitTrouble {
		t.Errorf("exit %d, want 2", code)
	}
	oneLine(t, errs, "deep.json:1:", "nesting deeper than 1000 levels")
	oneLine(t, errs, "deep.yaml:2:", "exceeded max depth of 10000")
}

// TestHostileDeepHCL is the red-team's 200,000-deep Terraform list: it was
// a fatal stack overflow that lost every other file's findings.
func TestHostileDeepHCL(t *testing.T) {
	const depth = 200_000
	deep := "provider \"genesyscloud\" { oauthclient_secret = \"x\" }\nlocals { a = " + strings.Repeat("[", depth) + strings.Repeat("]", depth) + " }\n"
	md := "# x\n\n```hcl\n" + deep + "```\n"
	dir := hostileDir(t, map[string]string{"deep.tf": deep, "README.md": md})
	code, out, errs := runHostile(t, dir)
	wantBadLinted(t, out)
	if code != exitTrouble {
		t.Errorf("exit %d, want 2", code)
	}
	oneLine(t, errs, "deep.tf:2:", "invalid HCL: nesting deeper than 1000 levels")
}

func TestHostileInvalidUTF8(t *testing.T) {
	dir := hostileDir(t, map[string]string{
		// A finding after invalid bytes keeps its byte position.
		"latin1.sh": "# caf\xe9 \xff\xfe\n  curl -d grant_type=client_credentials https://api.mypurecloud.com/oauth/token # \xc3\n",
		"bad8.yaml": "token_url: \"https://login.mypurecloud.com/oauth/token\xff\"\n",
	})
	code, out, errs := runHostile(t, "-format", "json", dir)
	var doc struct {
		Findings []struct {
			File, Rule   string
			Line, Column int
		} `json:"findings"`
		Errors []struct{ File, Message string } `json:"errors"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output is not JSON (invalid UTF-8 must not leak into it): %v\n%q", err, out)
	}
	var got []string
	for _, f := range doc.Findings {
		got = append(got, fmt.Sprintf("%s %s %d:%d", filepath.Base(f.File), f.Rule, f.Line, f.Column))
	}
	if want := "bad.sh token-host 1:47,latin1.sh token-host 2:49"; strings.Join(got, ",") != want {
		t.Errorf("findings %q, want %s", got, want)
	}
	// yaml.v3 refuses invalid UTF-8: one error naming the file.
	if code != exitTrouble || len(doc.Errors) != 1 || !strings.HasSuffix(doc.Errors[0].File, "bad8.yaml") || !strings.Contains(doc.Errors[0].Message, "UTF-8") {
		t.Errorf("exit %d, errors %+v, stderr %q", code, doc.Errors, errs)
	}
}

func TestHostileNULBytes(t *testing.T) {
	dir := hostileDir(t, map[string]string{
		"nul.sh":   "\x00\x00 curl -d grant_type=client_credentials https://api.mypurecloud.com/oauth/token\n",
		"nul.json": "{\"token_url\": \"https://login.mypurecloud.com/oauth/token\"\x00}\n",
	})
	code, out, errs := runHostile(t, dir)
	wantTrouble(t, code, out, errs, "nul.sh", "nul.sh: binary file (NUL byte)")
	oneLine(t, errs, "nul.json", "nul.json: binary file (NUL byte)")
}

func TestHostileUnreadable(t *testing.T) {
	dir := hostileDir(t, map[string]string{"secret.sh": hostileBad})
	locked := filepath.Join(dir, "secret.sh")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(locked)
	if err != nil {
		code, out, errs := runHostile(t, dir)
		wantTrouble(t, code, out, errs, "secret.sh", "permission denied")
		return
	}
	f.Close()
	// Root (as in CI) reads a mode-000 file anyway, and a directory
	// without x permission too. /proc/self/mem is a regular file that no
	// one can read from its start (EIO), so it stands in for one, named
	// explicitly.
	if _, err := os.Stat("/proc/self/mem"); err != nil {
		t.Skip("running as root without /proc: no unreadable file to test with")
	}
	code, out, errs := runHostile(t, "/proc/self/mem", filepath.Join(dir, "bad.sh"))
	wantTrouble(t, code, out, errs, "/proc/self/mem", "input/output error")
}

func TestHostileFIFO(t *testing.T) {
	dir := hostileDir(t, map[string]string{})
	fifo := filepath.Join(dir, "pipe.sh")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	// Walked: never opened, not an error.
	code, out, errs := runHostile(t, dir)
	wantBadLinted(t, out)
	if code != exitFindings || withoutSummary(errs) != "" {
		t.Errorf("walked FIFO: exit %d, stderr %q", code, errs)
	}
	// Named: refused without opening (opening a FIFO blocks for a writer).
	code, out, errs = runHostile(t, fifo, filepath.Join(dir, "bad.sh"))
	wantTrouble(t, code, out, errs, "pipe.sh", "not a regular file")
}

func TestHostileSymlinks(t *testing.T) {
	outside := hostileDir(t, map[string]string{})
	dir := hostileDir(t, map[string]string{"sub/ok.yaml": "a: b\n"})
	for link, target := range map[string]string{
		"loop.sh":      "loop.sh",                             // a link to itself
		"a.sh":         "b.sh",                                // two links to each other
		"b.sh":         "a.sh",                                //
		"sub/up":       "..",                                  // a directory loop
		"out.sh":       filepath.Join(outside, "bad.sh"),      // a file outside the tree
		"outdir":       outside,                               // a directory outside the tree
		"dangling.env": filepath.Join(outside, "missing.env"), // nothing at all
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errs := runHostile(t, dir)
	wantBadLinted(t, out)
	if strings.Count(out, "[token-host]") != 1 || strings.Contains(out, outside) || strings.Contains(out, "out.sh") {
		t.Errorf("a link was followed:\n%s", out)
	}
	if code != exitFindings || withoutSummary(errs) != "" {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	// Named explicitly, a looping link is an error on one line.
	code, _, errs = runHostile(t, filepath.Join(dir, "loop.sh"))
	if code != exitTrouble {
		t.Errorf("named link loop: exit %d", code)
	}
	oneLine(t, errs, "loop.sh", "too many levels of symbolic links")
}

func TestHostileCRLF(t *testing.T) {
	lf := "#!/bin/sh\n# get a token\ncurl -X POST \\\n  -d grant_type=client_credentials \\\n  \"https://api.mypurecloud.com/oauth/token\"\n"
	dir := hostileDir(t, map[string]string{
		"lf/t.sh":     lf,
		"crlf/t.sh":   strings.ReplaceAll(lf, "\n", "\r\n"),
		"lf/t.http":   "POST https://api.mypurecloud.com/oauth/token\nContent-Type: application/json\n\n{\"grant_type\": \"client_credentials\"}\n",
		"crlf/t.http": "POST https://api.mypurecloud.com/oauth/token\r\nContent-Type: application/json\r\n\r\n{\"grant_type\": \"client_credentials\"}\r\n",
	})
	positions := func(sub string) []string {
		_, out, errs := runHostile(t, "-format", "json", filepath.Join(dir, sub))
		var doc struct {
			Findings []struct {
				File, Rule                       string
				Line, Column, EndLine, EndColumn int
			} `json:"findings"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil || errs != "" {
			t.Fatalf("%s: %v %s\n%s", sub, err, errs, out)
		}
		var ps []string
		for _, f := range doc.Findings {
			ps = append(ps, fmt.Sprintf("%s %s %d:%d-%d:%d", filepath.Base(f.File), f.Rule, f.Line, f.Column, f.EndLine, f.EndColumn))
		}
		return ps
	}
	lfPos, crlfPos := positions("lf"), positions("crlf")
	if len(lfPos) < 2 || strings.Join(lfPos, "\n") != strings.Join(crlfPos, "\n") {
		t.Errorf("CRLF positions differ from LF:\nLF:\n%s\nCRLF:\n%s", strings.Join(lfPos, "\n"), strings.Join(crlfPos, "\n"))
	}
}

// TestHostileFilesTokenlintReadsItself covers the files tokenlint opens
// for itself, not to lint: each goes through the walker's guard (regular
// file, no link in the tree, a size limit, never a blocking open). A
// committed ".gitignore -> /dev/zero" exhausted memory, a FIFO hung.
func TestHostileFilesTokenlintReadsItself(t *testing.T) {
	collection := `{"info": {"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "item": [{"name": "t", "request": {"method": "POST", "url": "https://{{host}}/oauth/token"}}]}`
	dir := hostileDir(t, map[string]string{
		"sub/a.sh":                     hostileBad,
		"pm/c.postman_collection.json": collection,
		"bru/bruno.json.real":          "{}",
		"bru/req.bru":                  "post {\n  url: https://api.mypurecloud.com/oauth/token\n}\n",
	})
	fifo := func(name string) {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
			t.Skipf("no FIFOs here: %v", err)
		}
	}
	link := func(name, target string) {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("no symlinks here: %v", err)
		}
	}
	link(".gitignore", "/dev/zero")
	fifo("sub/.gitignore")
	fifo("pm/dev.postman_environment.json")
	link("pm/prod.postman_environment.json", "/dev/zero")
	fifo("bru/bruno.json")
	code, out, errs := runHostile(t, dir)
	wantBadLinted(t, out)
	if !strings.Contains(out, "sub/a.sh:1:") || !strings.Contains(out, "bru/req.bru:") {
		t.Errorf("a file beside a special one was not linted:\n%s", out)
	}
	if code != exitFindings || withoutSummary(errs) != "" {
		t.Errorf("exit %d, stderr %q", code, errs)
	}

	// A configuration found in the tree, and a baseline named by the user.
	for _, tt := range []struct {
		name string
		make func(repo string)
		args []string
		what string
	}{
		{"config link to /dev/zero", func(r string) { os.Symlink("/dev/zero", filepath.Join(r, ".tokenlint.toml")) }, nil,
			".tokenlint.toml: cannot read configuration: a symbolic link, not followed"},
		{"config FIFO", func(r string) { syscall.Mkfifo(filepath.Join(r, ".tokenlint.toml"), 0o644) }, nil,
			".tokenlint.toml: cannot read configuration: not a regular file"},
		{"baseline /dev/zero", func(string) {}, []string{"-baseline", "/dev/zero"}, "baseline /dev/zero: not a regular file"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			repo := hostileDir(t, map[string]string{})
			if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
				t.Fatal(err)
			}
			tt.make(repo)
			code, _, errs := runHostile(t, append(tt.args, repo)...)
			if code != exitTrouble {
				t.Errorf("exit %d, want 2", code)
			}
			oneLine(t, errs, "", tt.what)
		})
	}
}

// TestHostileFIFONamedCfg: a .cfg argument is opened to see whether it is
// a vet config, through the guard, so a FIFO named x.cfg does not block.
func TestHostileFIFONamedCfg(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "x.cfg")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	code, _, errs := runHostile(t, fifo)
	if code != exitTrouble {
		t.Errorf("exit %d, want 2", code)
	}
	oneLine(t, errs, "x.cfg", "not a regular file")
}
