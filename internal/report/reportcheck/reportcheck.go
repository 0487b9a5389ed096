// Package reportcheck checks tokenlint's CI reports against the formats
// their readers define, for the tests of the reporters and of the built
// binary: GitLab Code Quality against a JSON schema written from GitLab's
// documentation of the fields its merge-request widget reads, JUnit XML
// against the subset of Jenkins' junit-10.xsd that tokenlint writes. Both
// are tokenlint's own text: GitLab publishes no schema file, and the XSD
// is checked element by element here rather than copied.
package reportcheck

import (
	"bytes"
	_ "embed"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

//go:embed gitlab-codequality.schema.json
var gitlabSchema []byte

var compiled = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(gitlabSchema))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	const url = "tokenlint:gitlab-codequality"
	if err := c.AddResource(url, doc); err != nil {
		return nil, err
	}
	return c.Compile(url)
})

// GitLab checks a GitLab Code Quality report.
func GitLab(data []byte) error {
	sch, err := compiled()
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return sch.Validate(inst)
}

// JUnit checks a document against the subset of Jenkins' junit-10.xsd
// tokenlint writes: the elements each element may hold, the attributes
// each may carry and those it must.
func JUnit(data []byte) error {
	type spec struct{ children, attrs, required []string }
	specs := map[string]spec{
		"testsuites": {[]string{"testsuite"}, []string{"name", "time", "tests", "failures", "errors"}, nil},
		"testsuite": {[]string{"testsuite", "properties", "testcase", "system-out", "system-err"},
			[]string{"name", "tests", "failures", "errors", "group", "time", "skipped", "timestamp", "hostname", "id", "package", "file", "log", "url"},
			[]string{"name", "tests", "failures", "errors"}},
		"testcase":   {[]string{"skipped", "error", "failure", "system-out", "system-err"}, []string{"name", "time", "classname", "group"}, []string{"name"}},
		"failure":    {nil, []string{"type", "message"}, nil},
		"error":      {nil, []string{"type", "message"}, nil},
		"skipped":    {nil, []string{"type", "message"}, nil},
		"system-out": {nil, nil, nil},
		"system-err": {nil, nil, nil},
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	var stack []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch el := tok.(type) {
		case xml.StartElement:
			name := el.Name.Local
			s, ok := specs[name]
			switch {
			case !ok:
				return fmt.Errorf("element <%s> is not in the schema", name)
			case len(stack) == 0 && name != "testsuites" && name != "testsuite":
				return fmt.Errorf("root <%s>", name)
			case len(stack) > 0 && !slices.Contains(specs[stack[len(stack)-1]].children, name):
				return fmt.Errorf("<%s> may not hold <%s>", stack[len(stack)-1], name)
			}
			have := map[string]bool{}
			for _, a := range el.Attr {
				if !slices.Contains(s.attrs, a.Name.Local) {
					return fmt.Errorf("<%s> may not carry %s", name, a.Name.Local)
				}
				have[a.Name.Local] = true
			}
			for _, r := range s.required {
				if !have[r] {
					return fmt.Errorf("<%s> lacks %s", name, r)
				}
			}
			stack = append(stack, name)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
	return nil
}
