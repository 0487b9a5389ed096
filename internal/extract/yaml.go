package extract

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/tokenlint/tokenlint/internal/keyword"
	"github.com/tokenlint/tokenlint/rules"
	"go.yaml.in/yaml/v3"
)

// The generic YAML front end: application configs (Spring application.yml,
// docker-compose, Helm values, app settings) read by their keys through the
// shared key table. Formats that claim YAML by content (workflows, OpenAPI)
// have a higher priority; this one takes whatever .yaml/.yml is left.
//
// Every document of a multi-document stream is read. An alias of a
// mapping or a list is not followed (its anchored value is read where it
// is defined), so an alias bomb costs what its text costs; an alias of a
// scalar is read under its own key (token_url: *login), pointing at the
// anchored text, unless that text already said something where it is
// defined. A
// duplicate mapping key is malformed YAML (YAML 1.2 §3.2.1.1, and what
// yaml.v3 says when decoding into a map) when the key is one the key
// table reads: which of its values counts depends on the reader. Other
// duplicates (a Kubernetes manifest's second selector:) are left to YAML
// linters; both values are read. A file that does not parse but
// holds {{ }} is a template (Helm, Jinja) that is YAML only once rendered:
// it is skipped, not reported.

var yamlFormat = &Format{
	Name: "yaml",
	match: func(n fileName, _ []byte) bool {
		return (n.ext == ".yaml" || n.ext == ".yml") && !skippedConfig(n.base)
	},
	Extract:  extractYAML,
	Comments: []string{"#"},
}

func extractYAML(file string, src []byte) (*rules.Unit, error) {
	if u, ok, err := asOpenAPI(file, src, false); ok {
		return u, err
	}
	u, err := extractYAMLText(file, src)
	if err == nil {
		addCommented(u, file, src, yamlCommented, extractYAMLText)
	}
	return u, err
}

// extractYAMLText is extractYAML without the commented-out lines.
func extractYAMLText(file string, src []byte) (*rules.Unit, error) {
	if !mentionsYAMLKey(src) {
		return &rules.Unit{Name: file}, nil
	}
	return readYAMLText(file, src)
}

// readYAMLText parses and walks every document of src.
func readYAMLText(file string, src []byte) (*rules.Unit, error) {
	u := &rules.Unit{Name: file}
	if binaryConfig(src) {
		return nil, Errorf(file, 0, "binary file (NUL byte)")
	}
	y := newYAMLSource(file, src)
	w := &yamlWalk{y: y, u: u, said: map[*yaml.Node]bool{}}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if bytes.Contains(src, []byte("{{")) {
				return &rules.Unit{Name: file}, nil
			}
			return nil, yamlError(file, src, err)
		}
		if err := w.node(&doc, nil, rules.Value{}); err != nil {
			return nil, err
		}
	}
	return u, nil
}

// yamlKeyWords are the words of which a key needs one for the walk to
// read it: the key table's (configKeyWords) and the credential names'.
var yamlKeyWords = keyword.New(append(rules.CredentialStems(), configKeyWords...))

// mentionsYAMLKey reports whether a key of the YAML text may be one the
// walk reads, from the text before the last colon of each line, where
// every key of a block or flow mapping is written (an implicit key is one
// line, its colon on it): a file that names a token only in its values,
// such as a list of redirects from /docs/.../token paths, gives nothing
// to read and is not parsed. The whole text is asked (mentionsConfigKey)
// when a key can be written otherwise: an explicit key ("? "), a flow
// mapping (whose {key, ...} needs no colon), an escape in a key, or the
// name and value keys of an environment entry, whose name's value is the
// key ({name: API_URL, value: ...}).
func mentionsYAMLKey(src []byte) bool {
	var name, value bool
	for off := 0; off < len(src); {
		end := len(src)
		if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
			end = off + i
		}
		line := src[off:end]
		off = end + 1
		colon := bytes.LastIndexByte(line, ':')
		if colon < 0 {
			continue
		}
		keys := line[:colon]
		if yamlKeyWords.InFolded(keys) {
			return true
		}
		if bytes.IndexByte(keys, '\\') >= 0 {
			return mentionsConfigKey(src)
		}
		name = name || bytes.Contains(keys, []byte("name"))
		value = value || bytes.Contains(keys, []byte("value"))
	}
	if name && value || explicitYAMLKey(src) || bytes.IndexByte(src, '{') >= 0 {
		return mentionsConfigKey(src)
	}
	return false
}

// explicitYAMLKey reports whether src may hold an explicit key: a "?"
// followed by a blank, a line break or the end.
func explicitYAMLKey(src []byte) bool {
	for i := bytes.IndexByte(src, '?'); i >= 0; {
		if i+1 == len(src) || src[i+1] == ' ' || src[i+1] == '\t' || src[i+1] == '\n' || src[i+1] == '\r' {
			return true
		}
		next := bytes.IndexByte(src[i+1:], '?')
		if next < 0 {
			return false
		}
		i += 1 + next
	}
	return false
}

// newYAMLSource indexes src for yaml.v3 positions. yaml.v3 skips a UTF-8
// byte order mark without counting it as a column, so line 1 starts after
// it.
func newYAMLSource(file string, src []byte) *yamlSource {
	first := 0
	if bytes.HasPrefix(src, utf8BOM) {
		first = len(utf8BOM)
	}
	return &yamlSource{file: file, src: src, lines: lineStarts(src, first)}
}

