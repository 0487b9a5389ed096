package extract

import (
	"maps"
	"path"
	"regexp"
	"strings"

	"github.com/tokenlint/tokenlint/rules"
	"go.yaml.in/yaml/v3"
)

// The CI workflow front end: the shell scripts of GitHub Actions workflows
// (.github/workflows/*.yml, and composite actions' action.yml) and GitLab
// CI files (.gitlab-ci.yml and included *.gitlab-ci.yml), linted by the
// shell front end with positions mapped into the YAML, block scalars
// included. env: and variables: maps are read like any config's keys; a
// GitHub step's env context (the workflow's, job's and step's env:) is
// also what ${{ env.NAME }} and its script's $NAME stand for.

var workflowFormat = &Format{
	Name:     "workflow",
	match:    func(n fileName, _ []byte) bool { return isGitHubWorkflow(n) || gitLabCIBase(n.base) },
	Extract:  extractWorkflow,
	extract:  extractWorkflowIn,
	Comments: []string{"#"},
}

func isGitHubWorkflow(n fileName) bool {
	if n.ext != ".yml" && n.ext != ".yaml" {
		return false
	}
	dir := path.Dir(n.path)
	if dir == ".github/workflows" || strings.HasSuffix(dir, "/.github/workflows") {
		return true
	}
	return n.base == "action.yml" || n.base == "action.yaml"
}

func isGitLabCI(name string) bool { return gitLabCIBase(base(name)) }

// gitLabCIBase reports whether a lower-case base name is a GitLab CI file's.
func gitLabCIBase(b string) bool {
	return b == ".gitlab-ci.yml" || b == ".gitlab-ci.yaml" || strings.HasSuffix(b, ".gitlab-ci.yml") || strings.HasSuffix(b, ".gitlab-ci.yaml")
}

func extractWorkflow(file string, src []byte) (*rules.Unit, error) {
	return extractWorkflowIn(file, src, newExpansion(len(src)))
}

// extractWorkflowIn is extractWorkflow drawing on the expansion budget x,
// which the scripts share.
func extractWorkflowIn(file string, src []byte, x *expansion) (*rules.Unit, error) {
	y, err := parseYAML(file, src)
	if err != nil {
		return nil, err
	}
	w := &workflow{y: y, u: &rules.Unit{Name: file}, x: x}
	if y.Root == nil || y.Root.Kind != yaml.MappingNode {
		return w.u, nil
	}
	if isGitLabCI(file) {
		w.gitlab(y.Root)
	} else {
		w.github(y.Root)
	}
	return w.u, nil
}

type workflow struct {
	y *yamlSource
	u *rules.Unit
	x *expansion // shared by the file's scripts
	// exported are the variables a step may set for the steps after it
	// (exportedNames).
	exported map[string]bool
}

// github reads a workflow's jobs.<id>.steps[] and a composite action's
// runs.steps[]: each run: is one shell script. Steps that run another shell
// (pwsh, python, cmd) are left alone. The env: blocks of the workflow, the
// job and the step are the env context of the step's expressions.
func (w *workflow) github(root *yaml.Node) {
	w.exported = exportedNames(root)
	top := w.env(root, GHAExpr, nil)
	_, jobs := mapValue(root, "jobs")
	mapPairs(jobs, func(_, job *yaml.Node) {
		env := w.env(job, GHAExpr, top)
		shell := explicitShell(job)
		if shell == "" {
			shell = explicitShell(root)
		}
		if _, runsOn := mapValue(job, "runs-on"); shell == "" && runsOn != nil && strings.Contains(strings.ToLower(nodeText(runsOn)), "windows") {
			shell = "pwsh" // the default shell on Windows runners
		}
		_, st := mapValue(job, "steps")
		w.steps(st, shell, env)
	})
	_, runs := mapValue(root, "runs")
	_, st := mapValue(runs, "steps")
	w.steps(st, "", nil)
}

func (w *workflow) steps(list *yaml.Node, shell string, outer envScope) {
	if list == nil || list.Kind != yaml.SequenceNode {
		return
	}
	for _, step := range list.Content {
		env := w.env(step, GHAExpr, outer)
		_, run := mapValue(step, "run")
		if run == nil || run.Kind != yaml.ScalarNode {
			continue
		}
		sh := shell
		if _, s := mapValue(step, "shell"); s != nil && s.Kind == yaml.ScalarNode {
			sh = s.Value
		}
		if !posixShell(sh) {
			continue
		}
		w.script([]*yaml.Node{run}, GHAExpr, w.environ(env))
	}
}

