package extract

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/rules"
)

func TestMatchOpenAPI(t *testing.T) {
	tests := []struct {
		name, head string
		want       bool
	}{
		{"api.yaml", "openapi: 3.0.3\n", true},
		{"api.yml", "# c\nswagger: '2.0'\n", true},
		{"api.json", "{\n  \"openapi\": \"3.1.0\"}", true},
		{"app.yaml", "spring:\n  openapi: x\n", false},
		{"api.md", "openapi: 3.0.3\n", false},
	}
	for _, tt := range tests {
		if got := matchOpenAPI(newFileName(tt.name), []byte(tt.head)); got != tt.want {
			t.Errorf("matchOpenAPI(%q, %q) = %v", tt.name, tt.head, got)
		}
	}
	if !matchOpenAPI(newFileName("x.yaml"), nil) {
		t.Error("a .yaml name is not a candidate")
	}
}

func TestOpenAPITokenURL(t *testing.T) {
	tests := []struct {
		name, src, wantURL, wantGrant string
		known                         bool
	}{
		{"absolute", "openapi: 3.0.0\ncomponents:\n  securitySchemes:\n    o:\n      type: oauth2\n      flows:\n        clientCredentials:\n          tokenUrl: https://login.mypurecloud.com/oauth/token\n",
			"https://login.mypurecloud.com/oauth/token", "client_credentials", true},
		{"relative to server path", "openapi: 3.0.0\nservers: [{url: 'https://api.mypurecloud.com/api/v2'}]\ncomponents:\n  securitySchemes:\n    o:\n      type: oauth2\n      flows:\n        password:\n          tokenUrl: token\n",
			"https://api.mypurecloud.com/api/v2/token", "password", true},
		{"relative to variable server", "openapi: 3.0.0\nservers:\n  - url: https://{env}\ncomponents:\n  securitySchemes:\n    o:\n      type: oauth2\n      flows:\n        clientCredentials:\n          tokenUrl: /oauth/token\n",
			"https://{env}/oauth/token", "client_credentials", false},
		{"swagger", "swagger: '2.0'\nhost: api.mypurecloud.ie\nsecurityDefinitions:\n  o:\n    type: oauth2\n    flow: application\n    tokenUrl: /oauth/token\n",
			"https://api.mypurecloud.ie/oauth/token", "client_credentials", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := extractOpenAPI("api.yaml", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if len(u.Requests) != 1 {
				t.Fatalf("%d requests", len(u.Requests))
			}
			r := u.Requests[0]
			if r.URL.Text != tt.wantURL || r.URL.Known() != tt.known || r.GrantType().Text != tt.wantGrant || !r.Library || r.Role != rules.RoleToken {
				t.Errorf("request %q known=%v grant %q", r.URL.Text, r.URL.Known(), r.GrantType().Text)
			}
		})
	}
}

func TestOpenAPIMalformed(t *testing.T) {
	for _, src := range []string{"openapi: 3.0.0\npaths: [\n", "openapi: 3\n\tx: y\n", "\x00\x01openapi:"} {
		_, err := extractOpenAPI("api.yaml", []byte(src))
		if _, ok := err.(*Error); !ok {
			t.Errorf("%q: error %v", src, err)
		}
	}
}

// TestOpenAPIHead: the hand matcher finds what the regular expression it
// replaced finds.
func TestOpenAPIHead(t *testing.T) {
	re := regexp.MustCompile(`(?m)^(?:openapi|swagger)\s*:|"(?:openapi|swagger)"\s*:`)
	rng := rand.New(rand.NewPCG(3, 4))
	parts := []string{"openapi", "swagger", "\"", ":", " ", "\n", "\t", "x", "openap", "\f"}
	for range 20000 {
		var b []byte
		for range rng.IntN(8) {
			b = append(b, parts[rng.IntN(len(parts))]...)
		}
		if got, want := openAPIHead(b), re.Match(b); got != want {
			t.Fatalf("openAPIHead(%q) = %v, want %v", b, got, want)
		}
	}
}

func TestOpenAPIBeyondHead(t *testing.T) {
	pad := `"components": {"schemas": {"a": {"description": "` + strings.Repeat("x", DetectHead) + `"}}}`
	for _, c := range []struct {
		doc    string
		isJSON bool
		want   bool
	}{
		{`{` + pad + `, "openapi": "3.0.3", "paths": {}}`, true, true},
		{`{` + pad + `, "swagger" : "2.0"}`, true, true},
		// A member named openapi below the top level, or inside a string,
		// is not the document's version key.
		{`{` + pad + `, "x": {"openapi": "3.0.3"}}`, true, false},
		{`{` + pad + `, "note": "\"openapi\": 3"}`, true, false},
		{`{"openapi": "3.0.3"}`, true, false}, // within the head: Detect's case
		{"components:\n  x: \"" + strings.Repeat("y", DetectHead) + "\"\nopenapi: 3.0.3\n", false, true},
		{"components:\n  x: \"" + strings.Repeat("y", DetectHead) + "\"\n  openapi: 3.0.3\n", false, false},
	} {
		if got := openAPIBeyondHead([]byte(c.doc), c.isJSON); got != c.want {
			t.Errorf("openAPIBeyondHead(%.60q…, %v) = %v, want %v", c.doc, c.isJSON, got, c.want)
		}
	}
}
