package keyword

import "bytes"

// ContainsBy is bytes.Contains(text, []byte(word)), found by looking for
// the byte of word at index at, which should be rarer in the texts asked
// than word's first byte, where bytes.Index starts: a "t" or "c" stops
// it every few bytes of prose or JSON, a "k" or "j" seldom.
func ContainsBy(text []byte, word string, at int) bool {
	for i := at; i < len(text); i++ {
		j := bytes.IndexByte(text[i:], word[at])
		if j < 0 {
			return false
		}
		i += j
		if i-at+len(word) <= len(text) && string(text[i-at:i-at+len(word)]) == word {
			return true
		}
	}
	return false
}
