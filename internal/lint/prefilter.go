package lint

import "bytes"

// keywords are the words without which no rule can fire: a token request
// names a token URL, a grant or OAuth; a credential names a secret or
// password; an API call or region setting names a provider's domain; a
// request that inherits its auth from another file (Bruno's "auth:
// inherit" from collection.bru) says "inherit". A file with none of them
// is never parsed. TestPrefilterKeepsEveryBadFixture holds this list to
// the rules.
var keywords = [][]byte{
	[]byte("token"), []byte("oauth"), []byte("grant"), []byte("secret"),
	[]byte("passw"), []byte("assertion"), []byte("mypurecloud"), []byte("pure.cloud"),
	[]byte("genesys"), []byte("region"), []byte("inherit"),
}

// Prefilter reports whether src contains a keyword, ignoring ASCII case.
func Prefilter(src []byte) bool {
	for _, kw := range keywords {
		if indexFold(src, kw) >= 0 {
			return true
		}
	}
	return false
}

// indexFold is bytes.Index ignoring ASCII case of src; kw is lower case.
// It jumps between candidate first bytes with IndexByte, which is
// vectorised, instead of lowering the whole file.
func indexFold(src, kw []byte) int {
	first, upper := kw[0], kw[0]
	if 'a' <= first && first <= 'z' {
		upper = first - 'a' + 'A'
	}
	for i := 0; i+len(kw) <= len(src); {
		j := indexEither(src[i:len(src)-len(kw)+1], first, upper)
		if j < 0 {
			return -1
		}
		i += j
		if equalFold(src[i:i+len(kw)], kw) {
			return i
		}
		i++
	}
	return -1
}

// indexEither is the first index of x or y in b.
func indexEither(b []byte, x, y byte) int {
	i := bytes.IndexByte(b, x)
	limit := len(b)
	if i >= 0 {
		limit = i
	}
	if k := bytes.IndexByte(b[:limit], y); k >= 0 {
		return k
	}
	return i
}

func equalFold(b, lower []byte) bool {
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}