// explicitShell is defaults.run.shell of a workflow or job, or "".
func explicitShell(n *yaml.Node) string {
	_, d := mapValue(n, "defaults")
	_, r := mapValue(d, "run")
	if _, s := mapValue(r, "shell"); s != nil && s.Kind == yaml.ScalarNode {
		return s.Value
	}
	return ""
}

// posixShell reports whether a GitHub shell: value runs a POSIX shell
// ("bash", "sh", "bash -e {0}").
func posixShell(sh string) bool {
	f := strings.Fields(sh)
	if len(f) == 0 {
		return true
	}
	switch path.Base(f[0]) {
	case "bash", "sh", "zsh", "dash", "ksh":
		return true
	}
	return false
}

// gitlabKeywords are top-level keys of a .gitlab-ci.yml that are not jobs.
var gitlabKeywords = map[string]bool{
	"stages": true, "variables": true, "include": true, "workflow": true, "image": true,
	"services": true, "cache": true, "before_script": true, "after_script": true, "default": true,
}

// gitlab reads the script lists of every job (hidden .template jobs too)
// and of default:. A job's before_script and script run in one shell, so
// they are linted as one script: a variable set in one line is seen by the
// next. variables: does not give a script's $NAME its value: a project's
// or group's CI/CD variable of the same name wins over it.
func (w *workflow) gitlab(root *yaml.Node) {
	w.env(root, DollarVar, nil)
	global := scriptItems(root, "before_script")
	_, def := mapValue(root, "default")
	global = append(global, scriptItems(def, "before_script")...)
	mapPairs(root, func(k, job *yaml.Node) {
		if gitlabKeywords[k.Value] || job.Kind != yaml.MappingNode {
			return
		}
		w.env(job, DollarVar, nil)
		items := scriptItems(job, "script")
		if len(items) == 0 {
			items = append(scriptItems(job, "before_script"), scriptItems(job, "after_script")...)
			if len(items) > 0 {
				w.script(items, DollarVar, nil)
			}
			return
		}
		before := scriptItems(job, "before_script")
		if _, own := mapValue(job, "before_script"); own == nil {
			before = global
		}
		w.script(append(before, items...), DollarVar, nil)
		if after := scriptItems(job, "after_script"); len(after) > 0 {
			w.script(after, DollarVar, nil)
		}
	})
	if items := scriptItems(def, "after_script"); len(items) > 0 {
		w.script(items, DollarVar, nil)
	}
}

// scriptItems are the scalar lines of a script key: one string, or a list
// of strings and nested lists (what YAML anchors produce).
func scriptItems(n *yaml.Node, key string) []*yaml.Node {
	_, v := mapValue(n, key)
	var out []*yaml.Node
	var add func(*yaml.Node, int)
	add = func(v *yaml.Node, depth int) {
		switch {
		case v == nil || depth > 3:
		case v.Kind == yaml.ScalarNode && v.Tag != "!reference":
			out = append(out, v)
		case v.Kind == yaml.SequenceNode && v.Tag != "!reference":
			for _, c := range v.Content {
				add(c, depth+1)
			}
		}
	}
	add(v, 0)
	return out
}

// env reads an env: (GitHub) or variables: (GitLab) map of node n like a
// config file's keys: TOKEN_URL, GENESYSCLOUD_REGION, client secrets. It
// returns the scope outer with n's variables added, as the runner sets
// them for what n contains.
func (w *workflow) env(n *yaml.Node, syn Syntax, outer envScope) envScope {
	scope, own := outer, false
	for _, key := range []string{"env", "variables"} {
		_, m := mapValue(n, key)
		if setsUnwritten(m) {
			scope, own = envScope{}, true
		}
		mapPairs(m, func(k, v *yaml.Node) {
			if v.Kind == yaml.MappingNode { // GitLab {value:, description:}
				_, v = mapValue(v, "value")
			}
			if v == nil || v.Kind != yaml.ScalarNode {
				return
			}
			kv, _ := w.y.Scalar(k, 0)
			vv, _ := w.y.Scalar(v, syn)
			requests, settings, secrets := len(w.u.Requests), len(w.u.Settings), len(w.u.Secrets)
			addKeyValue(w.u, k.Value, kv, vv)
			judged := len(w.u.Requests) > requests || len(w.u.Secrets) > secrets ||
				len(w.u.Settings) > settings && w.u.Settings[len(w.u.Settings)-1].Kind == rules.SettingClientSecret
			if !own {
				scope, own = maps.Clone(outer), true
				if scope == nil {
					scope = envScope{}
				}
			}
			// A value with an expression in it (${{ secrets.X }}) is
			// unknown, and hides an outer literal of the same name.
			var val envValue
			if vv.Known() {
				val = envValue{writtenValue: writtenValue{text: vv.Text, at: vv.Span()}, judged: judged}
			}
			scope[k.Value] = val
		})
	}
	return scope
}

