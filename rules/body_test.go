package rules

import (
	"strings"
	"testing"
)

// body builds a Value from parts, each literal or, written "$name", a
// dynamic part: the shape of a .http template ({{name}}) or of a Go
// expression between string literals.
func body(parts ...string) Value {
	var vals []Value
	off := 0
	for _, p := range parts {
		if name, ok := strings.CutPrefix(p, "$"); ok {
			vals = append(vals, Dyn("f", name, off, off+len(name)))
			off += len(name)
			continue
		}
		vals = append(vals, Lit("f", p, off))
		off += len(p)
	}
	return Concat(vals...)
}

// TestClassifyBody pins the one reading of a text body that the config
// front ends (a stated Content-Type, templates) and the Go analyzer (no
// type at hand, expressions between literals) share.
func TestClassifyBody(t *testing.T) {
	const form, json = "application/x-www-form-urlencoded", "application/json"
	for _, tc := range []struct {
		name      string
		text      Value
		mediaType string
		typed     bool
		want      BodyKind
	}{
		// Untyped: the text decides.
		{"JSON object", body(`{"grant_type": "client_credentials"}`), "", false, BodyJSON},
		{"JSON after blank lines", body("\n  {\"a\": 1}"), "", false, BodyJSON},
		{"JSON array", body(`["grant_type"]`), "", false, BodyJSON},
		{"Go JSON with an expression inside", body(`{"client_secret": "`, "$secret", `"}`), "", false, BodyJSON},
		{"a template is unknown, not JSON", body("${{tokenBody}}"), "", false, BodyRaw},
		{"a Go expression is unknown", body("$payload"), "", false, BodyRaw},
		{"form", body("grant_type=client_credentials"), "", false, BodyForm},
		{"Go form built by concatenation", body("grant_type=client_credentials&client_secret=", "$secret"), "", false, BodyForm},
		{"form whose first name is a template", body("${{name}}", "=client_credentials"), "", false, BodyForm},
		{"dotted and dashed names", body("x-client.id=1"), "", false, BodyForm},
		{"an = only inside an expression", body("$buildForm(a=b)"), "", false, BodyRaw},
		{"base64 padding is not a form", body("YWJj+/ZGVm=="), "", false, BodyRaw},
		{"text before the =", body("token: abc=def"), "", false, BodyRaw},
		{"no name before the =", body("=x"), "", false, BodyRaw},
		{"leading blank before a form is not a field name", body(" grant_type=x"), "", false, BodyRaw},
		{"plain text", body("hello"), "", false, BodyRaw},
		{"empty", Value{}, "", false, BodyRaw},

		// A stated type decides, with the two mistakes it cannot hide.
		{"form type", body("grant_type=client_credentials"), form, true, BodyForm},
		{"form type over a template", body("${{tokenBody}}"), form, true, BodyForm},
		{"form type over a JSON object", body(`{"grant_type": "x"}`), form, true, BodyJSON},
		{"form type over an empty object", body("{ }"), form, true, BodyJSON},
		{"form type over a {{template}} in literal text", body("{{tokenBody}}"), form, true, BodyForm},
		{"form type, body from a file", Value{}, form, true, BodyForm},
		{"JSON type", body(`{"a": 1}`), json, true, BodyJSON},
		{"JSON type over a template", body("$payload"), json, true, BodyJSON},
		{"JSON type over a form", body("grant_type=x"), json, true, BodyForm},
		{"+json type", body(`{"a": 1}`), "application/vnd.api+json", true, BodyJSON},
		{"other type", body("grant_type=x"), "text/plain", true, BodyRaw},
		{"a stated type that is no media type", body("grant_type=x"), "", true, BodyRaw},
	} {
		if got := ClassifyBody(tc.text, tc.mediaType, tc.typed); got != tc.want {
			t.Errorf("%s: ClassifyBody(%q, %q, %v) = %v, want %v", tc.name, tc.text.Text, tc.mediaType, tc.typed, got, tc.want)
		}
	}
}

// TestJSONMembers: top-level members only, strings decoded, other values
// as written, a dynamic part kept dynamic, and a quiet stop at what is not
// JSON.
func TestJSONMembers(t *testing.T) {
	for _, tc := range []struct {
		name string
		text Value
		want string // name=value|..., a dynamic value in <>
	}{
		{"strings and other values", body(`{"grant_type": "client_credentials", "n": 12, "o": {"k": "v"}, "l": [1, 2]}`), `grant_type=client_credentials|n=12|o={"k": "v"}|l=[1, 2]`},
		{"nested members are not fields", body(`{"auth": {"grant_type": "client_credentials"}}`), `auth={"grant_type": "client_credentials"}`},
		{"escapes decoded", body(`{"client_secret": "a\"b\/c"}`), `client_secret=a"b/c`},
		{"a Go expression in a string", body(`{"client_secret": "`, "$secret", `"}`), `client_secret=<secret>`},
		{"stops at an unquoted placeholder", body(`{"a": "1", `, "$rest", `}`), `a=1`},
		{"not an object", body(`["a"]`), ``},
		{"unterminated", body(`{"a": "1`), ``},
	} {
		var got []string
		for _, f := range JSONMembers(tc.text, "via") {
			v := f.Value.Text
			if f.Value.HasDynamic() {
				v = "<" + v + ">"
			}
			got = append(got, f.Name.Text+"="+v)
			if f.Encoding != EncodingFull || f.Via != "via" {
				t.Errorf("%s: field %s has encoding %v, via %q", tc.name, f.Name.Text, f.Encoding, f.Via)
			}
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("%s: members %q, want %q", tc.name, strings.Join(got, "|"), tc.want)
		}
	}
	// Positions: a member's value points at its bytes in the file.
	v := Lit("f", `{"client_id": "abc"}`, 100)
	f := JSONMembers(v, "")[0]
	if sp := f.Value.Span(); sp.Start != 115 || sp.End != 118 {
		t.Errorf("value span %+v, want 115:118", sp)
	}
}
