package rules

import "strings"

// Role says what a request is for.
type Role uint8

const (
	// RoleUnknown: the front end could not tell; Run classifies it (a
	// grant_type in the body or a known token endpoint makes it a token
	// request, anything else is an API call).
	RoleUnknown Role = iota
	// RoleToken: a request to a token endpoint (a grant).
	RoleToken
	// RoleAPI: a call that carries a token.
	RoleAPI
)

func (r Role) String() string {
	switch r {
	case RoleToken:
		return "token request"
	case RoleAPI:
		return "API call"
	}
	return "request"
}

// BodyKind is how a request body is written.
type BodyKind uint8

const (
	BodyNone BodyKind = iota
	BodyForm          // application/x-www-form-urlencoded fields
	BodyJSON          // a JSON document
	BodyRaw           // anything else, or text the front end could not classify
	// BodyMultipart: multipart/form-data parts (curl -F, the form-data
	// modes of Postman, Insomnia and Bruno); Fields are the parts.
	BodyMultipart
)

// Encoding says what the mechanism that writes a form field does to its
// value on the wire.
type Encoding uint8

const (
	// EncodingRaw: the bytes go out as written (curl -d, an .http body, a
	// hand-built string). The writer must percent-encode.
	EncodingRaw Encoding = iota
	// EncodingFull: the mechanism percent-encodes the value (curl
	// --data-urlencode, url.Values.Encode, x/oauth2, Postman's OAuth helper).
	EncodingFull
	// EncodingExceptPlus: encodes & but sends + as written (Postman's
	// urlencoded body mode, postmanlabs/postman-app-support#8849).
	EncodingExceptPlus
	// EncodingURLChars: encodes what a URL cannot carry (space, non-ASCII,
	// a "%" that starts no escape) and sends + & = / ? # and %XX escapes as
	// written (VS Code REST Client's formParamEncodingStrategy
	// "automatic", its default, which runs the encodeurl package).
	EncodingURLChars
	// EncodingComponent: encodes every character of the value, "%"
	// included, so an escape written by hand is sent as its literal text
	// (REST Client's formParamEncodingStrategy "always": encodeURIComponent
	// on each name and value).
	EncodingComponent
	// EncodingJetBrains: the JetBrains HTTP Client's form layout: pairs
	// joined over lines, whitespace around names and values dropped,
	// %& %= %+ %% written for a literal & = + %, everything else encoded
	// but a bare "+", which goes out as a form space.
	EncodingJetBrains
	// EncodingEitherHTTPClient: an .http file whose client cannot be told
	// (JetBrains or REST Client with its default): only what is wrong in
	// both is wrong.
	EncodingEitherHTTPClient
)

// A Field is one name=value pair of a form body or query string.
type Field struct {
	Name     Value
	Value    Value
	Encoding Encoding
	// Via names how the field was written, for messages ("curl -d",
	// "--data-urlencode", "url.Values"); empty means the request's Via.
	Via string
}

// A Body is a request body.
type Body struct {
	Kind   BodyKind
	Raw    Value   // the body as written, when there is such a text
	Fields []Field // form fields (BodyForm), or top-level JSON members (BodyJSON)
	// Via names the construct that set the body ("--json", "-d", "json.Marshal").
	Via string
	// Untyped: the mechanism sends the body with no Content-Type of its
	// own (an .http request body, Go http.NewRequest + Client.Do), so only
	// an explicit header types it. False means the mechanism adds one (curl
	// -d/--data-urlencode, http.PostForm, the urlencoded body modes of
	// Postman, Insomnia and Bruno) or the front end cannot tell:
	// missing-content-type judges untyped bodies only.
	Untyped bool
}

// Field returns the last field named name (as servers read the last one), or nil.
func (b *Body) Field(name string) *Field {
	if b == nil {
		return nil
	}
	for i := len(b.Fields) - 1; i >= 0; i-- {
		if b.Fields[i].Name.Known() && strings.EqualFold(b.Fields[i].Name.Text, name) {
			return &b.Fields[i]
		}
	}
	return nil
}

// A Header is one request header.
type Header struct {
	Name  Value
	Value Value
}

// AuthKind is how a request authenticates.
type AuthKind uint8

const (
	AuthNone   AuthKind = iota
	AuthBasic           // Authorization: Basic, curl -u, SetBasicAuth
	AuthBearer          // a token
	AuthOAuth2          // a client library or tool helper that runs the grant itself
)

