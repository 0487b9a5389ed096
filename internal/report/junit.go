package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"sort"

	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/internal/repo"
	"github.com/tokenlint/tokenlint/rules"
)

func init() { register("junit", xmlGuard, writeJUnit) }

// JUnit XML in the shape of Jenkins' junit-10.xsd, which GitLab, Jenkins,
// Azure DevOps and CircleCI read: one testsuite, a testcase per file, a
// failure per finding (a note, below warning, is the test case's output
// and passes) and an error per input that could not be linted.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string         `xml:"name,attr"`
	Classname string         `xml:"classname,attr"`
	Failures  []junitProblem `xml:"failure"`
	Errors    []junitProblem `xml:"error"`
	// Notes (findings below warning) do not fail a test: they are shown
	// as the test case's output.
	SystemOut string `xml:"system-out,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// writeJUnit names test cases by the file's path from the repository root,
// in path order; a file without findings is a passing test case.
func writeJUnit(w io.Writer, r *lint.Result, _ Options) error {
	cases := map[string]*junitCase{}
	get := func(path string) *junitCase {
		c := cases[path]
		if c == nil {
			c = &junitCase{Name: path, Classname: "tokenlint"}
			cases[path] = c
		}
		return c
	}
	for _, f := range r.Files {
		get(repo.Rel(f))
	}
	suite := junitSuite{Name: "tokenlint"}
	for _, f := range r.Findings {
		path := findingPath(f)
		text := fmt.Sprintf("%s:%d:%d: %s: %s [%s]", path, f.Pos.Line, f.Pos.Column, f.Severity, f.Message, f.Rule)
		if f.SourceLine != "" {
			text += "\n" + f.SourceLine
		}
		c := get(path)
		if f.Severity < rules.Warning {
			if c.SystemOut != "" {
				c.SystemOut += "\n"
			}
			c.SystemOut += text
			continue
		}
		c.Failures = append(c.Failures, junitProblem{Message: f.Severity.String() + ": " + f.Message, Type: f.Rule, Text: text})
		suite.Failures++
	}
	for _, e := range r.Errors {
		c := get(repo.Rel(e.File))
		c.Errors = append(c.Errors, junitProblem{Message: e.Message, Type: "tokenlint-error", Text: ErrorLine(e)})
		suite.Errors++
	}
	names := make([]string, 0, len(cases))
	for n := range cases {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		suite.Cases = append(suite.Cases, *cases[n])
	}
	if len(suite.Cases) == 0 {
		// An empty suite reads as "no tests ran" in some CI systems.
		suite.Cases = []junitCase{{Name: "tokenlint", Classname: "tokenlint"}}
	}
	suite.Tests = len(suite.Cases)
	doc := junitSuites{Name: "tokenlint", Tests: suite.Tests, Failures: suite.Failures, Errors: suite.Errors, Suites: []junitSuite{suite}}
	return writeXML(w, doc)
}
