package lsp

import (
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"strings"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/tokenlint/tokenlint/internal/config"
	"github.com/tokenlint/tokenlint/internal/extract"
	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/internal/report"
	"github.com/tokenlint/tokenlint/internal/safefile"
	"github.com/tokenlint/tokenlint/rules"
)

// source names tokenlint as the producer of every diagnostic.
const source = "tokenlint"

// DocURL is the page that documents a rule, linked from each diagnostic.
func DocURL(ruleID string) string {
	return report.RuleDocsURL + ruleID + ".md"
}

// A snapshot is a buffer's text at one version.
type snapshot struct {
	uri      protocol.DocumentUri
	language string
	version  int32
	text     string
}

// A lintResult is what linting one snapshot found.
type lintResult struct {
	version     int32
	name        string // the file name the buffer is linted as
	text        string
	lines       *lines
	findings    []lint.Finding // positioned, masked, with fixes (byte spans into text)
	diagnostics []protocol.Diagnostic
	// format read the buffer; nil when no format claims it.
	format *extract.Format
	// configErr is the error of the configuration that governs the buffer
	// (the defaults were used), to be shown on the configuration file.
	configErr *config.Error
}

// lint judges a snapshot as `tokenlint --stdin-filename NAME -` would with
// the workspace's configuration: the same driver, suppression and masking.
func (s *Server) lint(snap snapshot) (res *lintResult) {
	res = &lintResult{version: snap.version, text: snap.text, lines: newLines(snap.text)}
	defer func() {
		if r := recover(); r != nil {
			s.logger.Printf("internal error linting %s: %v", snap.uri, r)
			res.findings = nil
			res.diagnostics = []protocol.Diagnostic{res.errorDiagnostic(0, "tokenlint: internal error while linting this buffer")}
		}
	}()
	path, isFile := pathFromURI(snap.uri)
	name := path
	if !isFile {
		name = untitledName(snap.uri, snap.language)
	}
	res.name = name
	if snap.language == "go" || strings.EqualFold(filepath.Ext(name), ".go") {
		return res // gopls and go vet serve Go
	}
	if isFile && s.ws.isConfig(path) {
		// The configuration buffer itself: its problems as the user types.
		if _, err := config.Parse(path, []byte(snap.text)); err != nil {
			if ce, ok := errors.AsType[*config.Error](err); ok {
				res.diagnostics = append(res.diagnostics, res.errorDiagnostic(ce.Line, ce.Msg))
			} else {
				res.diagnostics = append(res.diagnostics, res.errorDiagnostic(0, err.Error()))
			}
		}
		return res
	}
	cfg := config.Default()
	if isFile {
		r := s.ws.configFor(path)
		cfg, res.configErr = r.cfg, r.err
		if cfg.Exclude.Match(path) {
			return res
		}
	}
	res.format = extract.Detect(filepath.ToSlash(name), []byte(snap.text[:min(len(snap.text), extract.DetectHead)]))
	out := lint.Run([]string{"-"}, lint.Options{
		Rules:         cfg.Rules,
		MaxFileSize:   cfg.MaxFileSize,
		Stdin:         strings.NewReader(snap.text),
		StdinFilename: name,
		Workers:       1,
	})
	res.findings = out.Findings
	for _, f := range out.Findings {
		res.diagnostics = append(res.diagnostics, res.diagnostic(snap.uri, f))
	}
	for _, e := range out.Errors {
		res.diagnostics = append(res.diagnostics, res.errorDiagnostic(e.Line, e.Message))
	}
	return res
}

