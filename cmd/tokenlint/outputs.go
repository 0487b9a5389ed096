package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/internal/report"
)

// An output is one report of a run: a format written to standard output
// (path "") or to a file.
type output struct {
	format string
	path   string
	write  report.Writer
}

// parseOutputs reads -format: a comma list of FORMAT or FORMAT=PATH, so one
// run can print text and write SARIF, JUnit and GitLab reports
// (-format text,sarif=out.sarif,junit=report.xml). At most one goes to
// standard output, and no two to the same file.
func parseOutputs(spec string) ([]output, error) {
	var outs []output
	stdout := ""
	paths := map[string]bool{}
	for item := range strings.SplitSeq(spec, ",") {
		name, path, hasPath := strings.Cut(strings.TrimSpace(item), "=")
		name = strings.TrimSpace(name)
		w := report.Lookup(name)
		switch {
		case name == "":
			return nil, fmt.Errorf("-format %q has an empty entry (want FORMAT or FORMAT=PATH, comma-separated)", spec)
		case w == nil:
			return nil, fmt.Errorf("unknown -format %q (want %s)", name, strings.Join(report.Names(), ", "))
		case hasPath && path == "":
			return nil, fmt.Errorf("-format %s= names no file", name)
		case !hasPath && stdout != "":
			return nil, fmt.Errorf("-format: %s and %s would both go to standard output; give one a file (%s=PATH)", stdout, name, name)
		case !hasPath:
			stdout = name
		default:
			key := filepath.Clean(path)
			if paths[key] {
				return nil, fmt.Errorf("-format: two reports would go to %s", path)
			}
			paths[key] = true
		}
		outs = append(outs, output{format: name, path: path, write: w})
	}
	return outs, nil
}

// stdoutFormat is the format written to standard output, or "".
func stdoutFormat(outs []output) string {
	for _, o := range outs {
		if o.path == "" {
			return o.format
		}
	}
	return ""
}

// writeOutputs renders every report; a report that cannot be written is
// an error naming its file, and the others are still written. opts
// describes the run (its rules and version); color is set per output.
func writeOutputs(outs []output, res *lint.Result, opts report.Options, colorMode string, stdout io.Writer) error {
	var errs []error
	for _, o := range outs {
		if o.path == "" {
			opts.Color, _ = colorWanted(colorMode, stdout)
			if err := o.write(stdout, res, opts); err != nil {
				errs = append(errs, fmt.Errorf("writing output: %v", err))
			}
			continue
		}
		opts.Color = colorMode == "always"
		if err := writeReportFile(o, res, opts); err != nil {
			errs = append(errs, fmt.Errorf("writing the %s report: %v", o.format, err))
		}
	}
	return errors.Join(errs...)
}

func writeReportFile(o output, res *lint.Result, opts report.Options) error {
	if dir := filepath.Dir(o.path); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	f, err := os.Create(o.path)
	if err != nil {
		return err
	}
	if err := o.write(f, res, opts); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
