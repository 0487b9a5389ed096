package extract

import (
	"errors"
	"testing"
)

func TestInsomniaRequests(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			name: "v4 YAML export: folder auth inherited through a nested folder, disabled request auth ignored",
			src: `_type: export
__export_format: 4
resources:
  - _id: wrk_1
    _type: workspace
  - _id: fld_1
    _type: request_group
    parentId: wrk_1
    authentication:
      type: oauth2
      grantType: client_credentials
      accessTokenUrl: https://login.mypurecloud.com/oauth/token
  - _id: fld_2
    _type: request_group
    parentId: fld_1
  - _id: req_1
    _type: request
    parentId: fld_2
    method: GET
    url: https://api.mypurecloud.com/api/v2/users/me
    authentication:
      type: basic
      disabled: true
`,
			want: []string{"user-scoped-api@20:37 /api/v2/users/me"},
		},
		{
			name: "explicit none stops inheritance of a user-only call's grant only through the unit",
			src: `{"_type": "export", "__export_format": 4, "resources": [
 {"_id": "fld_1", "_type": "request_group", "headers": [{"name": "Content-Type", "value": "application/json"}]},
 {"_id": "req_1", "_type": "request", "parentId": "fld_1", "method": "POST", "url": "https://login.mypurecloud.com/oauth/token",
  "body": {"mimeType": "application/x-www-form-urlencoded", "params": [{"name": "grant_type", "value": "client_credentials"}]},
  "authentication": {"type": "none"}}]}`,
			want: []string{"json-token-request@2:92 application/json"},
		},
		{
			name: "Nunjucks tags stay dynamic, sub-environments that disagree leave a variable unknown",
			src: `{"_type": "export", "__export_format": 4, "resources": [
 {"_id": "wrk_1", "_type": "workspace"},
 {"_id": "env_1", "_type": "environment", "parentId": "wrk_1", "data": {"host": "login.mypurecloud.com"}},
 {"_id": "env_2", "_type": "environment", "parentId": "env_1", "data": {"host": "api.mypurecloud.com"}},
 {"_id": "env_3", "_type": "environment", "parentId": "env_1", "data": {"host": "login.mypurecloud.ie"}},
 {"_id": "req_1", "_type": "request", "parentId": "wrk_1", "method": "POST", "url": "https://{{ _.host }}/oauth/token",
  "body": {"mimeType": "application/x-www-form-urlencoded", "params": [{"name": "grant_type", "value": "client_credentials"}]}},
 {"_id": "req_2", "_type": "request", "parentId": "wrk_1", "method": "POST", "url": "https://{% response 'body', 'req_1', 'b64::JC5ob3N0::46b', 'never', 60 %}/api/v2/oauth/token",
  "body": {"mimeType": "application/x-www-form-urlencoded", "params": [{"name": "grant_type", "value": "client_credentials"}]}}]}`,
			want: nil,
		},
		{
			name: "v5 folder environment overrides the collection environment",
			src: `type: collection.insomnia.rest/5.0
collection:
  - name: EU
    environment:
      host: api.mypurecloud.ie
    children:
      - url: https://{{ _.host }}/oauth/token
        method: POST
        body:
          mimeType: application/x-www-form-urlencoded
          params:
            - name: grant_type
              value: client_credentials
  - url: https://{{ _.host }}/oauth/token
    method: POST
    body:
      mimeType: application/x-www-form-urlencoded
      params:
        - name: grant_type
          value: client_credentials
environments:
  data:
    host: login.mypurecloud.com
`,
			want: []string{"token-host@7:22 {{ _.host }}"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := extractInsomnia("export.yaml", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			wantFindings(t, u, []byte(tt.src), tt.want)
		})
	}
}

func TestInsomniaMalformed(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		line      int
	}{
		{"x.json", "{\"_type\": \"export\",\n\"resources\": [,]}", 2},
		{"x.yaml", "_type: export\nresources:\n  - url: [\n", 3},
		{"x.yaml", "- just\n- a list\n", 1},
		{"x.json", "[1,\n2]", 1},
	} {
		_, err := extractInsomnia(tt.name, []byte(tt.src))
		var xe *Error
		if !errors.As(err, &xe) || xe.Line != tt.line {
			t.Errorf("%q: got %v, want an *Error at line %d", tt.src, err, tt.line)
		}
	}
}

func TestInsomniaMatch(t *testing.T) {
	for _, tt := range []struct {
		name, head string
		want       bool
	}{
		{"Insomnia_2025-01-01.json", `{"_type":"export","__export_format":4,`, true},
		{"api.yaml", "type: collection.insomnia.rest/5.0\nname: x\n", true},
		{"config.yaml", "server:\n  port: 8080\n", false},
		{"a.bru", "", false},
	} {
		if got := matchInsomnia(newFileName(tt.name), []byte(tt.head)); got != tt.want {
			t.Errorf("matchInsomnia(%s) = %v", tt.name, got)
		}
	}
}
