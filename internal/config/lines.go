package config

import (
	"fmt"
	"strings"
)

// keyLines maps each dotted key path of a TOML text to the line where it is
// set, so errors about keys and values can name a line: BurntSushi/toml
// keeps key positions private. It understands table headers, dotted and
// quoted keys and arrays of tables (each element also under an indexed
// path, provider[1].token_path); keys inside inline tables and multi-line
// strings fall back to the line of their enclosing key.
func keyLines(src string) map[string]int {
	out := map[string]int{}
	var table, plainTable []string
	indexed := map[string]string{} // plain table path -> its current indexed path
	count := map[string]int{}
	inMulti := ""
	for i, line := range strings.Split(src, "\n") {
		n := i + 1
		t := strings.TrimSpace(line)
		if inMulti != "" {
			if strings.Contains(t, inMulti) {
				inMulti = ""
			}
			continue
		}
		if t == "" || t[0] == '#' {
			continue
		}
		if strings.HasPrefix(t, "[") {
			h := strings.TrimSpace(stripComment(t))
			array := strings.HasPrefix(h, "[[")
			plain := splitKey(strings.Trim(h, "[] \t"))
			// The indexed form names which element of an array of tables:
			// provider[1].user_only[0].
			table = nil
			for k := range plain {
				p := strings.Join(plain[:k+1], ".")
				if k == len(plain)-1 && array {
					parent := strings.Join(table, ".")
					idx := count[parent+"\x00"+p]
					count[parent+"\x00"+p]++
					table = append(table, fmt.Sprintf("%s[%d]", plain[k], idx))
					indexed[p] = strings.Join(table, ".")
					continue
				}
				if ip, ok := indexed[p]; ok {
					table = strings.Split(ip, ".")
				} else {
					table = append(table, plain[k])
				}
			}
			setLine(out, strings.Join(plain, "."), n)
			setLine(out, strings.Join(table, "."), n)
			plainTable = plain
			continue
		}
		before, after, ok := strings.Cut(t, "=")
		if !ok {
			continue
		}
		k := splitKey(before)
		setLine(out, strings.Join(append(append([]string{}, plainTable...), k...), "."), n)
		setLine(out, strings.Join(append(append([]string{}, table...), k...), "."), n)
		rest := strings.TrimSpace(after)
		for _, q := range []string{`"""`, `'''`} {
			if strings.HasPrefix(rest, q) && !strings.Contains(rest[3:], q) {
				inMulti = q
			}
		}
	}
	return out
}

func setLine(m map[string]int, key string, line int) {
	if _, ok := m[key]; !ok {
		m[key] = line
	}
}

// splitKey splits a dotted key, unquoting quoted parts.
func splitKey(s string) []string {
	var parts []string
	for p := range strings.SplitSeq(strings.TrimSpace(s), ".") {
		p = strings.TrimSpace(p)
		p = strings.Trim(p, `"'`)
		parts = append(parts, p)
	}
	return parts
}

func stripComment(s string) string {
	if before, _, ok := strings.Cut(s, "#"); ok {
		return before
	}
	return s
}

// lineOf is the line of the longest prefix of key that is set in the text,
// or 0.
func lineOf(lines map[string]int, key ...string) int {
	for n := len(key); n > 0; n-- {
		if l, ok := lines[strings.Join(key[:n], ".")]; ok {
			return l
		}
	}
	return 0
}
