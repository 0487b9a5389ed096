package extract

import (
	"strings"

	"github.com/tokenlint/tokenlint/rules"
	"go.yaml.in/yaml/v3"
)

// An Ansible uri task inside a YAML file is a request description with
// documented semantics, read by the YAML front end (docs.ansible.com
// ansible.builtin.uri; lib/ansible/modules/uri.py form_urlencoded):
//
//   - body_format: json sends body as JSON (a string as written, a
//     structure serialised) with Content-Type: application/json;
//   - body_format: form-urlencoded percent-encodes a dict or list body
//     (Python urlencode) but sends a string body as written;
//   - body_format: raw (the default) sends a string body as written.
//   - url_username/url_password (user/password) are Basic credentials.
//
// The module's default method is GET and it verifies TLS certificates
// unless validate_certs is false (docs.ansible.com, ansible.builtin.uri:
// "method ... Default: GET", "validate_certs ... Default: true").

// viaAnsibleURI names the module in messages.
const viaAnsibleURI = "Ansible uri"

// ansibleURIModules are the names a task calls the module by.
var ansibleURIModules = map[string]bool{"uri": true, "ansible.builtin.uri": true, "ansible.legacy.uri": true}

// ansibleURI records the uri task whose module key is key and arguments
// args; it reports false (nothing recorded) when args has no url.
func (w *yamlWalk) ansibleURI(key rules.Value, args *yaml.Node) bool {
	_, urlNode := mapValue(args, "url")
	if urlNode == nil || urlNode.Kind != yaml.ScalarNode {
		return false
	}
	r := &rules.Request{URL: w.value(urlNode), Via: viaAnsibleURI, Pos: key.Span()}
	if _, m := mapValue(args, "method"); m != nil && m.Kind == yaml.ScalarNode {
		r.Method = w.value(m)
	} else {
		sp := key.Span()
		r.Method = rules.Decoded(sp.File, "GET", sp.Start, sp.End)
	}
	if v := w.scalarArg(args, "validate_certs"); v.Known() {
		switch strings.ToLower(strings.TrimSpace(v.Text)) {
		case "false", "no", "off", "n", "0":
			r.MarkInsecure(v.Span())
		}
	}
	mapPairs(w.mapArg(args, "headers"), func(k, v *yaml.Node) {
		if v.Kind == yaml.ScalarNode {
			name, _ := w.y.Scalar(k, 0)
			r.Headers = append(r.Headers, rules.Header{Name: name, Value: w.value(v)})
		}
	})
	user, secret := w.scalarArg(args, "url_username", "user"), w.scalarArg(args, "url_password", "password")
	if !user.IsZero() || !secret.IsZero() {
		r.SetAuth(rules.Auth{Kind: rules.AuthBasic, User: user, Secret: secret, Via: "url_username/url_password"})
	}
	format := "raw"
	if f := w.scalarArg(args, "body_format"); f.Known() {
		format = strings.TrimSpace(f.Text)
	}
	if _, body := mapValue(args, "body"); body != nil {
		r.Body = w.ansibleBody(format, body)
	}
	w.u.Requests = append(w.u.Requests, r)
	return true
}

// ansibleBody is the body the module sends for body under format.
func (w *yamlWalk) ansibleBody(format string, body *yaml.Node) *rules.Body {
	via := "body_format: " + format
	b := &rules.Body{Kind: rules.BodyRaw, Via: via}
	if body.Kind == yaml.ScalarNode {
		b.Raw = w.value(body)
	}
	switch {
	case format == "json":
		b.Kind = rules.BodyJSON
		if body.Kind == yaml.MappingNode {
			b.Fields = w.structFields(body, rules.EncodingFull, via)
		}
	case format == "form-urlencoded" && body.Kind == yaml.MappingNode:
		b.Kind = rules.BodyForm
		b.Fields = w.structFields(body, rules.EncodingFull, via)
	case (format == "form-urlencoded" || format == "raw") && body.Kind == yaml.ScalarNode && rules.LooksLikeForm(b.Raw.TrimSpace()):
		// A string is sent as written; Python's HTTP client labels a body
		// without a Content-Type as a form.
		b.Kind = rules.BodyForm
		b.Fields = rules.ParseForm(b.Raw, rules.EncodingRaw, via)
		for i := range b.Fields {
			if jinjaURLEncoded(b.Fields[i].Value) {
				b.Fields[i].Encoding = rules.EncodingFull
			}
		}
	}
	return b
}

// structFields are the scalar members of a mapping body, as the module
// serialises them.
func (w *yamlWalk) structFields(body *yaml.Node, enc rules.Encoding, via string) []rules.Field {
	var out []rules.Field
	mapPairs(body, func(k, v *yaml.Node) {
		if v.Kind == yaml.ScalarNode {
			name, _ := w.y.Scalar(k, 0)
			out = append(out, rules.Field{Name: name, Value: w.value(v), Encoding: enc, Via: via})
		}
	})
	return out
}

// jinjaURLEncoded reports whether every dynamic part of v is a Jinja
// expression piped through the urlencode filter ({{ secret | urlencode }}),
// which percent-encodes the value it inserts.
func jinjaURLEncoded(v rules.Value) bool {
	if !v.HasDynamic() {
		return false
	}
	for k, s := range v.Segs {
		if !s.Dynamic {
			continue
		}
		end := len(v.Text)
		if k+1 < len(v.Segs) {
			end = int(v.Segs[k+1].Off)
		}
		expr := strings.TrimSuffix(strings.TrimPrefix(v.Text[s.Off:end], "{{"), "}}")
		filters := strings.Split(expr, "|")
		if len(filters) < 2 || strings.TrimSpace(filters[len(filters)-1]) != "urlencode" {
			return false
		}
	}
	return true
}

// scalarArg is the Value of the first of names that args sets to a scalar.
func (w *yamlWalk) scalarArg(args *yaml.Node, names ...string) rules.Value {
	for _, name := range names {
		if _, v := mapValue(args, name); v != nil && v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
			return w.value(v)
		}
	}
	return rules.Value{}
}

// mapArg is the mapping args sets name to, or nil.
func (w *yamlWalk) mapArg(args *yaml.Node, name string) *yaml.Node {
	if _, v := mapValue(args, name); v != nil && v.Kind == yaml.MappingNode {
		return v
	}
	return nil
}