// Auth is a request's authentication as the source states it.
type Auth struct {
	User   Value // Basic user / client id
	Secret Value // Basic password / client secret / bearer token
	Via    string
	Kind   AuthKind
	// Encodes: the mechanism percent-encodes User and Secret before use
	// (x/oauth2's header style); curl -u and SetBasicAuth do not.
	Encodes bool
}

// A Request is one HTTP request as the source describes it.
//
// A large file holds a request per line or two, so what most requests do
// not state sits behind a pointer (Auth, Grant, InsecureAt) and the small fields
// sit together: a request of a config file is 224 bytes, not 448.
type Request struct {
	Method  Value // zero when the source does not say (the tool's default applies)
	URL     Value
	Headers []Header
	Body    *Body
	// Auth is the authentication the source states; nil when it states
	// none (see AuthOf).
	Auth *Auth
	// Grant is the OAuth grant type this token request asks for, when the
	// source states it outside a body field (a helper's grant_type setting);
	// nil when it does not (see OrNil, GrantType).
	Grant *Value
	// Via names the tool or library that sends the request ("curl",
	// "http file", "net/http", "golang.org/x/oauth2", "Genesys Go SDK").
	Via string
	// Pos is the span of the whole request, for findings about something
	// missing from it.
	Pos Span
	// Insecure: the request is sent without verifying the server's TLS
	// certificate (curl -k/--insecure, Go tls.Config{InsecureSkipVerify:
	// true} on the transport of the client that sends it). InsecureAt is
	// where the source says so; nil or an empty span means Pos.
	InsecureAt *Span
	Role       Role
	Insecure   bool
	// Library is true when a client library builds the wire request itself
	// (x/oauth2, an SDK, Postman's OAuth helper): it encodes the body and
	// sets the content type, so rules about hand-built requests stay silent.
	// (The flags sit together: a large file holds a request per line.)
	Library bool
	// Commented: the request is commented-out code (# curl ...). Only
	// rules that judge committed text (Rule.Commented) see it.
	Commented bool
}

// Header returns the last header named name (case-insensitive), or nil.
func (r *Request) Header(name string) *Header {
	for i := len(r.Headers) - 1; i >= 0; i-- {
		if r.Headers[i].Name.Known() && strings.EqualFold(r.Headers[i].Name.Text, name) {
			return &r.Headers[i]
		}
	}
	return nil
}

// SetAuth sets the request's authentication. An Auth that states nothing
// (no kind, user or secret) leaves Auth nil: curl -u with --digest has no
// Basic kind but its secret is still one.
func (r *Request) SetAuth(a Auth) {
	if a.Kind == AuthNone && a.User.IsZero() && a.Secret.IsZero() {
		r.Auth = nil
		return
	}
	r.Auth = &a
}

// OrNil is &v, or nil when v is zero: a field of the model that most
// sources leave unstated (Request.Grant) is a pointer.
func OrNil(v Value) *Value {
	if v.IsZero() {
		return nil
	}
	return &v
}

// MarkInsecure records that the request is sent without verifying TLS
// certificates, as the source says at at.
func (r *Request) MarkInsecure(at Span) {
	r.Insecure, r.InsecureAt = true, &at
}

// AuthKind is how the request authenticates: AuthNone when the source
// states nothing.
func (r *Request) AuthKind() AuthKind {
	if r.Auth == nil {
		return AuthNone
	}
	return r.Auth.Kind
}

// GrantType is the grant the request asks for: Grant, else the body's
// grant_type field. The zero Value means none is stated.
func (r *Request) GrantType() Value {
	if r.Grant != nil {
		return *r.Grant
	}
	if f := r.Body.Field("grant_type"); f != nil {
		return f.Value
	}
	return Value{}
}

// SettingKind is what a declared setting means.
type SettingKind uint8

const (
	SettingRegion       SettingKind = iota + 1 // a region code or SDK key (us-east-1, us_east_1)
	SettingEnvironment                         // a region domain (mypurecloud.com)
	SettingBaseURL                             // an API base URL
	SettingClientID                            // an OAuth client id
	SettingClientSecret                        // an OAuth client secret or other credential
	SettingGrantType                           // a declared grant type
)

// A Setting is something a unit declares outside any request: a region,
// an environment, a base URL, a credential.
type Setting struct {
	Key   Value // the key or variable name as written
	Value Value
	Kind  SettingKind
	// Commented: the setting is commented-out code (# CLIENT_SECRET=...).
	Commented bool
}

