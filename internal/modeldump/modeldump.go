// Package modeldump prints the request model a config front end built from
// a file: its requests, the values in them with their literal and dynamic
// parts and where each came from, and the settings the file declares. It is
// for front-end authors (`tokenlint -debug-model FILE`) and for front-end
// golden tests; rules never see it.
//
// Secrets are masked as in every other output: a literal part whose source
// overlaps a secret span, or whose text is a secret's text, shows only its
// first characters.
package modeldump

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/tokenlint/tokenlint/internal/redact"
	"github.com/tokenlint/tokenlint/rules"
)

// Write prints u, built by the front end named format from src, to w.
// secrets are the spans no output may show (rules.SecretSpans), cat the
// run's catalog (nil: the default one).
func Write(w io.Writer, format string, u *rules.Unit, src []byte, secrets []rules.Span, cat *rules.Catalog) error {
	d := dumper{src: src, file: u.Name, red: redact.New(src, secrets, cat)}
	b := &strings.Builder{}
	fmt.Fprintf(b, "%s: format %s, %d request(s), %d setting(s)\n", u.Name, format, len(u.Requests), len(u.Settings))
	for i, r := range u.Requests {
		fmt.Fprintf(b, "request %d: %s via %q%s at %s\n", i+1, r.Role, r.Via, flags(r), d.span(r.Pos))
		d.value(b, "  method", r.Method)
		d.value(b, "  url", r.URL)
		if r.Grant != nil {
			d.value(b, "  grant", *r.Grant)
		}
		for _, h := range r.Headers {
			d.value(b, "  header", h.Name)
			d.value(b, "    =", h.Value)
		}
		if body := r.Body; body != nil {
			fmt.Fprintf(b, "  body: %s via %q%s\n", bodyKind(body.Kind), body.Via, cond(body.Untyped, ", untyped"))
			d.value(b, "    raw", body.Raw)
			for _, f := range body.Fields {
				d.value(b, "    field", f.Name)
				d.value(b, "      = ("+encoding(f.Encoding)+")", f.Value)
			}
		}
		if a := r.Auth; a != nil && a.Kind != rules.AuthNone {
			fmt.Fprintf(b, "  auth: %s via %q%s\n", authKind(a.Kind), a.Via, cond(a.Encodes, ", encodes"))
			d.value(b, "    user", a.User)
			d.value(b, "    secret", a.Secret)
		}
	}
	for _, s := range u.Settings {
		fmt.Fprintf(b, "setting: %s\n", settingKind(s.Kind))
		d.value(b, "  key", s.Key)
		d.value(b, "  value", s.Value)
	}
	fmt.Fprintf(b, "secret spans: %d\n", len(secrets))
	_, err := io.WriteString(w, b.String())
	return err
}

type dumper struct {
	src  []byte
	file string
	red  *redact.Redactor // the masking every output uses
}

// value prints one labelled value: its parts in order, literal parts quoted
// and dynamic parts as dyn(...), each with the place its source starts.
func (d *dumper) value(b *strings.Builder, label string, v rules.Value) {
	if v.IsZero() {
		return
	}
	var parts []string
	for k, s := range v.Segs {
		end := len(v.Text)
		if k+1 < len(v.Segs) {
			end = int(v.Segs[k+1].Off)
		}
		text := d.mask(v.Text[s.Off:end], s)
		part := strconv.QuoteToASCII(text)
		if s.Dynamic {
			part = "dyn(" + part + ")"
		} else if !s.Verbatim {
			part = "decoded(" + part + ")"
		}
		parts = append(parts, part+"@"+d.pos(v.File, int(s.Start)))
	}
	fmt.Fprintf(b, "%s: %s\n", label, strings.Join(parts, " + "))
}

// mask hides the secret bytes of one part through the redactor every
// output uses: a verbatim part is its file bytes, masked as a snippet is
// (credentials and every copy of their text); a decoded part that touches a
// secret is masked whole, since its bytes do not map one to one, and any
// other is scrubbed of secret texts.
func (d *dumper) mask(text string, s rules.Segment) string {
	switch {
	case s.Dynamic:
		return text
	case s.Verbatim && int(s.End-s.Start) == len(text) && int(s.End) <= len(d.src):
		return d.red.Window(int(s.Start), int(s.End))
	}
	for _, sp := range d.red.Spans() {
		if max(sp.Start, int(s.Start)) < min(sp.End, int(s.End)) {
			return redact.Mask(text)
		}
	}
	return d.red.Scrub(text)
}

// pos is the 1-based line:column of byte off, when it is in this file.
func (d *dumper) pos(file string, off int) string {
	if file != d.file || off < 0 || off > len(d.src) {
		return fmt.Sprintf("%s+%d", file, off)
	}
	line, col := 1, 1
	for _, c := range d.src[:off] {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return fmt.Sprintf("%d:%d", line, col)
}

func (d *dumper) span(s rules.Span) string {
	if s.End <= s.Start {
		return "-"
	}
	return d.pos(s.File, s.Start) + "-" + d.pos(s.File, s.End)
}

func flags(r *rules.Request) string {
	var f []string
	if r.Library {
		f = append(f, "library")
	}
	if r.Insecure {
		f = append(f, "insecure")
	}
	sort.Strings(f)
	if len(f) == 0 {
		return ""
	}
	return " (" + strings.Join(f, ", ") + ")"
}

func cond(b bool, s string) string {
	if b {
		return s
	}
	return ""
}

func bodyKind(k rules.BodyKind) string {
	switch k {
	case rules.BodyNone:
		return "none"
	case rules.BodyForm:
		return "form"
	case rules.BodyJSON:
		return "json"
	case rules.BodyRaw:
		return "raw"
	}
	return "kind " + strconv.Itoa(int(k))
}

func encoding(e rules.Encoding) string {
	switch e {
	case rules.EncodingRaw:
		return "raw"
	case rules.EncodingFull:
		return "encoded"
	case rules.EncodingExceptPlus:
		return "encoded except +"
	case rules.EncodingURLChars:
		return "URL characters encoded (REST Client automatic)"
	case rules.EncodingComponent:
		return "every character encoded (REST Client always)"
	case rules.EncodingJetBrains:
		return "JetBrains form"
	case rules.EncodingEitherHTTPClient:
		return "JetBrains or REST Client form"
	}
	return "encoding " + strconv.Itoa(int(e))
}

func authKind(k rules.AuthKind) string {
	switch k {
	case rules.AuthNone:
		return "none"
	case rules.AuthBasic:
		return "basic"
	case rules.AuthBearer:
		return "bearer"
	case rules.AuthOAuth2:
		return "oauth2 helper"
	}
	return "auth " + strconv.Itoa(int(k))
}

func settingKind(k rules.SettingKind) string {
	switch k {
	case rules.SettingRegion:
		return "region"
	case rules.SettingEnvironment:
		return "environment"
	case rules.SettingBaseURL:
		return "base URL"
	case rules.SettingClientID:
		return "client id"
	case rules.SettingClientSecret:
		return "client secret"
	case rules.SettingGrantType:
		return "grant type"
	}
	return "setting " + strconv.Itoa(int(k))
}
