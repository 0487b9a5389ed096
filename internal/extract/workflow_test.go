package extract

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/rules"
	"go.yaml.in/yaml/v3"
)

// fakeShell stands in for the shell front end so that the embedding front
// ends are tested alone: "curl [-d BODY] URL" on one line, words split at
// spaces, $X dynamic.
var fakeShell = &Format{
	Name:  "fake-shell",
	match: func(fileName, []byte) bool { return false },
	Extract: func(file string, src []byte) (*rules.Unit, error) {
		u := &rules.Unit{Name: file}
		off := 0
		for _, line := range strings.SplitAfter(string(src), "\n") {
			words, starts := splitWords(line)
			if len(words) >= 2 && words[0] == "curl" {
				r := &rules.Request{Via: rules.ViaCurl}
				for i := 1; i < len(words); i++ {
					if words[i] == "-d" && i+1 < len(words) {
						i++
						body := Templated(file, words[i], off+starts[i], DollarVar)
						r.Body = &rules.Body{Kind: rules.BodyForm, Raw: body, Fields: rules.ParseForm(body, rules.EncodingRaw, rules.ViaCurl)}
						continue
					}
					r.URL = Templated(file, words[i], off+starts[i], DollarVar)
				}
				r.Pos = r.URL.Span()
				u.Requests = append(u.Requests, r)
			}
			off += len(line)
		}
		return u, nil
	},
}

func splitWords(line string) ([]string, []int) {
	var words []string
	var starts []int
	for i := 0; i < len(line); {
		for i < len(line) && (line[i] == ' ' || line[i] == '\n') {
			i++
		}
		j := i
		for j < len(line) && line[j] != ' ' && line[j] != '\n' {
			j++
		}
		if j > i {
			words = append(words, line[i:j])
			starts = append(starts, i)
		}
		i = j
	}
	return words, starts
}

func useFakeShell(t *testing.T) {
	oldFormats, oldScript := formats, scriptFormat
	formats = append(slices.Clip(formats), fakeShell)
	scriptFormat = "fake-shell"
	t.Cleanup(func() { formats, scriptFormat = oldFormats, oldScript })
}

func TestWorkflowDetect(t *testing.T) {
	for name, want := range map[string]bool{
		".github/workflows/ci.yml":              true,
		"repo/.github/workflows/token.yaml":     true,
		"repo/.github/workflows/sub/x.yml":      false,
		"action.yml":                            true,
		".gitlab-ci.yml":                        true,
		"ci/templates/deploy.gitlab-ci.yml":     true,
		"config/workflows/ci.yml":               false,
		".github/workflows/README.md":           false,
		"testdata/rules/x/bad/.gitlab-ci.yml":   true,
		"testdata/rules/x/bad/gitlab-ci.yml.md": false,
	} {
		f := Detect(name, []byte("on: push\n"))
		if got := f != nil && f.Name == "workflow"; got != want {
			t.Errorf("%s: workflow=%v", name, got)
		}
	}
}