// A Unit is what one rule run sees together: one config file, or one Go
// package.
type Unit struct {
	// Name is the file path or package path, for messages.
	Name     string
	Requests []*Request
	Settings []Setting
	// Beside are settings that files beside this one write down for the
	// variables it uses (a Terraform module's tfvars and other .tf files,
	// the .env beside a script): only the inference of what a templated
	// host holds reads them, no rule judges them, and their spans point
	// into those files, so a finding they decide names them as Related.
	Beside []Setting
	// Origins are the uses of a variable whose value is written in another
	// file (a collection's environment): a finding at such a use names
	// the place of the value as Related.
	Origins []Origin
	// Secrets are spans of credential values that no output may show,
	// beyond those Run derives from the requests and settings.
	Secrets []Span
}

// An Origin is one use of a variable, At in the unit's file, whose value
// the front end took from Value, a span of another file.
type Origin struct {
	At    Span
	Name  string
	Value Span
}

// Severity ranks findings.
type Severity int

const (
	// Note: worth knowing, not worth failing a run for (a sample secret
	// for a local test server); the default -fail-on warning ignores it.
	Note Severity = iota + 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Note:
		return "note"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "off"
}

// ParseSeverity reads "error", "warning" or "note".
func ParseSeverity(s string) (Severity, bool) {
	switch strings.ToLower(s) {
	case "error":
		return Error, true
	case "warning":
		return Warning, true
	case "note":
		return Note, true
	}
	return 0, false
}

// A TextEdit replaces the bytes Start:End of File with New.
type TextEdit struct {
	Span
	New string
}

// A Fix is a certain correction.
type Fix struct {
	Message string
	Edits   []TextEdit
}

// A Related location is another place a diagnostic's message refers to.
type Related struct {
	Span    Span
	Message string
}

// A Diagnostic is what a rule says about one problem: where it is, how bad,
// what is wrong and how to fix it. It holds nothing a driver adds (line and
// column, fingerprint, source snippet, suppression), as go/analysis keeps
// Diagnostic apart from what its drivers print: internal/lint and the Go
// analyzer each wrap it in their own terms.
type Diagnostic struct {
	Rule     string
	Severity Severity
	Message  string
	Span     Span
	Fix      *Fix
	// Related are the other places in the source the message speaks of
	// (the region a host contradicts, the grant that makes a token
	// user-less), for reporters that link locations (SARIF
	// relatedLocations, go/analysis Related, LSP related information, a
	// line under the text snippet).
	Related []Related
	// Key is the normalised flagged construct (never a secret): with Rule
	// and the file it makes the fingerprint, so baselines survive edits
	// that move lines.
	Key string
}

// Names front ends use in Request.Via and Field.Via, so rules can name the
// encoded alternative for the mechanism at hand.
const (
	ViaCurl          = "curl"
	ViaCurlURLEncode = "curl --data-urlencode"
	ViaHTTPFile      = "http file"
	ViaGo            = "Go"
	ViaConfig        = "config"
)

// Values calls fn on every Value of the unit, so a front end that lints text
// embedded in another file (a Markdown fence, a YAML block scalar) can map
// positions back to the outer file in one place.
func (u *Unit) Values(fn func(*Value)) {
	for _, r := range u.Requests {
		r.values(fn)
	}
	for i := range u.Settings {
		fn(&u.Settings[i].Key)
		fn(&u.Settings[i].Value)
	}
}

// values calls fn on every Value of the request.
func (r *Request) values(fn func(*Value)) {
	fn(&r.Method)
	fn(&r.URL)
	if r.Grant != nil {
		fn(r.Grant)
	}
	for i := range r.Headers {
		fn(&r.Headers[i].Name)
		fn(&r.Headers[i].Value)
	}
	if r.Body != nil {
		fn(&r.Body.Raw)
		for i := range r.Body.Fields {
			fn(&r.Body.Fields[i].Name)
			fn(&r.Body.Fields[i].Value)
		}
	}
	if r.Auth != nil {
		fn(&r.Auth.User)
		fn(&r.Auth.Secret)
	}
}

// Spans calls fn on every Span of the unit that is not inside a Value.
func (u *Unit) Spans(fn func(*Span)) {
	for _, r := range u.Requests {
		fn(&r.Pos)
		if r.InsecureAt != nil {
			fn(r.InsecureAt)
		}
	}
	for i := range u.Secrets {
		fn(&u.Secrets[i])
	}
}
