// Command lsplatency measures how long `tokenlint lsp` takes from a
// didChange to the publishDiagnostics for that version, on a generated
// .http file (2,000 lines by default), and, in the same run, what linting
// the same text costs the command (`tokenlint -stdin-filename F -`), so the
// figure can be read as a ratio. Usage, from the repository root:
//
//	go build -o bench/out/tokenlint ./cmd/tokenlint
//	go run ./bench/lsplatency -tokenlint bench/out/tokenlint
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/tokenlint/tokenlint/internal/lsp"
	"github.com/tokenlint/tokenlint/internal/lsp/lsptest"
)

func main() {
	bin := flag.String("tokenlint", "bench/out/tokenlint", "tokenlint binary")
	lines := flag.Int("lines", 2000, "lines of the .http file")
	runs := flag.Int("runs", 30, "didChange round trips measured (after 3 warm-up ones)")
	flag.Parse()
	exe, err := filepath.Abs(*bin)
	check(err)

	dir, err := os.MkdirTemp("", "lsplatency-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		log.Fatal(err)
	}
	text, tokenLine := httpFile(*lines)
	path := filepath.Join(dir, "requests.http")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("file: %d lines, %d bytes; %d round trips; debounce %v\n", strings.Count(text, "\n"), len(text), *runs, lsp.DefaultDebounce)

	cmd := exec.Command(exe, "lsp")
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	check(err)
	stdout, err := cmd.StdoutPipe()
	check(err)
	check(cmd.Start())
	c := lsptest.New(lsptest.Process(stdout, stdin))
	check(c.Call("initialize", map[string]any{"processId": os.Getpid(), "rootUri": "file://" + dir, "capabilities": map[string]any{}}, nil))
	check(c.Notify("initialized", map[string]any{}))
	uri := "file://" + path
	check(c.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "http", "version": 1, "text": text}}))
	p, err := c.Diagnostics(uri, 1)
	check(err)
	fmt.Printf("diagnostics on open: %d\n", len(p.Diagnostics))

	// Each change swaps one token host between login. and api. (a
	// finding appears or goes), as a user typing would, with an
	// incremental edit.
	var lat []time.Duration
	for i := 0; i < *runs+3; i++ {
		version := i + 2
		from, to := "login", "api"
		if i%2 == 1 {
			from, to = "api", "login"
		}
		start := time.Now()
		check(c.Notify("textDocument/didChange", map[string]any{
			"textDocument": map[string]any{"uri": uri, "version": version},
			"contentChanges": []any{map[string]any{
				"range": map[string]any{"start": map[string]any{"line": tokenLine, "character": 13}, "end": map[string]any{"line": tokenLine, "character": 13 + len(from)}},
				"text":  to,
			}},
		}))
		p, err := c.Diagnostics(uri, version)
		check(err)
		if i >= 3 {
			lat = append(lat, time.Since(start))
		}
		_ = p
	}
	check(c.Call("shutdown", nil, nil))
	check(c.Notify("exit", nil))
	check(cmd.Wait())
	serverCPU := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()

	// The command on the same text, as many times, in the same run.
	var cli []time.Duration
	var cliCPU time.Duration
	for i := 0; i < *runs; i++ {
		run := exec.Command(exe, "-stdin-filename", path, "-format", "json", "-")
		run.Dir = dir
		run.Stdin = strings.NewReader(text)
		var out bytes.Buffer
		run.Stdout = &out
		start := time.Now()
		_ = run.Run() // exit 1: the file has findings
		cli = append(cli, time.Since(start))
		cliCPU += run.ProcessState.UserTime() + run.ProcessState.SystemTime()
	}

	med, p90 := quantiles(lat)
	cmed, _ := quantiles(cli)
	fmt.Printf("didChange -> publishDiagnostics: median %v, p90 %v (debounce included)\n", med.Round(100*time.Microsecond), p90.Round(100*time.Microsecond))
	fmt.Printf("  minus the debounce: median %v\n", (med - lsp.DefaultDebounce).Round(100*time.Microsecond))
	fmt.Printf("tokenlint -stdin-filename %s - (one process per lint): median %v wall\n", filepath.Base(path), cmed.Round(100*time.Microsecond))
	fmt.Printf("ratio (latency - debounce) / command wall: %.2fx\n", float64(med-lsp.DefaultDebounce)/float64(cmed))
	fmt.Printf("CPU: server %v for open + %d changes (%v per change, whole session); command %v per lint\n",
		serverCPU.Round(time.Millisecond), *runs+3, (serverCPU / time.Duration(*runs+4)).Round(100*time.Microsecond), (cliCPU / time.Duration(*runs)).Round(100*time.Microsecond))
}

// httpFile writes requests of ten lines each up to n lines: token
// requests and API calls of several regions, the shapes people keep in
// one .http file. It returns the 0-based line of the first token
// request's host, which the run edits.
func httpFile(n int) (string, int) {
	regions := []string{"mypurecloud.com", "mypurecloud.ie", "mypurecloud.de", "usw2.pure.cloud", "mypurecloud.jp"}
	var b strings.Builder
	lines := 0
	for i := 0; lines+10 <= n; i++ {
		domain := regions[i%len(regions)]
		var block string
		if i%3 == 0 {
			block = fmt.Sprintf("### token %d\n# @name token%d\nPOST https://login.%s/oauth/token\nAuthorization: Basic {{clientId}}:{{clientSecret}}\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials\n", i, i, domain)
		} else {
			block = fmt.Sprintf("### call %d\nGET https://api.%s/api/v2/routing/queues?pageSize=%d\nAuthorization: Bearer {{token%d.response.body.access_token}}\nAccept: application/json\nUser-Agent: tokenlint-bench\n", i, domain, 25+i, i-i%3)
		}
		b.WriteString(block + strings.Repeat("\n", 10-strings.Count(block, "\n")))
		lines += 10
	}
	for ; lines < n; lines++ {
		b.WriteString("\n")
	}
	return b.String(), 2
}

func quantiles(d []time.Duration) (median, p90 time.Duration) {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2], s[len(s)*9/10]
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
