package report_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/internal/report"
	"github.com/tokenlint/tokenlint/rules"
)

// A finding's related places reach SARIF relatedLocations (schema-valid,
// with a message each), the JSON output and the text output.
func TestRelatedLocations(t *testing.T) {
	sch := sarifSchema(t)
	t.Chdir(t.TempDir()) // outside any repository: paths stay as shown
	opts := report.Options{Rules: []*rules.Rule{rules.RegionMismatch}, Version: "devel"}
	res := &lint.Result{
		Findings: []lint.Finding{{
			Diagnostic: rules.Diagnostic{Rule: "region-mismatch", Severity: rules.Error, Message: "api.mypurecloud.ie is in eu-west-1, but the token comes from us-east-1", Span: rules.Span{File: "a.http"}},
			Pos:        lint.Position{Line: 9, Column: 13, EndLine: 9, EndColumn: 31},
			Related: []lint.Related{{
				Related: rules.Related{Span: rules.Span{File: "a.http"}, Message: "the token is requested here, in us-east-1"},
				Pos:     lint.Position{Line: 2, Column: 14, EndLine: 2, EndColumn: 35, Column16: 14, EndColumn16: 35},
			}},
		}},
	}
	sarif := writeSARIF(t, res, opts)
	if err := validate(t, sch, sarif); err != nil {
		t.Fatalf("schema: %v\n%s", err, sarif)
	}
	var doc struct {
		Runs []struct {
			Results []struct {
				RelatedLocations []struct {
					ID               int
					Message          struct{ Text string }
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(sarif, &doc); err != nil {
		t.Fatal(err)
	}
	rel := doc.Runs[0].Results[0].RelatedLocations
	if len(rel) != 1 || rel[0].ID != 1 || rel[0].Message.Text != "the token is requested here, in us-east-1" ||
		rel[0].PhysicalLocation.ArtifactLocation.URI != "a.http" || rel[0].PhysicalLocation.Region.StartLine != 2 {
		t.Errorf("relatedLocations = %+v", rel)
	}

	for format, want := range map[string]string{
		"json": `"related": [`,
		"text": "  a.http:2:14: the token is requested here, in us-east-1\n",
	} {
		var b bytes.Buffer
		if err := report.Lookup(format)(&b, res, report.Options{}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), want) {
			t.Errorf("%s output lacks %q:\n%s", format, want, b.String())
		}
	}
}
