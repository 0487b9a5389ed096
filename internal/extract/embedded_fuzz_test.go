package extract

import (
	"testing"

	"github.com/tokenlint/tokenlint/rules"
)

// FuzzEmbeddedFormats feeds arbitrary bytes to the Markdown, workflow,
// OpenAPI and Terraform front ends: none may panic, an error must be an
// *Error, and every span must lie inside the file.
func FuzzEmbeddedFormats(f *testing.F) {
	f.Add(byte(0), []byte("```sh\ncurl -d a=b https://login.mypurecloud.com/oauth/token\n```\n"))
	f.Add(byte(0), []byte("> - ```console\n>   $ curl \\\n>     x\n"))
	f.Add(byte(1), []byte("jobs:\n  t:\n    steps:\n      - run: |\n          curl ${{ secrets.X }}\n"))
	f.Add(byte(1), []byte("env:\n  B: https://api.mypurecloud.com\njobs:\n  t:\n    steps:\n      - env: {D: mypurecloud.de}\n        run: curl \"$B/oauth/token\" \"https://login.${D}/x\"\n"))
	f.Add(byte(2), []byte("openapi: 3.0.0\nservers: [{url: 'https://{h}'}]\ncomponents: {securitySchemes: {o: {type: oauth2, flows: {clientCredentials: {tokenUrl: \"/t\\u00e9\"}}}}}\n"))
	f.Add(byte(3), []byte("data \"http\" \"t\" {\n  url = \"https://${var.h}/oauth/token\"\n  request_body = <<EOT\ngrant_type=client_credentials&client_secret=${urlencode(var.s)}\nEOT\n}\n"))
	f.Add(byte(4), []byte("x:\n  script:\n    - 'a ''b'' c'\n    - >-\n      curl\n      d\n"))
	f.Fuzz(func(t *testing.T, kind byte, src []byte) {
		var u *rules.Unit
		var err error
		switch kind % 5 {
		case 0:
			u, err = extractMarkdown("f.md", src)
		case 1:
			u, err = extractWorkflow(".github/workflows/f.yml", src)
		case 2:
			u, err = extractOpenAPI("f.yaml", src)
		case 3:
			u, err = extractTerraform("f.tf", src)
		case 4:
			u, err = extractWorkflow(".gitlab-ci.yml", src)
		}
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %T %v", err, err)
			}
			return
		}
		u.Values(func(v *rules.Value) {
			for _, s := range v.Segs {
				if s.Start < 0 || int(s.End) > len(src) || s.Start > s.End {
					t.Fatalf("segment %+v outside a %d-byte file (%q)", s, len(src), v.Text)
				}
			}
		})
		rules.Run(u, nil)
	})
}
