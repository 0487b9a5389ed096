package lint

// keywords are the words without which no rule can fire: a token request
// names a token URL, a grant or OAuth; a credential names a secret or
// password; an API call or region setting names a provider's domain; a
// request that inherits its auth from another file (Bruno's "auth:
// inherit" from collection.bru) says "inherit". A file with none of them
// is never parsed. TestPrefilterKeepsEveryBadFixture holds this list to
// the rules.
var keywords = []string{
	"token", "oauth", "grant", "secret", "passw", "assertion",
	"mypurecloud", "pure.cloud", "genesys", "region", "inherit",
}

// The prefilter looks at every byte once. A table marks the bytes that can
// start a keyword (in either case); only there are the keywords starting
// with that letter compared. One pass replaces one IndexByte pass per
// keyword, which on text full of common letters stopped every few bytes.
var (
	lowerByte [256]byte
	starts    [256]bool     // bytes that begin a keyword, both cases
	byFirst   [256][]string // keywords by their first byte, both cases
)

func init() {
	for c := range 256 {
		lowerByte[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			lowerByte[c] = byte(c + 'a' - 'A')
		}
	}
	for _, kw := range keywords {
		f := kw[0]
		starts[f] = true
		byFirst[f] = append(byFirst[f], kw)
		if 'a' <= f && f <= 'z' {
			starts[f-'a'+'A'] = true
			byFirst[f-'a'+'A'] = append(byFirst[f-'a'+'A'], kw)
		}
	}
}

// Prefilter reports whether src contains a keyword, ignoring ASCII case.
func Prefilter(src []byte) bool {
	for i, c := range src {
		if !starts[c] {
			continue
		}
		for _, kw := range byFirst[c] {
			if hasPrefixFold(src[i:], kw) {
				return true
			}
		}
	}
	return false
}

// hasPrefixFold reports whether b starts with the lower-case kw, ignoring
// the ASCII case of b.
func hasPrefixFold(b []byte, kw string) bool {
	if len(b) < len(kw) {
		return false
	}
	for j := 1; j < len(kw); j++ {
		if lowerByte[b[j]] != kw[j] {
			return false
		}
	}
	return true
}
