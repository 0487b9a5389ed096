package extract

import (
	"bytes"

	"github.com/tokenlint/tokenlint/rules"
)

// How an OpenAPI document is recognised: by the head Detect gives its
// format, and, for the documents a generator wrote with sorted keys, by
// the generic YAML and JSON readers, which hand them to the OpenAPI one.

// openAPIHead finds a top-level openapi or swagger key: at the start of a
// YAML line, or as a JSON member name, then white space and a colon
// (every YAML and JSON file's head is asked, so no regular expression).
func openAPIHead(head []byte) bool {
	for _, word := range []string{"openapi", "swagger"} {
		for i := 0; ; {
			k := bytes.Index(head[i:], []byte(word))
			if k < 0 {
				break
			}
			k += i
			end := k + len(word)
			switch {
			case k == 0 || head[k-1] == '\n':
			case head[k-1] == '"' && end < len(head) && head[end] == '"':
				end++
			default:
				i = k + 1
				continue
			}
			for end < len(head) && isRESpace(head[end]) {
				end++
			}
			if end < len(head) && head[end] == ':' {
				return true
			}
			i = k + 1
		}
	}
	return false
}

// openAPIBeyondHead reports whether a YAML or JSON document that Detect
// gave to the generic reader is an OpenAPI document after all: generators
// that sort keys (ory/hydra's spec/api.json) put "openapi" after
// "components", far past the head Detect sees. In YAML a top-level key
// starts a line; in JSON it is a member name at depth 1, which a scan that
// skips strings finds without parsing.
func openAPIBeyondHead(src []byte, isJSON bool) bool {
	if len(src) <= DetectHead {
		return false
	}
	if !isJSON {
		return openAPIHead(src)
	}
	depth, key := 0, false
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '{':
			depth++
			key = depth == 1
		case '[':
			depth++
			key = false
		case '}', ']':
			depth--
			key = false
		case ',':
			key = depth == 1
		case '"':
			j := quotedEnd(src, i)
			if j >= len(src) {
				return false
			}
			if key {
				if name := src[i+1 : j]; string(name) == "openapi" || string(name) == "swagger" {
					k := j + 1
					for k < len(src) && isRESpace(src[k]) {
						k++
					}
					if k < len(src) && src[k] == ':' {
						return true
					}
				}
			}
			key = false
			i = j
		}
	}
	return false
}

// isRESpace is \s of Go's regular expressions.
func isRESpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// asOpenAPI reads src as the OpenAPI document it is when its version key
// lies past the head: ok is false when it is not one.
func asOpenAPI(file string, src []byte, isJSON bool) (u *rules.Unit, ok bool, err error) {
	if !openAPIBeyondHead(src, isJSON) {
		return nil, false, nil
	}
	u, err = ByName("openapi").Extract(file, src)
	return u, true, err
}
