package extract

import (
	"strings"
	"testing"
)

func TestJSONFindings(t *testing.T) {
	tests := []configCase{
		{"tokenUrl", `{"tokenUrl": "https://login.mypurecloud.eu/oauth/token"}`, []string{"token-host", "login.mypurecloud.eu"}},
		{"non-ASCII before the value", `{"étiquette": "«x»", "token_url": "https://api.mypurecloud.com/oauth/token"}`,
			[]string{"token-host", "api."}},
		{"escaped slashes", `{"token_url": "https:\/\/api.mypurecloud.com\/oauth\/token"}`, []string{"token-host", "api."}},
		{"nested", "{\n\t\"auth\": {\n\t\t\"token_endpoint\": \"https://login.mypurecloud.com/api/v2/oauth/token\"\n\t}\n}\n",
			[]string{"token-path", "/api/v2/oauth/token"}},
		{"in a list", `{"providers": [{"token_url": "https://api.mypurecloud.com/oauth/token"}, {"token_url": "https://login.mypurecloud.com/oauth/token"}]}`,
			[]string{"token-host", "api."}},
		{"jsonc", "{\n  // the token endpoint\n  \"token_url\": \"https://api.mypurecloud.com/oauth/token\", /* trailing */\n}\n",
			[]string{"token-host", "api."}},
		{"surrogate pair before", `{"a": "\ud83d\ude00", "token_url": "https://api.mypurecloud.com/oauth/token"}`, []string{"token-host", "api."}},
		{"templated", `{"token_url": "${TOKEN_URL}", "tokenUrl": "{{tokenUrl}}"}`, nil},
		{"login host", `{"token_url": "https://login.mypurecloud.com/oauth/token"}`, nil},
		{"google service account", `{"type": "service_account", "token_uri": "https://oauth2.googleapis.com/token"}`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkFindings(t, "json", "c.json", tt.src, tt.want) })
	}
}

func TestJSONEscapeSpans(t *testing.T) {
	src := `{"client_secret": "a\u002Bb\/c"}`
	u, err := extractJSON("s.json", []byte(src))
	if err != nil || len(u.Settings) != 1 {
		t.Fatalf("unit %+v, err %v", u, err)
	}
	v := u.Settings[0].Value
	if v.Text != "a+b/c" {
		t.Fatalf("text %q", v.Text)
	}
	for i, want := range []string{"a", `\u002B`, "b", `\/`, "c"} {
		if got := spanText(src, v.SpanOf(i, i+1)); got != want {
			t.Errorf("char %d spans %q, want %q", i, got, want)
		}
	}
}

func TestJSONOtherDuplicateKey(t *testing.T) {
	src := `{"name": "a", "name": "b", "token_url": "https://api.mypurecloud.com/oauth/token"}`
	checkFindings(t, "json", "d.json", src, []string{"token-host", "api."})
}

func TestJSONErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
	}{
		{"syntax", "{\n  \"token_url\": \"x\"\n  \"b\": 1\n}\n", 3},
		{"unterminated", "{\n  \"token_url\": [\"x\",\n", 3},
		{"duplicate key", "{\n  \"token_url\": \"a\",\n  \"token_url\": \"b\"\n}\n", 3},
		{"unterminated comment", "{\"token\": 1 /* x\n}", 1},
		{"two words run together", "{\"token_url\": [truefalse]}", 1},
		{"million brackets", "{\"token\":\n" + strings.Repeat("[", 1000000), 2},
		{"million braces", "{\"token\":" + strings.Repeat("{\"a\":", 1000000), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if e := configError(t, "json", "e.json", tt.src); e.Line != tt.line {
				t.Errorf("error %v at line %d, want %d", e, e.Line, tt.line)
			}
		})
	}
}

// Nesting up to the limit is read, by a recursion the limit bounds.
func TestJSONDeepButAllowed(t *testing.T) {
	src := `{"token_url": ` + strings.Repeat("[", maxNesting-1) + `"https://api.mypurecloud.com/oauth/token"` + strings.Repeat("]", maxNesting-1) + "}"
	u, err := extractJSON("d.json", []byte(src))
	if err != nil || len(u.Requests) != 1 {
		t.Fatalf("requests %d, err %v", len(u.Requests), err)
	}
}

// .NET tools write appsettings.json with a byte order mark.
func TestJSONByteOrderMark(t *testing.T) {
	src := "\xEF\xBB\xBF{\n  \"Genesys\": { \"TokenUrl\": \"https://api.mypurecloud.com/oauth/token\" }\n}\n"
	checkFindings(t, "json", "appsettings.json", src, []string{"token-host", "api."})
}

// TestQuotedEnd holds quotedEnd to the byte-by-byte loop it replaces, on
// every string of up to 8 bytes of a, ", \ after an opening quote.
func TestQuotedEnd(t *testing.T) {
	loop := func(src []byte) int {
		j := 1
		for j < len(src) && src[j] != '"' {
			if src[j] == '\\' {
				j++
			}
			j++
		}
		return min(j, len(src))
	}
	alphabet := []byte{'a', '"', '\\'}
	var gen func(b []byte)
	gen = func(b []byte) {
		if got, want := quotedEnd(b, 0), loop(b); got != want {
			t.Errorf("%q: %d, want %d", b, got, want)
		}
		if len(b) < 9 {
			for _, c := range alphabet {
				gen(append(b, c))
			}
		}
	}
	gen([]byte{'"'})
}