// setsUnwritten reports whether an env: node may set variables the file
// does not write out, so that no outer value is known under it: an
// expression (env: ${{ fromJSON(inputs.env) }}), an alias, or a map that
// merges one in (<<: *common).
func setsUnwritten(m *yaml.Node) bool {
	if m == nil {
		return false
	}
	switch m.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Tag == "!!merge" {
				return true
			}
		}
		return false
	case yaml.ScalarNode:
		return m.Tag != "!!null"
	}
	return true
}

// An envScope is the env context of a step: each variable's value where
// it is a literal, an empty text where it is not.
type envScope map[string]envValue

// An envValue is a variable's literal value in an env: block; judged when
// the block's key makes it a request of its own (TOKEN_URL) or a
// credential (CLIENT_SECRET), which is judged where it is written.
type envValue struct {
	writtenValue
	judged bool
}

// environ is the environment a step's script runs in: the literal value
// of each variable of the scope, what ${{ env.NAME }} and the shell's
// $NAME stand for. A variable a step may export is unknown (a later step
// sees the exported value), and so is one the env: block judges itself
// (a token URL, a secret), so that one mistake is not reported at the
// value and again at each use.
func (w *workflow) environ(scope envScope) environ {
	return func(name string) (writtenValue, bool) {
		v, ok := scope[name]
		return v.writtenValue, ok && v.text != "" && !v.judged && !w.exported[name] && !w.exported[anyName]
	}
}

// exportedNames are the variables that some step of the workflow may set
// for the steps after it: echo "NAME=..." >> "$GITHUB_ENV" in a script,
// core.exportVariable('NAME', ...) in github-script. Their env: values
// are not what a later step sees. Any name assigned in a text that writes
// the environment file counts, which errs on the side of unknown. A write
// whose names the workflow does not spell out (cat vars.env >>
// "$GITHUB_ENV", echo "$line" >> ..., exportVariable(name, ...)) may set
// any variable: the set then holds anyName.
func exportedNames(root *yaml.Node) map[string]bool {
	var out map[string]bool
	add := func(name string) {
		if out == nil {
			out = map[string]bool{}
		}
		out[name] = true
	}
	var walk func(n *yaml.Node) // yaml.v3 caps a document's depth
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode && (strings.Contains(n.Value, "GITHUB_ENV") || strings.Contains(n.Value, "exportVariable")) {
			for _, m := range exportedName.FindAllStringSubmatch(n.Value, -1) {
				add(m[1] + m[2])
			}
			if writesUnnamed(n.Value) {
				add(anyName)
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	return out
}

// exportedName matches NAME= and NAME<< (a line of the environment file)
// and exportVariable('NAME'.
var exportedName = regexp.MustCompile(`(?:\b([A-Za-z_]\w*)(?:=|<<)|exportVariable\(\s*['"]([A-Za-z_]\w*))`)

// anyName in exportedNames stands for every variable.
const anyName = "*"

// unnamedExport matches exportVariable( with a name that is not a literal.
var unnamedExport = regexp.MustCompile(`exportVariable\(\s*[^'"\s]`)

// writesUnnamed reports whether text may write the environment file
// without spelling out the name: a command before a GITHUB_ENV on its
// line (back to the previous one) with no NAME= or NAME<< in it, or an
// exportVariable whose name is not a literal.
func writesUnnamed(text string) bool {
	if unnamedExport.MatchString(text) {
		return true
	}
	for line := range strings.Lines(text) {
		for {
			i := strings.Index(line, "GITHUB_ENV")
			if i < 0 {
				break
			}
			if !exportedName.MatchString(line[:i]) {
				return true
			}
			line = line[i+len("GITHUB_ENV"):]
		}
	}
	return false
}

// script lints the scalars as one shell script: their texts joined by
// newlines, linted by the shell front end, positions mapped into the YAML.
// GitHub expressions are replaced by shell parameters of the same length
// (the runner substitutes them before the shell runs, so they are dynamic
// even inside single quotes); env, when not nil, is the step's env
// context.
func (w *workflow) script(items []*yaml.Node, syn Syntax, env environ) {
	embedScalars(ByName(scriptFormat), w.y, items, syn, w.u, w.x, env)
}

// nodeText is a scalar's value, or the values of a sequence of scalars.
func nodeText(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		return n.Value
	}
	var parts []string
	for _, c := range n.Content {
		if c.Kind == yaml.ScalarNode {
			parts = append(parts, c.Value)
		}
	}
	return strings.Join(parts, " ")
}
