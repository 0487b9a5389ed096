package extract

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"

	"github.com/tokenlint/tokenlint/rules"
	"go.yaml.in/yaml/v3"
)

// Which client sends an .http file, and what the repository writes down
// for its {{variables}}. The JetBrains HTTP Client and VS Code REST Client
// read the same request syntax but build a form body differently
// (docs/facts/formats.md §1.5), so a form is judged as its client sends it,
// and as both would when the client cannot be told.

// An httpClient is the program a .http file is written for.
type httpClient int

const (
	clientUnknown   httpClient = iota
	clientJetBrains            // IntelliJ IDEA and the other JetBrains IDEs, ijhttp
	clientVSCode               // Huachao/vscode-restclient
)

// An httpEnv is what sits beside an .http file: its client, REST Client's
// form encoding setting, and the environments' variables.
type httpEnv struct {
	client httpClient
	// formEncoding is rest-client.formParamEncodingStrategy: "automatic"
	// (the default), "never" or "always".
	formEncoding string
	// scope holds the values every environment agrees on; values are what
	// each environment defines, by variable, for FormSafe.
	scope  *varScope
	values map[string][]string
}

// JetBrains environment files (https://www.jetbrains.com/help/idea/
// http-client-variables.html): public and private, beside the request file.
var jetBrainsEnvFiles = []string{"http-client.env.json", "http-client.private.env.json"}

// maxSettingsDepth bounds the walk up from an .http file to the
// .vscode/settings.json of its workspace.
const maxSettingsDepth = 8

// loadHTTPEnv reads the neighbours of file (never following a link, never
// above the repository root or the working directory) and decides its
// client from them and from src's syntax.
func loadHTTPEnv(file string, src string, x *expansion) *httpEnv {
	env := &httpEnv{formEncoding: "automatic", scope: &varScope{x: x}, values: map[string][]string{}}
	layer := env.scope.layer()
	jetBrains, vsCode := false, false
	if file != "" && file != "-" && !strings.HasPrefix(file, "<") {
		dir := filepath.Dir(filepath.FromSlash(file))
		for _, name := range jetBrainsEnvFiles {
			if data := x.readBeside(filepath.Join(dir, name)); data != nil {
				jetBrains = true
				env.addJetBrains(layer, filepath.ToSlash(filepath.Join(dir, name)), data)
			}
		}
		if settings := findVSCodeSettings(dir, x); settings != nil {
			vsCode = env.addVSCode(layer, settings)
		}
	}
	syntaxJB, syntaxVS := clientSyntax(src)
	jetBrains = jetBrains || syntaxJB
	vsCode = vsCode || syntaxVS
	switch {
	case jetBrains && !vsCode:
		env.client = clientJetBrains
	case vsCode && !jetBrains:
		env.client = clientVSCode
	}
	return env
}

// findVSCodeSettings returns the first .vscode/settings.json from dir up
// to the repository root (the directory holding .git), at most
// maxSettingsDepth levels, and for a relative dir not above the working
// directory.
func findVSCodeSettings(dir string, x *expansion) []byte {
	for range maxSettingsDepth {
		if data := x.readBeside(filepath.Join(dir, ".vscode", "settings.json")); data != nil {
			return data
		}
		if x.isRepoRoot(dir) {
			return nil
		}
		parent := filepath.Dir(dir)
		if parent == dir || dir == "." || strings.HasPrefix(filepath.ToSlash(parent), "..") {
			return nil
		}
		dir = parent
	}
	return nil
}

// addJetBrains records the variables of an http-client(.private).env.json
// file: {"env": {"name": "value", ...}, ...}. Objects (the Security block)
// and arrays are not variables of a request.
func (env *httpEnv) addJetBrains(layer map[string]varDef, file string, data []byte) {
	var envs map[string]map[string]any
	if json.Unmarshal(data, &envs) != nil {
		return
	}
	at := jetBrainsSpans(file, data)
	for e, vars := range envs {
		for name, v := range vars {
			env.defineAt(layer, name, v, at[[2]string{e, name}])
		}
	}
}

// jetBrainsSpans are the places of an environment file's string values,
// by environment and name, for the findings they decide to name.
func jetBrainsSpans(file string, data []byte) map[[2]string]rules.Span {
	out := map[[2]string]rules.Span{}
	y, remap, err := parseJSONObject(file, data, "an HTTP client environment")
	if err != nil || y.Root == nil || remap != nil {
		return out
	}
	for i := 0; i+1 < len(y.Root.Content); i += 2 {
		e, vars := y.Root.Content[i], y.Root.Content[i+1]
		for k := 0; vars.Kind == yaml.MappingNode && k+1 < len(vars.Content); k += 2 {
			if vn := vars.Content[k+1]; vn.Kind == yaml.ScalarNode && vn.Tag == "!!str" {
				v, _ := y.Scalar(vn, 0)
				out[[2]string{e.Value, vars.Content[k].Value}] = v.Span()
			}
		}
	}
	return out
}

