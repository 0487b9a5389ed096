package extract

import "testing"

func TestAnsibleURI(t *testing.T) {
	tests := []configCase{
		{"json body to a token endpoint", `- name: Get a token
  ansible.builtin.uri:
    url: https://login.mypurecloud.com/oauth/token
    method: POST
    body_format: json
    body:
      grant_type: client_credentials
      client_id: "{{ client_id }}"
      client_secret: "{{ client_secret }}"
  register: token
`, []string{"json-token-request", "ansible.builtin.uri"}},
		{"raw form string with a plus", `- uri:
    url: https://login.mypurecloud.com/oauth/token
    method: POST
    body: "grant_type=client_credentials&client_id=abc&client_secret=abc+def"
`, []string{"unencoded-secret", "+def"}},
		{"raw form string, dynamic secret", `- uri:
    url: https://login.mypurecloud.com/oauth/token
    method: POST
    body: "grant_type=client_credentials&client_secret={{ secret }}"
`, []string{"unencoded-secret", "{{ secret }}"}},
		{"api host", `- uri:
    url: https://api.mypurecloud.com/oauth/token
    method: POST
    body_format: form-urlencoded
    body:
      grant_type: client_credentials
`, []string{"token-host", "api."}},
		{"form-urlencoded dict is encoded", `- uri:
    url: https://login.mypurecloud.com/oauth/token
    method: POST
    body_format: form-urlencoded
    body:
      grant_type: client_credentials
      client_secret: abc+def
`, nil},
		{"urlencode filter", `- uri:
    url: https://login.mypurecloud.com/oauth/token
    method: POST
    body: "grant_type=client_credentials&client_secret={{ secret | urlencode }}"
`, nil},
		{"basic auth and a form", `- ansible.legacy.uri:
    url: https://login.mypurecloud.com/oauth/token
    method: POST
    url_username: "{{ id }}"
    url_password: "{{ secret }}"
    force_basic_auth: true
    body: grant_type=client_credentials
`, nil},
		{"not a task: uri without url", "uri:\n  scheme: https\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkFindings(t, "yaml", "play.yml", tt.src, tt.want) })
	}
}

// The url of a uri task is one request, not also a config key's.
func TestAnsibleURIOneRequest(t *testing.T) {
	src := "- uri:\n    url: https://login.mypurecloud.com/oauth/token\n    user: a\n    password: b+c\n"
	u, err := extractYAML("p.yml", []byte(src))
	if err != nil || len(u.Requests) != 1 {
		t.Fatalf("requests %d, err %v", len(u.Requests), err)
	}
	if r := u.Requests[0]; r.AuthKind() == 0 || spanText(src, r.Auth.Secret.Span()) != "b+c" {
		t.Errorf("auth %+v", r.Auth)
	}
}
