package report

import (
	"encoding/json"
	"io"

	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/internal/repo"
	"github.com/tokenlint/tokenlint/rules"
)

func init() { register("gitlab", jsonGuard, writeGitLab) }

// A GitLab Code Quality issue: the subset of the Code Climate issue that
// GitLab's merge-request widget reads (docs.gitlab.com, ci/testing/
// code_quality, "Code Quality report format"), all of it required.
type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
}

// writeGitLab prints the JSON array of Code Quality issues
// (artifacts:reports:codequality), paths from the repository root and the
// fingerprints tokenlint keeps across edits, so the widget tells new
// findings from old ones. A file that could not be linted is a blocker.
func writeGitLab(w io.Writer, r *lint.Result, _ Options) error {
	issues := []gitlabIssue{}
	for _, f := range r.Findings {
		issues = append(issues, gitlabIssue{
			Description: f.Message + " [" + f.Rule + "]",
			CheckName:   f.Rule,
			Fingerprint: nonEmpty(f.Fingerprint, stableID(f.Rule, findingPath(f), f.Message)),
			Severity:    gitlabSeverity(f.Severity),
			Location:    gitlabLocation{Path: findingPath(f), Lines: gitlabLines{Begin: max(f.Pos.Line, 1)}},
		})
	}
	for _, e := range r.Errors {
		path := repo.Rel(e.File)
		issues = append(issues, gitlabIssue{
			Description: "tokenlint could not lint this file: " + e.Message,
			CheckName:   "tokenlint-error",
			Fingerprint: stableID("tokenlint-error", path, e.Message),
			Severity:    "blocker",
			Location:    gitlabLocation{Path: path, Lines: gitlabLines{Begin: max(e.Line, 1)}},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(issues)
}

// gitlabSeverity maps onto GitLab's info, minor, major, critical, blocker:
// an error is major, a warning minor, anything milder info.
func gitlabSeverity(s rules.Severity) string {
	switch {
	case s >= rules.Error:
		return "major"
	case s >= rules.Warning:
		return "minor"
	}
	return "info"
}

// stableID fingerprints what has no finding fingerprint (an error).
func stableID(parts ...string) string {
	return lint.Fingerprint(&rules.Diagnostic{Rule: parts[0], Key: parts[2]}, parts[1], 0)
}