// yamlError turns a yaml.v3 error into an *Error with the line it names.
// yaml.v3 numbers the line of a parser error (every "did not find
// expected ...") from 0 and that of a scanner error from 1
// (decode.go parser.fail); both become 1-based here.
func yamlError(file string, src []byte, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := yamlErrLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = strings.TrimPrefix(msg, m[0]+": ")
		if strings.HasPrefix(msg, "did not find expected") {
			line++
		}
	}
	line = fileLineOf(src, lineStarts(src, 0), line)
	// At the end of the file yaml.v3 can name the line after the last.
	last := bytes.Count(src, []byte("\n"))
	if !bytes.HasSuffix(src, []byte("\n")) {
		last++
	}
	line = min(line, max(last, 1))
	return Errorf(file, line, "invalid YAML: %s", parserMessage(msg))
}

type yamlWalk struct {
	y *yamlSource
	u *rules.Unit
	// said holds the anchored scalars that gave a request or setting, so
	// an alias of one does not say it twice. Only an anchored node can be
	// aliased, so no other is held: a large stream's documents are
	// released one by one (yaml.v3 keeps the anchors of every document).
	said map[*yaml.Node]bool
}

// node reads n, reached by the key path (key is the last key's Value).
func (w *yamlWalk) node(n *yaml.Node, path []string, key rules.Value) error {
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		// A list's items mean what its key says (scopes: [a, b]), except
		// docker-compose's environment list of NAME=value strings.
		if composeEnvList(path) {
			w.envList(n)
			return nil
		}
		for _, c := range n.Content {
			if err := w.node(c, path, key); err != nil {
				return err
			}
		}
	case yaml.MappingNode:
		return w.mapping(n, path)
	case yaml.AliasNode:
		if a := n.Alias; a != nil && a.Kind == yaml.ScalarNode && !w.said[a] {
			return w.node(a, path, key)
		}
	case yaml.ScalarNode:
		if len(path) == 0 || n.Tag == "!!null" {
			return nil
		}
		before := len(w.u.Requests) + len(w.u.Settings)
		addKeyValue(w.u, configPath(path), key, w.value(n))
		if n.Anchor != "" && len(w.u.Requests)+len(w.u.Settings) > before {
			w.said[n] = true
		}
	}
	return nil
}

func (w *yamlWalk) mapping(n *yaml.Node, path []string) error {
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			continue // a complex key names nothing the key table knows
		}
		if k.Tag == "!!merge" {
			// <<: {inline mapping} merges into this one; <<: *alias is
			// read where the anchor is defined.
			if v.Kind == yaml.MappingNode {
				if err := w.mapping(v, path); err != nil {
					return err
				}
			}
			continue
		}
		keyPath := append(slices.Clip(path), k.Value)
		if line, dup := seen[k.Value]; dup && readKey(configPath(keyPath)) {
			return Errorf(w.y.file, w.y.fileLine(k.Line), "invalid YAML: mapping key %q already defined at line %d", k.Value, w.y.fileLine(line))
		}
		seen[k.Value] = k.Line
		kv, _ := w.y.Scalar(k, 0)
		if ansibleURIModules[k.Value] && v.Kind == yaml.MappingNode && w.ansibleURI(kv, v) {
			continue
		}
		if err := w.node(v, keyPath, kv); err != nil {
			return err
		}
	}
	w.nameValue(n)
	return nil
}

// composeEnvList reports whether a list sits under a docker-compose
// service's environment: key, whose items are NAME=value strings.
func composeEnvList(path []string) bool {
	return len(path) >= 3 && path[len(path)-1] == "environment" && path[len(path)-3] == "services"
}

// envList reads the NAME=value items of a compose environment list as
// .env reads its lines.
func (w *yamlWalk) envList(n *yaml.Node) {
	for _, c := range n.Content {
		if c.Kind != yaml.ScalarNode {
			continue
		}
		v := w.value(c)
		name, value, ok := v.Cut('=')
		if ok && name.Known() && name.Text != "" && !strings.ContainsAny(name.Text, " \t") {
			addKeyValue(w.u, name.Text, name, value)
		}
	}
}

// nameValue reads a {name: X, value: Y} entry (a Kubernetes container's
// or an ECS task's environment list item) as the pair X = Y, as .env
// reads X=Y.
func (w *yamlWalk) nameValue(n *yaml.Node) {
	_, name := mapValue(n, "name")
	_, value := mapValue(n, "value")
	if name == nil || value == nil || name.Kind != yaml.ScalarNode || value.Kind != yaml.ScalarNode || value.Tag == "!!null" {
		return
	}
	key, _ := w.y.Scalar(name, 0)
	addKeyValue(w.u, name.Value, key, w.value(value))
}

// value is a scalar's Value. A local tag other than !Sub (CloudFormation
// !Ref, !GetAtt, !ImportValue; custom !env, !secret resolvers) names
// something else whose value the file does not hold: the whole value is
// dynamic. !Sub is a template with ${X} placeholders.
func (w *yamlWalk) value(n *yaml.Node) rules.Value {
	local := strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.Tag, "!!")
	if local && n.Tag != "!Sub" {
		v, _ := w.y.Scalar(n, 0)
		return dynamicSlice(v, 0, len(v.Text))
	}
	v, _ := w.y.Scalar(n, configSyntax)
	return v
}
