package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/mattn/go-isatty"

	"github.com/tokenlint/tokenlint/internal/baseline"
	"github.com/tokenlint/tokenlint/internal/config"
	"github.com/tokenlint/tokenlint/internal/golint"
	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/internal/newcode"
	"github.com/tokenlint/tokenlint/internal/repo"
	"github.com/tokenlint/tokenlint/internal/report"
	"github.com/tokenlint/tokenlint/internal/suppress"
	"github.com/tokenlint/tokenlint/rules"

	// The config front ends register themselves.
	_ "github.com/tokenlint/tokenlint/internal/extract"
)

// Exit statuses.
const (
	exitOK       = 0
	exitFindings = 1
	exitTrouble  = 2
)

// version is set with -ldflags "-X main.version=v1.2.3"; otherwise the
// module version from the build info is used.
var version = ""

func tokenlintVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

const usage = `usage: tokenlint [flags] [path | pattern | - ...]
       tokenlint rules | explain RULE | init | help | version
       tokenlint lsp       (language server over stdio: docs/editors.md)
       go vet -vettool=$(command -v tokenlint) ./...

tokenlint finds the mistakes that make OAuth token requests fail or leak
(wrong token host, region or path; JSON bodies; unencoded secrets; user-only
APIs called with client-credentials tokens) in .http/.rest files, shell
scripts, .env, YAML, JSON and TOML configs and Go packages.

Paths default to ".". Directories are walked (respecting .gitignore); "./..."
also loads the Go packages below; "-" reads standard input.

Flags:
`

type options struct {
	format, color, enable, disable, failOn, stdinName string
	config, baseline, writeBaseline, newFromRev       string
	fix, diff, version, goDownload, debugModel        bool
	goCode                                            bool
}

// newFlagSet declares the flags of a lint run into o.
func newFlagSet(o *options, output io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("tokenlint", flag.ContinueOnError)
	fs.SetOutput(output)
	fs.StringVar(&o.format, "format", "text", "output formats, comma-separated, each FORMAT or FORMAT=PATH (standard output when no path): "+strings.Join(report.Names(), ", "))
	fs.StringVar(&o.color, "color", "auto", "color text output: auto, always or never (NO_COLOR turns auto off)")
	fs.StringVar(&o.enable, "enable", "", "run only these rules (comma-separated IDs)")
	fs.StringVar(&o.disable, "disable", "", "do not run these rules (comma-separated IDs)")
	fs.StringVar(&o.failOn, "fail-on", "warning", "lowest severity that makes the exit status 1: error, warning or note")
	fs.StringVar(&o.stdinName, "stdin-filename", "", "file name to use for standard input (\"-\"), which also picks its format")
	fs.StringVar(&o.config, "config", "", "configuration file (default: .tokenlint.toml found from the first path's directory up to its repository root)")
	fs.StringVar(&o.baseline, "baseline", "", "report only findings that are not in this baseline file")
	fs.StringVar(&o.writeBaseline, "write-baseline", "", "write the current findings to this baseline file and exit 0")
	fs.StringVar(&o.newFromRev, "new-from-rev", "", "report only findings on lines added or changed since this git revision (git diff REV, renames followed; untracked files are new)")
	fs.BoolVar(&o.fix, "fix", false, "apply the certain fixes to the files in place")
	fs.BoolVar(&o.diff, "diff", false, "print the certain fixes as a unified diff instead of applying them")
	fs.BoolVar(&o.goCode, "go", true, "analyse the Go packages in and below the paths; -go=false lints the other files only (a pre-commit hook or CI step that runs the analyzer through go vet or golangci-lint)")
	fs.BoolVar(&o.goDownload, "go-download", false, "let the go command download the modules and toolchain that go.mod requires while loading Go packages (default: only what is in the module cache)")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	fs.BoolVar(&o.debugModel, "debug-model", false, "print the request model each file's front end builds, instead of linting (for front-end authors)")
	return fs
}

// parseInterleaved parses flags wherever they stand among the paths
// (tokenlint a.http -format json), as golangci-lint, gitleaks and ruff
// do; everything after "--" is a path.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return paths, nil
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(paths, rest...), nil
		}
		paths = append(paths, rest[0])
		args = rest[1:]
	}
}

