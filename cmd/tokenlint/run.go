package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/mattn/go-isatty"

	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/internal/report"
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
       tokenlint rules | explain RULE | version
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
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "rules":
			return cmdRules(stdout)
		case "explain":
			return cmdExplain(args[1:], stdout, stderr)
		case "version":
			fmt.Fprintf(stdout, "tokenlint %s\n", tokenlintVersion())
			return exitOK
		}
	}
	fs := flag.NewFlagSet("tokenlint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.StringVar(&o.format, "format", "text", "output format: "+strings.Join(report.Names(), ", "))
	fs.StringVar(&o.color, "color", "auto", "color text output: auto, always or never (NO_COLOR is honoured)")
	fs.StringVar(&o.enable, "enable", "", "run only these rules (comma-separated IDs)")
	fs.StringVar(&o.disable, "disable", "", "do not run these rules (comma-separated IDs)")
	fs.StringVar(&o.failOn, "fail-on", "warning", "lowest severity that makes the exit status 1: error or warning")
	fs.StringVar(&o.stdinName, "stdin-filename", "", "file name to use for standard input (\"-\"), which also picks its format")
	showVersion := fs.Bool("version", false, "print the version and exit")
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitTrouble
	}
	if *showVersion {
		fmt.Fprintf(stdout, "tokenlint %s\n", tokenlintVersion())
		return exitOK
	}
	writer := report.Lookup(o.format)
	if writer == nil {
		fmt.Fprintf(stderr, "tokenlint: unknown -format %q (want %s)\n", o.format, strings.Join(report.Names(), ", "))
		return exitTrouble
	}
	failOn, ok := rules.ParseSeverity(o.failOn)
	if !ok {
		fmt.Fprintf(stderr, "tokenlint: unknown -fail-on %q (want error or warning)\n", o.failOn)
		return exitTrouble
	}
	useColor, err := colorWanted(o.color, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "tokenlint: %v\n", err)
		return exitTrouble
	}
	ropts, enabled, err := ruleOptions(o.enable, o.disable)
	if err != nil {
		fmt.Fprintf(stderr, "tokenlint: %v\n", err)
		return exitTrouble
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"."}
	}
	res := lint.Run(paths, lint.Options{
		Rules:         ropts,
		Stdin:         stdin,
		StdinFilename: o.stdinName,
		Go:            goLinter,
	})
	res.Rules = enabled
	res.Version = tokenlintVersion()
	if err := writer(stdout, res, report.Options{Color: useColor}); err != nil {
		fmt.Fprintf(stderr, "tokenlint: writing output: %v\n", err)
		return exitTrouble
	}
	for _, s := range res.Skipped {
		fmt.Fprintf(stderr, "tokenlint: %s\n", s)
	}
	if o.format != "json" {
		for _, e := range res.Errors {
			fmt.Fprintf(stderr, "%s\n", e)
		}
	}
	switch {
	case len(res.Errors) > 0:
		return exitTrouble
	case atOrAbove(res.Findings, failOn):
		return exitFindings
	}
	return exitOK
}

func atOrAbove(fs []rules.Finding, level rules.Severity) bool {
	for _, f := range fs {
		if f.Severity >= level {
			return true
		}
	}
	return false
}

// colorWanted decides coloring: never when NO_COLOR is set (no-color.org),
// otherwise as the flag says, with auto meaning a terminal on stdout.
func colorWanted(mode string, stdout io.Writer) (bool, error) {
	switch mode {
	case "always":
		return os.Getenv("NO_COLOR") == "", nil
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

// ruleOptions turns -enable and -disable into the rules to run.
func ruleOptions(enable, disable string) (*rules.Options, []*rules.Rule, error) {
	all := rules.All()
	pick := func(list string) (map[string]bool, error) {
		out := map[string]bool{}
		for _, id := range strings.Split(list, ",") {
			id = strings.TrimSpace(id)
			if id == "" {
				continue
			}
			if rules.Lookup(id) == nil {
				return nil, fmt.Errorf("unknown rule %q (see tokenlint rules)", id)
			}
			out[id] = true
		}
		return out, nil
	}
	on, err := pick(enable)
	if err != nil {
		return nil, nil, err
	}
	off, err := pick(disable)
	if err != nil {
		return nil, nil, err
	}
	var enabled []*rules.Rule
	for _, r := range all {
		if (len(on) == 0 || on[r.ID]) && !off[r.ID] {
			enabled = append(enabled, r)
		}
	}
	return &rules.Options{Rules: enabled}, enabled, nil
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
	r := rules.Lookup(args[0])
	if r == nil {
		fmt.Fprintf(stderr, "tokenlint: unknown rule %q (see tokenlint rules)\n", args[0])
		return exitTrouble
	}
	fmt.Fprintf(stdout, "%s (%s): %s\n\n%s\n", r.ID, r.Severity, r.Summary, r.Doc)
	return exitOK
}
