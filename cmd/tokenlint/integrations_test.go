package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const apiHostHTTP = "POST https://api.mypurecloud.com/oauth/token\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials\n"

func TestFixDiffAndIdempotence(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.WriteFile("t.http", []byte(apiHostHTTP), 0o600)
	code, out, _ := runCmd(t, "", "-diff", "t.http")
	if code != exitFindings || !strings.Contains(out, "+POST https://login.mypurecloud.com/oauth/token") {
		t.Fatalf("-diff: exit %d\n%s", code, out)
	}
	if data, _ := os.ReadFile("t.http"); string(data) != apiHostHTTP {
		t.Fatal("-diff changed the file")
	}
	if code, _, errs := runCmd(t, "", "-fix", "t.http"); code != exitOK {
		t.Fatalf("-fix: exit %d %s", code, errs)
	}
	data, _ := os.ReadFile("t.http")
	if !strings.Contains(string(data), "https://login.mypurecloud.com/oauth/token") {
		t.Fatalf("-fix did not fix:\n%s", data)
	}
	if info, _ := os.Stat("t.http"); info.Mode().Perm() != 0o600 {
		t.Errorf("-fix changed the mode to %v", info.Mode().Perm())
	}
	runCmd(t, "", "-fix", "t.http")
	if again, _ := os.ReadFile("t.http"); string(again) != string(data) {
		t.Error("a second -fix changed the file")
	}
}

func TestBaselineAndConfig(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.Mkdir(".git", 0o755)
	os.WriteFile("t.http", []byte(apiHostHTTP), 0o644)
	if code, _, errs := runCmd(t, "", "-write-baseline", "b.json", "t.http"); code != exitOK {
		t.Fatalf("-write-baseline: exit %d %s", code, errs)
	}
	// Moving the request down does not resurrect it.
	os.WriteFile("t.http", []byte("# moved\n\n"+apiHostHTTP), 0o644)
	if code, out, _ := runCmd(t, "", "-baseline", "b.json", "t.http"); code != exitOK || out != "" {
		t.Errorf("-baseline: exit %d\n%s", code, out)
	}
	os.WriteFile(".tokenlint.toml", []byte("[rules]\ndisable = [\"token-host\"]\n"), 0o644)
	if code, out, errs := runCmd(t, "", "t.http"); code != exitOK {
		t.Errorf("disabled by config: exit %d %s %s", code, out, errs)
	}
	os.WriteFile(".tokenlint.toml", []byte("[rules]\ndisabel = [\"token-host\"]\n"), 0o644)
	if code, _, errs := runCmd(t, "", "t.http"); code != exitTrouble || !strings.Contains(errs, ".tokenlint.toml:2:") {
		t.Errorf("bad config: exit %d, stderr %q", code, errs)
	}
	os.Remove(".tokenlint.toml")
	if code, out, _ := runCmd(t, "", "init"); code != exitOK || !strings.Contains(out, filepath.Join(dir, ".tokenlint.toml")) && !strings.Contains(out, ".tokenlint.toml") {
		t.Errorf("init: exit %d %s", code, out)
	}
	if code, _, _ := runCmd(t, "", "init"); code != exitTrouble {
		t.Error("init must not overwrite an existing file")
	}
}

func TestInlineSuppression(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.WriteFile("t.http", []byte("# tokenlint:ignore token-host -- the staging proxy forwards to login\n"+apiHostHTTP), 0o644)
	if code, out, _ := runCmd(t, "", "t.http"); code != exitOK {
		t.Errorf("suppressed finding still reported: exit %d\n%s", code, out)
	}
	os.WriteFile("t.http", []byte("# tokenlint:ignore token-host\n"+apiHostHTTP), 0o644)
	if code, out, _ := runCmd(t, "", "t.http"); code != exitFindings || !strings.Contains(out, "[invalid-ignore]") {
		t.Errorf("directive without a reason: exit %d\n%s", code, out)
	}
}