// TestWorkflowPositions checks that requests found in run: and script:
// text point at the right bytes of the YAML file, for every scalar style.
func TestWorkflowPositions(t *testing.T) {
	useFakeShell(t)
	tests := []struct {
		name, file, src string
		want            []string // URL texts as found in the file at the URL span
		dynamic         []bool   // whether the URL has a dynamic part
	}{
		{"plain run", ".github/workflows/a.yml",
			"on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl https://login.mypurecloud.com/oauth/token\n",
			[]string{"https://login.mypurecloud.com/oauth/token"}, []bool{false}},
		{"literal block", ".github/workflows/a.yml",
			"jobs:\n  t:\n    steps:\n      - name: token\n        run: |\n          echo start\n          curl -d grant_type=client_credentials https://api.mypurecloud.com/oauth/token\n",
			[]string{"https://api.mypurecloud.com/oauth/token"}, []bool{false}},
		{"gha expression", ".github/workflows/a.yml",
			"jobs:\n  t:\n    steps:\n      - run: >-\n          curl\n          ${{ env.BASE }}/oauth/token\n",
			[]string{"${{ env.BASE }}/oauth/token"}, []bool{true}},
		{"pwsh step skipped", ".github/workflows/a.yml",
			"jobs:\n  t:\n    steps:\n      - run: curl https://x/oauth/token\n        shell: pwsh\n", nil, nil},
		{"windows runner skipped", ".github/workflows/a.yml",
			"jobs:\n  t:\n    runs-on: windows-2022\n    steps:\n      - run: curl https://x/oauth/token\n", nil, nil},
		{"composite action", "action.yml",
			"runs:\n  using: composite\n  steps:\n    - run: curl https://x/oauth/token\n      shell: bash\n",
			[]string{"https://x/oauth/token"}, []bool{false}},
		{"gitlab list", ".gitlab-ci.yml",
			"stages: [t]\nvariables:\n  X: y\ntoken:\n  stage: t\n  script:\n    - echo hi\n    - 'curl $LOGIN/oauth/token'\n    - |\n      curl https://login.mypurecloud.ie/oauth/token\n",
			[]string{"$LOGIN/oauth/token", "https://login.mypurecloud.ie/oauth/token"}, []bool{true, false}},
		{"gitlab default before_script", ".gitlab-ci.yml",
			"default:\n  before_script:\n    - curl https://a/oauth/token\njob:\n  script: echo\n",
			[]string{"https://a/oauth/token"}, []bool{false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := extractWorkflow(tt.file, []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if len(u.Requests) != len(tt.want) {
				t.Fatalf("%d requests, want %d", len(u.Requests), len(tt.want))
			}
			for i, r := range u.Requests {
				sp := r.URL.Span()
				if got := tt.src[sp.Start:sp.End]; got != tt.want[i] || sp.File != tt.file {
					t.Errorf("request %d: span %s %q, want %q", i, sp.File, got, tt.want[i])
				}
				if r.URL.HasDynamic() != tt.dynamic[i] {
					t.Errorf("request %d: dynamic=%v", i, r.URL.HasDynamic())
				}
			}
		})
	}
}

// TestWorkflowExpressionInSingleQuotes: the runner substitutes ${{ }}
// before the shell sees the script, so even single quotes do not make it
// literal; markRanges keeps it dynamic whatever the shell front end says.
func TestWorkflowExpressionInSingleQuotes(t *testing.T) {
	useFakeShell(t)
	src := "jobs:\n  t:\n    steps:\n      - run: curl -d client_secret=${{secrets.S}} https://login.mypurecloud.com/oauth/token\n"
	u, err := extractWorkflow(".github/workflows/a.yml", []byte(src))
	if err != nil || len(u.Requests) != 1 {
		t.Fatalf("%v %d", err, len(u.Requests))
	}
	f := u.Requests[0].Body.Field("client_secret")
	if f == nil || !f.Value.HasDynamic() || f.Value.Known() {
		t.Fatalf("secret field %+v", f)
	}
	sp := f.Value.Span()
	if src[sp.Start:sp.End] != "${{secrets.S}}" {
		t.Errorf("secret span %q", src[sp.Start:sp.End])
	}
}

func TestWorkflowEnv(t *testing.T) {
	src := "env:\n  GENESYS_TOKEN_URL: https://api.mypurecloud.com/oauth/token\n  CLIENT_SECRET: ${{ secrets.S }}\njobs: {}\n"
	u, err := extractWorkflow(".github/workflows/a.yml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	fs := rules.Run(u, nil)
	if len(fs) != 1 || fs[0].Rule != "token-host" {
		t.Fatalf("findings %+v", fs)
	}
}

func TestWorkflowMalformed(t *testing.T) {
	_, err := extractWorkflow(".gitlab-ci.yml", []byte("job:\n  script:\n    - a\n  - b\n"))
	if xe, ok := err.(*Error); !ok || xe.Line == 0 {
		t.Errorf("error %v", err)
	}
}

func TestExportedNames(t *testing.T) {
	src := `jobs:
  j:
    steps:
      - run: |
          echo "BASE=$(discover)" >> "$GITHUB_ENV"
          { echo "MULTI<<EOF"; cat notes; echo EOF; } >> $GITHUB_ENV
      - uses: actions/github-script@v7
        with:
          script: core.exportVariable('FROM_JS', url)
      - run: echo "NOT_EXPORTED=1"
`
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(src), &root); err != nil {
		t.Fatal(err)
	}
	got := exportedNames(&root)
	for _, name := range []string{"BASE", "MULTI", "FROM_JS"} {
		if !got[name] {
			t.Errorf("%s is exported, not in %v", name, got)
		}
	}
	if got["NOT_EXPORTED"] {
		t.Errorf("NOT_EXPORTED is only echoed, yet in %v", got)
	}
}

func TestExportedNamesUnnamed(t *testing.T) {
	for _, script := range []string{
		`cat vars.env >> "$GITHUB_ENV"`,
		`echo "$line" >> $GITHUB_ENV`,
		`echo "A=1" >> "$GITHUB_ENV"; ./discover.sh >> "$GITHUB_ENV"`,
		"{\n  echo A=1\n} >> $GITHUB_ENV",
		`core.exportVariable(name, value)`,
	} {
		var root yaml.Node
		if err := yaml.Unmarshal([]byte("run: "+strconv.Quote(script)), &root); err != nil {
			t.Fatal(err)
		}
		if got := exportedNames(&root); !got[anyName] {
			t.Errorf("%q may export any name, yet exportedNames is %v", script, got)
		}
	}
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(`run: echo "A=1" >> "$GITHUB_ENV"`), &root); err != nil {
		t.Fatal(err)
	}
	if got := exportedNames(&root); got[anyName] {
		t.Errorf("a named export exports any name: %v", got)
	}
}

// TestWorkflowEnvNotWrittenOut: an env: that is an expression or an alias
// (not a map the file writes out) may set any variable, so an outer
// literal of the same name is not what the step sees.
func TestWorkflowEnvNotWrittenOut(t *testing.T) {
	const head = "on: push\nenv:\n  BASE: https://api.mypurecloud.com\njobs:\n  j:\n    runs-on: ubuntu-latest\n"
	const use = `        run: curl -X POST "${{ env.BASE }}/oauth/token" -u "$ID:$SECRET" -d grant_type=client_credentials` + "\n"
	for _, c := range []struct {
		name, src string
		findings  int
	}{
		{"literal", head + "    steps:\n      - env: {OTHER: x}\n" + use, 1},
		{"null env", head + "    steps:\n      - env:\n" + use, 1},
		{"step expression", head + "    steps:\n      - env: ${{ fromJSON(inputs.env) }}\n" + use, 0},
		{"job expression", head + "    env: ${{ fromJSON(inputs.env) }}\n    steps:\n      - name: s\n" + use, 0},
		{"alias", "x: &more {BASE: https://login.mypurecloud.com}\n" + head + "    steps:\n      - env: *more\n" + use, 0},
		{"merge key", "x: &more {BASE: https://login.mypurecloud.com}\n" + head + "    steps:\n      - env: {<<: *more, OTHER: x}\n" + use, 0},
	} {
		u, err := extractWorkflow(".github/workflows/a.yml", []byte(c.src))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if fs := rules.Run(u, nil); len(fs) != c.findings {
			t.Errorf("%s: %d findings, want %d: %+v", c.name, len(fs), c.findings, fs)
		}
	}
}
