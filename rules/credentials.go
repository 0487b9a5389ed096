package rules

import "slices"

// credentialStems are substrings every IsCredentialName word contains.
var credentialStems = []string{"secret", "passw", "pwd", "token", "credential", "key"}

// CredentialStems are substrings, in lower case, of every name
// IsCredentialName accepts: a text without any of them names no
// credential.
func CredentialStems() []string { return slices.Clone(credentialStems) }

// containsAnyFold reports whether s contains one of the lower-case stems,
// ignoring ASCII case, without allocating.
func containsAnyFold(s string, stems []string) bool {
	for i := 0; i < len(s); i++ {
		for _, st := range stems {
			if len(s)-i >= len(st) && equalFoldASCII(s[i:i+len(st)], st) {
				return true
			}
		}
	}
	return false
}

func equalFoldASCII(s, lower string) bool {
	for j := 0; j < len(lower); j++ {
		c := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[j] {
			return false
		}
	}
	return true
}

// IsCredentialName reports whether a configuration key or header name says
// its value is a credential (DB_PASSWORD, STRIPE_API_KEY, GITHUB_TOKEN,
// X-Api-Key, X-Client-Secret), so outputs redact the value like a client
// secret's.
func IsCredentialName(name string) bool {
	// Most keys name nothing secret; a case-insensitive look for the
	// words' stems spares splitting a long path into words.
	if !containsAnyFold(name, credentialStems) {
		return false
	}
	words := Words(name)
	for i, w := range words {
		switch w {
		case "secret", "password", "passwd", "pwd", "token", "credential", "credentials", "apikey", "privatekey":
			return true
		case "key":
			if i > 0 && (words[i-1] == "api" || words[i-1] == "private" || words[i-1] == "access" || words[i-1] == "secret") {
				return true
			}
		}
	}
	return false
}