// checkStdin refuses the two half-spellings of a stdin run, which would
// otherwise lint nothing (no name picks no format) or lint "." instead.
func checkStdin(paths []string, stdinName string) error {
	dash := slices.Contains(paths, "-")
	switch {
	case dash && stdinName == "":
		return errors.New(`"-" reads standard input and needs -stdin-filename NAME to pick its format (tokenlint -stdin-filename api/token.http -)`)
	case !dash && stdinName != "":
		return errors.New(`-stdin-filename names standard input, which is read only for the path "-" (tokenlint -stdin-filename ` + stdinName + ` -)`)
	}
	return nil
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	// Everything on stderr is text for people, and CI runners read
	// workflow commands in it: guard it as text output is.
	guard := report.GuardText(stderr)
	defer guard.Flush()
	stderr = guard
	if len(args) > 0 {
		switch args[0] {
		case "rules":
			return cmdRules(stdout)
		case "explain":
			return cmdExplain(args[1:], stdout, stderr)
		case "version":
			fmt.Fprintf(stdout, "tokenlint %s\n", tokenlintVersion())
			return exitOK
		case "init":
			return cmdInit(stdout, stderr)
		case "help":
			fmt.Fprint(stdout, usage)
			newFlagSet(&options{}, stdout).PrintDefaults()
			return exitOK
		case "lsp":
			return cmdLSP(args[1:], stdin, stdout, stderr)
		}
	}
	var o options
	fs := newFlagSet(&o, stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitTrouble
	}
	if err := checkStdin(paths, o.stdinName); err != nil {
		fmt.Fprintf(stderr, "tokenlint: %v\n", err)
		return exitTrouble
	}
	if o.version {
		fmt.Fprintf(stdout, "tokenlint %s\n", tokenlintVersion())
		return exitOK
	}
	if o.debugModel {
		return cmdDebugModel(paths, o.config, stdout, stderr)
	}
	outs, err := parseOutputs(o.format)
	if err != nil {
		fmt.Fprintf(stderr, "tokenlint: %v\n", err)
		return exitTrouble
	}
	failOn, ok := rules.ParseSeverity(o.failOn)
	if !ok {
		fmt.Fprintf(stderr, "tokenlint: unknown -fail-on %q (want error, warning or note)\n", o.failOn)
		return exitTrouble
	}
	if _, err := colorWanted(o.color, stdout); err != nil {
		fmt.Fprintf(stderr, "tokenlint: %v\n", err)
		return exitTrouble
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	cfg, err := config.Resolve(configDir(paths, o.stdinName), o.config)
	if err != nil {
		fmt.Fprintf(stderr, "%v\n", err)
		return exitTrouble
	}
	if err := cfg.ApplyFlags(o.enable, o.disable); err != nil {
		fmt.Fprintf(stderr, "tokenlint: %v\n", err)
		return exitTrouble
	}
	if len(cfg.Rules.Rules) == 0 {
		// Not an error (a config may switch tokenlint off on purpose), but
		// a clean run must not look like a checked one.
		fmt.Fprintln(stderr, "tokenlint: every rule is disabled (enable/disable in the configuration or flags): nothing is checked")
	}
	var base *baseline.Baseline
	if o.baseline != "" {
		if base, err = baseline.Load(o.baseline); err != nil {
			fmt.Fprintf(stderr, "tokenlint: %v\n", err)
			return exitTrouble
		}
	}
	sources := newSourceSet(cfg.Rules.Catalog)
	var stdinText *bytes.Buffer
	if o.fix && slices.Contains(paths, "-") {
		// -fix - prints standard input fixed, or as it was.
		stdinText = &bytes.Buffer{}
		stdin = io.TeeReader(stdin, stdinText)
	}
	res := lint.Run(paths, lint.Options{
		Rules:         cfg.Rules,
		MaxFileSize:   cfg.MaxFileSize,
		Exclude:       cfg.Exclude.Match,
		Stdin:         stdin,
		StdinFilename: o.stdinName,
		Go:            goLinter(o.goCode, golint.Settings{Download: o.goDownload}),
		KeepSource:    sources.keep,
		PaceGC:        true,
	})
	if o.writeBaseline != "" {
		if err := baseline.WriteFile(o.writeBaseline, res.Findings); err != nil {
			fmt.Fprintf(stderr, "tokenlint: %v\n", err)
			return exitTrouble
		}
		fmt.Fprintf(stderr, "tokenlint: wrote %d findings to %s\n", len(res.Findings), o.writeBaseline)
		printErrors(stderr, res, true)
		if len(res.Errors) > 0 {
			return exitTrouble
		}
		return exitOK
	}
	if base != nil {
		var accepted []lint.Finding
		res.Findings, accepted = base.Filter(res.Findings)
		res.Suppressed = append(res.Suppressed, accepted...)
	}
	if o.newFromRev != "" {
		if res.Findings, err = onlyNew(res.Findings, o.newFromRev, configDir(paths, o.stdinName)); err != nil {
			fmt.Fprintf(stderr, "tokenlint: %v\n", err)
			return exitTrouble
		}
	}
	if o.fix || o.diff {
		return applyFixes(o.diff, res, sources, stdinText, stdout, stderr, failOn)
	}
	run := report.Options{
		Rules:   append(append([]*rules.Rule{}, cfg.Rules.Rules...), suppress.Rules()...),
		Version: tokenlintVersion(),
	}
	if err := writeOutputs(outs, res, run, o.color, stdout); err != nil {
		fmt.Fprintf(stderr, "tokenlint: %v\n", err)
		return exitTrouble
	}
	printErrors(stderr, res, stdoutFormat(outs) != "json")
	if stdoutFormat(outs) == "text" {
		if s := report.Summary(res); s != "" {
			fmt.Fprintln(stderr, s)
		}
	}
	return status(res, failOn)
}

// onlyNew keeps the findings on lines added since rev in their file's
// repository, for pull requests (golangci-lint's -new-from-rev). The
// repository of dir (the first path's) is asked first, so a revision that
// does not exist is an error even when nothing was found.
func onlyNew(findings []lint.Finding, rev, dir string) ([]lint.Finding, error) {
	changes := map[string]newcode.Lines{}
	since := func(place string) (newcode.Lines, error) {
		root := repo.Root(place)
		if root == "" {
			return nil, fmt.Errorf("-new-from-rev: %s is not in a git repository", place)
		}
		if lines, ok := changes[root]; ok {
			return lines, nil
		}
		lines, err := newcode.Since(root, rev)
		changes[root] = lines
		return lines, err
	}
	if _, err := since(dir); err != nil {
		return nil, err
	}
	var kept []lint.Finding
	for _, f := range findings {
		abs, err := filepath.Abs(filepath.FromSlash(f.Span.File))
		if err != nil {
			return nil, err
		}
		lines, err := since(filepath.Dir(abs))
		if err != nil {
			return nil, err
		}
		if lines.Changed(f.RepoPath, f.Pos.Line, f.Pos.EndLine) {
			kept = append(kept, f)
		}
	}
	return kept, nil
}

// configDir is where the search for .tokenlint.toml starts: the directory
// of the first path (a pattern's directory, a file's parent, stdin's
// -stdin-filename), so `tokenlint /abs/repo` from elsewhere still uses that
// repository's configuration, as golangci-lint does.
func configDir(paths []string, stdinName string) string {
	p := paths[0]
	switch {
	case p == "-":
		p = filepath.Dir(stdinName)
	case p == "..." || strings.HasSuffix(p, "/..."):
		p = strings.TrimSuffix(strings.TrimSuffix(p, "..."), "/")
	}
	if p == "" {
		return "."
	}
	info, err := os.Stat(p)
	switch {
	case err != nil:
		if dir := filepath.Dir(p); dir != p {
			return configDir([]string{dir}, "")
		}
		return "."
	case !info.IsDir():
		return filepath.Dir(p)
	}
	return p
}

// printErrors writes notices and, unless the output format carries them,
// errors to stderr, one line each.
func printErrors(stderr io.Writer, res *lint.Result, errors bool) {
	for _, s := range res.Skipped {
		fmt.Fprintf(stderr, "tokenlint: %s\n", report.ErrorLine(s))
	}
	if errors {
		for _, e := range res.Errors {
			fmt.Fprintln(stderr, report.ErrorLine(e))
		}
	}
}

func status(res *lint.Result, failOn rules.Severity) int {
	switch {
	case len(res.Errors) > 0:
		return exitTrouble
	case atOrAbove(res.Findings, failOn):
		return exitFindings
	}
	return exitOK
}

func atOrAbove(fs []lint.Finding, level rules.Severity) bool {
	for _, f := range fs {
		if f.Severity >= level {
			return true
		}
	}
	return false
}

// colorWanted decides coloring as the flag says; auto means a terminal on
// stdout unless NO_COLOR is set. An explicit -color always beats NO_COLOR,
// as no-color.org asks of command-line flags.
func colorWanted(mode string, stdout io.Writer) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		if os.Getenv("NO_COLOR") != "" {
			return false, nil
		}
		f, ok := stdout.(*os.File)
		return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())), nil
	}
	return false, fmt.Errorf("unknown -color %q (want auto, always or never)", mode)
}

func cmdRules(w io.Writer) int {
	for _, r := range rules.All() {
		fmt.Fprintf(w, "%-22s %-8s %s\n", r.ID, r.Severity, r.Summary)
	}
	return exitOK
}

func cmdExplain(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "usage: tokenlint explain RULE")
		return exitTrouble
	}
	r := lookupRule(args[0])
	if r == nil {
		fmt.Fprintf(stderr, "tokenlint: unknown rule %q (see tokenlint rules)\n", args[0])
		return exitTrouble
	}
	fmt.Fprintf(stdout, "%s (%s): %s\n\n%s", r.ID, r.Severity, r.Summary, report.RuleText(r))
	return exitOK
}

// lookupRule finds a rule by ID, the engine's or the directive checks'
// (unused-ignore, invalid-ignore), which findings name just the same.
func lookupRule(id string) *rules.Rule {
	if r := rules.Lookup(id); r != nil {
		return r
	}
	for _, r := range suppress.Rules() {
		if r.ID == id {
			return r
		}
	}
	return nil
}
