package rules

import "strings"

// A URL is a request URL cut into parts, each a Value so rules can point at
// (and fix) the host or path alone. A part that is zero was not written.
type URL struct {
	Scheme Value
	// Userinfo is what the authority has before its last "@" (id:secret).
	Userinfo Value
	Host     Value // host name without port
	Port     Value
	Path     Value
	Query    Value // without the "?"
}

// HostName is the host as lower-case text, and whether it is fully known.
func (u URL) HostName() (string, bool) {
	if !u.Host.Known() {
		return "", false
	}
	return strings.ToLower(u.Host.Text), true
}

// domainHost splits a host written as a literal prefix and one dynamic
// run that holds a provider's region domain ("api." + environment): the
// prefix and the provider ID.
func (u URL) domainHost() (prefix, provider string, ok bool) {
	h := u.Host
	if len(h.Segs) == 0 {
		return "", "", false
	}
	last := h.Segs[len(h.Segs)-1]
	if !last.Dynamic || last.Domain() == "" || h.Slice(0, int(last.Off)).HasDynamic() {
		return "", "", false
	}
	return strings.ToLower(h.Text[:last.Off]), last.Domain(), true
}

// Password is the secret part of the userinfo: after its first ":", or
// all of it when it has none (https://TOKEN@host); zero when there is no
// userinfo.
func (u URL) Password() Value {
	if u.Userinfo.IsZero() || u.Userinfo.Text == "" {
		return Value{}
	}
	if _, pw, ok := u.Userinfo.Cut(':'); ok {
		return pw
	}
	return u.Userinfo
}

// PathText is the path as text, and whether it is fully known. A URL with
// a known host and no path has the path "".
func (u URL) PathText() (string, bool) {
	if u.Path.IsZero() {
		return "", u.Host.Known()
	}
	return u.Path.Text, u.Path.Known()
}

// ParseURL cuts v into parts. A dynamic prefix such as {{baseUrl}} or
// $BASE stands for scheme and host: the host is then dynamic and the path
// starts at the first literal "/".
func ParseURL(v Value) URL {
	var u URL
	v = v.TrimSpace()
	rest := v
	if i := literalIndex(v, "://"); i >= 0 {
		u.Scheme = v.Slice(0, i)
		rest = v.Slice(i+3, len(v.Text))
	} else if len(v.Text) > 0 && v.DynamicAt(0) {
		// {{base}}/path: the dynamic run is the base.
		j := 0
		for j < len(v.Text) && v.DynamicAt(j) {
			j++
		}
		u.Host = v.Slice(0, j)
		rest = v.Slice(j, len(v.Text))
		return cutPathQuery(u, rest)
	} else if strings.HasPrefix(v.Text, "/") {
		return cutPathQuery(u, v)
	} else if first, _, _ := strings.Cut(v.Text, "/"); !strings.Contains(first, ".") && first != "localhost" && !strings.Contains(first, ":") {
		// Not a host at all (a relative path or a word).
		return cutPathQuery(u, v)
	}
	// Authority up to the first literal / ? #.
	end := len(rest.Text)
	for i := 0; i < len(rest.Text); i++ {
		if c := rest.Text[i]; (c == '/' || c == '?' || c == '#') && !rest.DynamicAt(i) {
			end = i
			break
		}
	}
	auth := rest.Slice(0, end)
	if at := strings.LastIndexByte(auth.Text, '@'); at >= 0 && !auth.DynamicAt(at) {
		u.Userinfo = auth.Slice(0, at)
		auth = auth.Slice(at+1, len(auth.Text))
	}
	u.Host = auth
	if c := strings.LastIndexByte(auth.Text, ':'); c >= 0 && !auth.DynamicAt(c) && !strings.HasSuffix(auth.Text, "]") {
		u.Host = auth.Slice(0, c)
		u.Port = auth.Slice(c+1, len(auth.Text))
	}
	return cutPathQuery(u, rest.Slice(end, len(rest.Text)))
}

func cutPathQuery(u URL, rest Value) URL {
	if h := literalIndex(rest, "#"); h >= 0 {
		rest = rest.Slice(0, h)
	}
	if q := literalIndex(rest, "?"); q >= 0 {
		u.Query = rest.Slice(q+1, len(rest.Text))
		rest = rest.Slice(0, q)
	}
	if len(rest.Text) > 0 {
		u.Path = rest
	}
	return u
}

// literalIndex is strings.Index restricted to matches in literal text.
func literalIndex(v Value, sub string) int {
	off := 0
	for {
		i := strings.Index(v.Text[off:], sub)
		if i < 0 {
			return -1
		}
		i += off
		lit := true
		for k := i; k < i+len(sub); k++ {
			if v.DynamicAt(k) {
				lit = false
				break
			}
		}
		if lit {
			return i
		}
		off = i + 1
	}
}

// ParseForm cuts a form-encoded text into fields, splitting only at
// literal & and =.
func ParseForm(v Value, enc Encoding, via string) []Field {
	var out []Field
	for _, pair := range v.Split('&') {
		if len(pair.Text) == 0 {
			continue
		}
		name, val, _ := pair.Cut('=')
		out = append(out, Field{Name: name, Value: val, Encoding: enc, Via: via})
	}
	return out
}