// diagnostic turns a finding into an LSP diagnostic.
func (r *lintResult) diagnostic(uri protocol.DocumentUri, f lint.Finding) protocol.Diagnostic {
	sev := severity(f.Severity)
	src := source
	d := protocol.Diagnostic{
		Range:           r.lines.rangeOf(f.Span.Start, f.Span.End),
		Severity:        &sev,
		Code:            &protocol.IntegerOrString{Value: f.Rule},
		CodeDescription: &protocol.CodeDescription{HRef: DocURL(f.Rule)},
		Source:          &src,
		Message:         f.Message,
	}
	for _, rel := range f.Related {
		if rel.Span.File != "" && rel.Span.File != f.Span.File {
			continue // another file of a Go package: not a buffer of this server
		}
		d.RelatedInformation = append(d.RelatedInformation, protocol.DiagnosticRelatedInformation{
			Location: protocol.Location{URI: uri, Range: r.lines.rangeOf(rel.Span.Start, rel.Span.End)},
			Message:  rel.Message,
		})
	}
	return d
}

// errorDiagnostic reports a buffer tokenlint could not read (a parse
// error at a 1-based line, 0 when unknown) over that whole line.
func (r *lintResult) errorDiagnostic(line int, msg string) protocol.Diagnostic {
	n := min(max(line-1, 0), r.lines.count()-1)
	start := r.lines.lineStart(n)
	sev := protocol.DiagnosticSeverityError
	src := source
	return protocol.Diagnostic{
		Range:    r.lines.rangeOf(start, r.lines.lineEnd(n)),
		Severity: &sev,
		Source:   &src,
		Message:  msg,
	}
}

// severity maps tokenlint's levels to LSP's: a note (worth knowing, not
// failing a run for) is information, shown but not counted as a problem.
func severity(s rules.Severity) protocol.DiagnosticSeverity {
	switch {
	case s >= rules.Error:
		return protocol.DiagnosticSeverityError
	case s == rules.Warning:
		return protocol.DiagnosticSeverityWarning
	}
	return protocol.DiagnosticSeverityInformation
}

// languageExt names an untitled buffer after its language, so the format
// detection that goes by file name can pick its front end.
var languageExt = map[string]string{
	"http":        ".http",
	"shellscript": ".sh",
	"sh":          ".sh",
	"bash":        ".sh",
	"zsh":         ".zsh",
	"dotenv":      ".env",
	"yaml":        ".yaml",
	"json":        ".json",
	"jsonc":       ".jsonc",
	"toml":        ".toml",
	"markdown":    ".md",
	"terraform":   ".tf",
	"hcl":         ".tf",
	"properties":  ".properties",
}

func untitledName(uri protocol.DocumentUri, language string) string {
	base := path.Base(strings.TrimPrefix(uri, "untitled:"))
	if ext, ok := languageExt[language]; ok && !strings.EqualFold(path.Ext(base), ext) {
		if ext == ".env" {
			return ".env"
		}
		return fmt.Sprintf("untitled%s", ext)
	}
	return base
}

// publishConfigError shows why the configuration governing a buffer could
// not be read on the configuration file itself, unless that file is open
// (its own lint shows the problem as the user edits it).
func (s *Server) publishConfigError(ce *config.Error) {
	if ce == nil {
		return
	}
	uri := uriFromPath(ce.File)
	s.mu.Lock()
	_, open := s.docs[uri]
	shown := s.configShown[uri] == ce.Error()
	if !open {
		s.configShown[uri] = ce.Error()
	}
	s.mu.Unlock()
	if open || shown {
		return
	}
	r := &lintResult{lines: newLines("")}
	if text, err := readSmall(ce.File); err == nil {
		r.lines = newLines(text)
	}
	s.publish(uri, nil, []protocol.Diagnostic{r.errorDiagnostic(ce.Line, ce.Msg+" (tokenlint uses its defaults until this is fixed)")})
}

// clearConfigErrors withdraws the configuration errors shown so far, before
// the configurations are read again.
func (s *Server) clearConfigErrors() {
	s.mu.Lock()
	shown := s.configShown
	s.configShown = map[protocol.DocumentUri]string{}
	s.mu.Unlock()
	for uri := range shown {
		s.publish(uri, nil, nil)
	}
}

// readSmall reads a configuration file for positions, up to 1 MiB,
// through the guard every file tokenlint reads has (a FIFO or device is
// refused, not waited on).
func readSmall(name string) (string, error) {
	b, err := safefile.Read(name, safefile.FollowLinks, 1<<20)
	return string(b), err
}
