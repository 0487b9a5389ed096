package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsPlaceholder reports whether text, a value as written, stands for a
// value the reader fills in rather than being one: YOUR_CLIENT_SECRET,
// <client secret>, {client_secret}, [secret], xxxx, ******, abcd...wxyz,
// your_client_secret, CLIENT_SECRET_HERE, "OAUTH CLIENT SECRET". A rule
// treats a placeholder like a variable: its value is unknown, not wrong.
//
// It is the one classifier for every rule: hardcoded-secret does not
// report a placeholder as a committed secret, and unencoded-secret judges
// it as it judges $SECRET, since the value that replaces it is pasted
// into the same raw body.
func IsPlaceholder(text string) bool {
	t := strings.TrimSpace(text)
	if len(t) < 2 {
		return false
	}
	if enclosed(t) {
		return true
	}
	// A mask or a truncation: abcd...wxyz, eyJ . . . Yg, ****, xxxx-xxxx.
	for _, m := range []string{"...", ". .", "…", "***"} {
		if strings.Contains(t, m) {
			return true
		}
	}
	if maskOnly(t) {
		return true
	}
	words := Words(t)
	if len(words) == 0 {
		return false
	}
	// YOUR_CLIENT_SECRET, OAUTH CLIENT SECRET: a name in capitals with word
	// separators, not a value.
	if len(words) > 1 && strings.IndexFunc(t, unicode.IsLower) < 0 && strings.ContainsAny(t, "_ ") &&
		strings.IndexFunc(t, unicode.IsLetter) >= 0 && !strings.ContainsAny(t, "+/=&%") {
		return true
	}
	for i, w := range words {
		switch w {
		case "your", "yours", "placeholder", "replace", "replaceme", "insert", "changeme", "redacted", "fillme", "todo", "tbd":
			return true
		case "here":
			if i == len(words)-1 && len(words) > 1 {
				return true // client_secret_here, SECRET-HERE
			}
		case "my":
			// my_client_secret, my-secret: a name, unless it is the whole value.
			if i == 0 && len(words) > 1 && strings.ContainsAny(t, "_- ") && !strings.ContainsAny(t, "+/=&%") {
				return isNameWords(words[1:])
			}
		}
	}
	return false
}

// enclosed reports whether t is wrapped in the brackets documentation
// uses around a name to fill in: <...>, [...], {...}, and %...% (a Windows
// variable where a front end did not mark it).
func enclosed(t string) bool {
	first, last := t[0], t[len(t)-1]
	switch {
	case first == '<' && last == '>', first == '[' && last == ']', first == '{' && last == '}':
		return true
	case first == '%' && last == '%' && len(t) > 2:
		return true
	}
	return false
}

// maskOnly reports whether t is made of one masking character and
// separators: xxxxxxxx, XXXX-XXXX, ????, ####.
func maskOnly(t string) bool {
	var mask rune
	n := 0
	for _, c := range t {
		if strings.ContainsRune("-_. ", c) {
			continue
		}
		lc := unicode.ToLower(c)
		if !strings.ContainsRune("x*?#•", lc) || mask != 0 && lc != mask {
			return false
		}
		mask = lc
		n++
	}
	return n >= 3
}

// Words splits a name or value into lower-case words at "_", "-", ".",
// spaces and camelCase boundaries: "GENESYS_CLOUD_REGION", "tokenUrl",
// "yourClientSecret", "HTTPServer" (HTTP, Server).
//
// Every key of every config file is split, so the words are cut from name
// itself (strings.ToLower returns a lower-case word as it is): no rune
// slice, no copy of a word that needs none.
func Words(name string) []string {
	var words []string
	start := -1 // where the current word starts, -1 between words
	flush := func(end int) {
		if start >= 0 {
			words = append(words, strings.ToLower(name[start:end]))
			start = -1
		}
	}
	var prev rune
	for i, r := range name {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush(i)
			prev = r
			continue
		case unicode.IsUpper(r) && start >= 0:
			next, _ := utf8.DecodeRuneInString(name[i+utf8.RuneLen(r):])
			// fooBar → foo|Bar; HTTPServer → HTTP|Server.
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || unicode.IsUpper(prev) && unicode.IsLower(next) {
				flush(i)
			}
		}
		if start < 0 {
			start = i
		}
		prev = r
	}
	flush(len(name))
	return words
}

// nameWords are the words a placeholder's name is made of.
var nameWords = map[string]bool{
	"client": true, "secret": true, "id": true, "app": true, "application": true, "oauth": true,
	"password": true, "pass": true, "key": true, "api": true, "token": true, "org": true, "tenant": true,
	"domain": true, "region": true, "env": true, "environment": true, "user": true, "username": true,
	"credentials": true, "credential": true,
}

// isNameWords reports whether every word is a word of a credential's name.
func isNameWords(words []string) bool {
	for _, w := range words {
		if !nameWords[w] {
			return false
		}
	}
	return true
}
