package report

import (
	"encoding/xml"
	"io"
	"sort"

	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/internal/repo"
	"github.com/tokenlint/tokenlint/rules"
)

func init() { register("checkstyle", xmlGuard, writeCheckstyle) }

// Checkstyle XML, as reviewdog, Jenkins' warnings-ng and many editors read
// it: a file element per file, an error element per finding.
type checkstyleDoc struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

func writeCheckstyle(w io.Writer, r *lint.Result, _ Options) error {
	files := map[string][]checkstyleError{}
	for _, f := range r.Findings {
		sev := "info"
		switch {
		case f.Severity >= rules.Error:
			sev = "error"
		case f.Severity >= rules.Warning:
			sev = "warning"
		}
		p := findingPath(f)
		files[p] = append(files[p], checkstyleError{Line: f.Pos.Line, Column: f.Pos.Column, Severity: sev, Message: f.Message, Source: "tokenlint." + f.Rule})
	}
	for _, e := range r.Errors {
		p := repo.Rel(e.File)
		files[p] = append(files[p], checkstyleError{Line: e.Line, Severity: "error", Message: e.Message, Source: "tokenlint.error"})
	}
	doc := checkstyleDoc{Version: "4.3"}
	for name, errs := range files {
		doc.Files = append(doc.Files, checkstyleFile{Name: name, Errors: errs})
	}
	sort.Slice(doc.Files, func(i, j int) bool { return doc.Files[i].Name < doc.Files[j].Name })
	return writeXML(w, doc)
}

// writeXML prints an XML document with its declaration, indented.
func writeXML(w io.Writer, doc any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