// addVSCode reads the rest-client settings of a VS Code settings.json
// (JSON with comments): formParamEncodingStrategy and
// environmentVariables ({"$shared": {...}, "env": {...}}, where an
// environment's own value overrides $shared). It reports whether the file
// configures REST Client at all.
func (env *httpEnv) addVSCode(layer map[string]varDef, data []byte) bool {
	var settings map[string]json.RawMessage
	if json.Unmarshal(stripJSONC(data), &settings) != nil {
		return false
	}
	found := false
	for k := range settings {
		found = found || strings.HasPrefix(k, "rest-client.")
	}
	var strategy string
	if json.Unmarshal(settings["rest-client.formParamEncodingStrategy"], &strategy) == nil {
		switch s := strings.ToLower(strategy); s {
		case "never", "always":
			env.formEncoding = s
		}
	}
	var envs map[string]map[string]any
	if json.Unmarshal(settings["rest-client.environmentVariables"], &envs) == nil {
		shared := envs["$shared"]
		for name, vars := range envs {
			if name == "$shared" {
				continue
			}
			for k, v := range shared {
				if _, own := vars[k]; !own {
					env.define(layer, k, v)
				}
			}
			for k, v := range vars {
				env.define(layer, k, v)
			}
		}
		if len(envs) == 1 && shared != nil {
			for k, v := range shared {
				env.define(layer, k, v)
			}
		}
	}
	return found
}

// define records one environment's value of a variable.
func (env *httpEnv) define(layer map[string]varDef, name string, v any) {
	env.defineAt(layer, name, v, rules.Span{})
}

// defineAt is define for a value written at span at of the file beside.
func (env *httpEnv) defineAt(layer map[string]varDef, name string, v any, at rules.Span) {
	text := scalarText(v)
	if text == "" {
		return
	}
	env.values[name] = append(env.values[name], text)
	if !credentialName(name) {
		defineAt(layer, name, text, at)
	}
}

// resolve replaces placeholders whose variable every environment gives the
// same literal value (credentials excepted: they are judged where they are
// written).
func (env *httpEnv) resolve(v rules.Value) rules.Value {
	if env == nil || len(env.scope.layers[0]) == 0 {
		return v
	}
	return env.scope.resolve(v, Mustache)
}

// markFormSafe marks the placeholders of a form body's field values
// whose every environment value needs no encoding (see markFormSafe).
func (env *httpEnv) markFormSafe(v rules.Value) rules.Value {
	if env == nil || len(env.values) == 0 {
		return v
	}
	return markFormSafe(v, func(name string) []string { return env.values[name] })
}

// markFormSafe sets FormSafe on each placeholder of v whose variable has
// values (what the repository's environments define for it) and is made of
// unreserved characters in every one of them: however it is sent, a form
// carries it unchanged.
func markFormSafe(v rules.Value, values func(name string) []string) rules.Value {
	if !v.HasDynamic() {
		return v
	}
	segs := append([]rules.Segment(nil), v.Segs...)
	for k, s := range segs {
		if !s.Dynamic {
			continue
		}
		end := len(v.Text)
		if k+1 < len(segs) {
			end = int(segs[k+1].Off)
		}
		vals := values(placeholderName(strings.TrimSpace(v.Text[s.Off:end])))
		safe := len(vals) > 0
		for _, t := range vals {
			safe = safe && formSafe(t)
		}
		segs[k].FormSafe = safe
	}
	v.Segs = segs
	return v
}

// formSafe reports whether s is made only of the characters no form
// encoding changes (RFC 3986 unreserved: letters, digits, - . _ ~).
func formSafe(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
			return false
		}
	}
	return s != ""
}

// Syntax only one client reads: JetBrains' dynamic variables, auth helpers,
// pre-request and response handler scripts; REST Client's system
// variables, prompts, request variables and percent-encoded variables.
var (
	jetBrainsSyntax = []string{"{{$random.", "{{$auth.", "{{$env.", "{{$isoTimestamp", "client.global.", "< {%", "> {%", "request.variables."}
	vsCodeSyntax    = []string{"{{$dotenv", "{{$processEnv", "{{$aadToken", "{{$aadV2Token", "{{$guid}}", "{{$randomInt", "# @prompt", "// @prompt", "{{%", ".response.body.", ".response.headers."}
)

// clientSyntax reports which clients' own syntax src uses.
func clientSyntax(src string) (jetBrains, vsCode bool) {
	for _, m := range jetBrainsSyntax {
		jetBrains = jetBrains || strings.Contains(src, m)
	}
	for _, m := range vsCodeSyntax {
		vsCode = vsCode || strings.Contains(src, m)
	}
	return jetBrains, vsCode
}

// stripJSONC turns JSON with comments (VS Code's settings format) into
// JSON: // and /* */ comments outside strings become spaces, and a comma
// before a closing bracket is dropped.
func stripJSONC(src []byte) []byte {
	out := make([]byte, 0, len(src))
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '"':
			j := min(quotedEnd(src, i), len(src)-1)
			out = append(out, src[i:j+1]...)
			i = j
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			out = append(out, '\n')
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			end := bytes.Index(src[i+2:], []byte("*/"))
			if end < 0 {
				return out
			}
			i += end + 3
			out = append(out, ' ')
		case c == ']' || c == '}':
			k := len(out) - 1
			for k >= 0 && (out[k] == ' ' || out[k] == '\t' || out[k] == '\n' || out[k] == '\r') {
				k--
			}
			if k >= 0 && out[k] == ',' {
				out[k] = ' '
			}
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return out
}
