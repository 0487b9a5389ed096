package analyzer

//go:generate go run ./internal/genops ../docs/facts/genesys-go-sdk-operations.tsv genesys_operations.go

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"
	"sync"

	"github.com/tokenlint/tokenlint/rules"
)

const (
	// sdkModule is the Genesys Cloud Go SDK's module path without its
	// major version suffix (/v188, ...).
	sdkModule = "github.com/mypurecloud/platform-client-sdk-go"
	viaSDK    = "Genesys Go SDK"
	// sdkDefaultBase is Configuration.BasePath when the code does not set
	// it (configuration.go, genesys.md 4).
	sdkDefaultBase = "https://api.mypurecloud.com"
	sdkTokenPath   = "/oauth/token"
)

func isSDKPath(p string) bool { return p == sdkModule || strings.HasPrefix(p, sdkModule+"/") }

// An sdkOperation is one SDK API method's HTTP verb and path.
type sdkOperation struct{ verb, path string }

var (
	sdkOpsOnce sync.Once
	sdkOps     map[string]sdkOperation // by "UsersApi.GetUsersMe"
)

// lookupSDKOperation finds the verb and path of an *Api method.
func lookupSDKOperation(api, method string) (sdkOperation, bool) {
	sdkOpsOnce.Do(func() {
		sdkOps = make(map[string]sdkOperation, sdkOperationCount)
		api := ""
		for line := range strings.SplitSeq(sdkOperationTable, "\n") {
			if line == "" {
				continue
			}
			if line[0] != ' ' {
				api = line
				continue
			}
			f := strings.Fields(line)
			if len(f) == 3 {
				sdkOps[api+"."+f[0]] = sdkOperation{verb: f[1], path: apiPrefix + f[2]}
			}
		}
	})
	op, ok := sdkOps[api+"."+method]
	return op, ok
}

// sdkCall reads a call into the SDK: AuthorizeClientCredentials (a token
// request the SDK builds from BasePath), the user grants, and the *Api
// methods (API calls with the operation's verb and path). Requests wait
// for finishSDK, which knows every BasePath the package sets.
func (b *builder) sdkCall(c *ast.CallExpr, fn *types.Func) {
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return
	}
	_, typ := namedType(recv.Type())
	switch {
	case typ == "Configuration" && fn.Name() == "AuthorizeClientCredentials":
		r := &rules.Request{
			Role:    rules.RoleToken,
			Method:  b.implied(c, "POST"),
			Grant:   rules.OrNil(b.implied(c, "client_credentials")),
			Library: true,
			Via:     viaSDK,
			Pos:     b.span(c),
		}
		if len(c.Args) == 2 {
			r.SetAuth(rules.Auth{Kind: rules.AuthBasic, User: b.str(c.Args[0]), Secret: b.str(c.Args[1]), Via: viaSDK})
		}
		b.sdkPending = append(b.sdkPending, sdkRequest{r, c, ""})
	case typ == "Configuration" && (strings.HasPrefix(fn.Name(), "Authorize") || strings.HasPrefix(fn.Name(), "Refresh")):
		// AuthorizeCodeGrant, AuthorizePKCEGrant, RefreshAuthorizationCodeGrant:
		// the package works with a user's token.
		b.unit.Settings = append(b.unit.Settings, rules.Setting{
			Kind:  rules.SettingGrantType,
			Key:   b.implied(c, fn.Name()),
			Value: b.implied(c, "authorization_code"),
		})
	case strings.HasSuffix(typ, "Api"):
		op, ok := lookupSDKOperation(typ, fn.Name())
		if !ok {
			return
		}
		r := &rules.Request{
			Role:    rules.RoleAPI,
			Method:  b.implied(c, op.verb),
			Library: true,
			Via:     viaSDK,
			Pos:     b.span(c),
		}
		b.sdkPending = append(b.sdkPending, sdkRequest{r, c, op.path})
	}
}

// An sdkRequest waits for the package's base path; path is the API
// operation's path, or "" for the token request.
type sdkRequest struct {
	r    *rules.Request
	call *ast.CallExpr
	path string
}

// sdkAssign reads cfg.BasePath = ... (the API base URL, and through it
// the token host) and cfg.AccessToken = ... (a token of a grant the
// analyzer cannot see) on an SDK Configuration.
func (b *builder) sdkAssign(lhs, rhs ast.Expr) {
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok {
		return
	}
	pkg, name := namedType(b.info.TypeOf(sel.X))
	if !isSDKPath(pkg) || name != "Configuration" {
		return
	}
	switch sel.Sel.Name {
	case "BasePath":
		v := b.str(rhs)
		b.sdkBases = append(b.sdkBases, v)
		b.unit.Settings = append(b.unit.Settings, rules.Setting{Kind: rules.SettingBaseURL, Key: b.implied(sel, "BasePath"), Value: v})
	case "AccessToken":
		sp := b.span(rhs)
		b.unit.Secrets = append(b.unit.Secrets, sp)
		b.unit.Settings = append(b.unit.Settings, rules.Setting{
			Kind:  rules.SettingGrantType,
			Key:   b.implied(sel, "AccessToken"),
			Value: rules.Dyn(sp.File, "AccessToken", sp.Start, sp.End),
		})
	}
}

// finishSDK gives the SDK's requests their URLs: the API calls go to
// BasePath + the operation's path, the token request to BasePath with
// //api. replaced by //login. (as configuration.go does) + /oauth/token.
func (b *builder) finishSDK() {
	for _, p := range b.sdkPending {
		base := b.sdkBase(p.call)
		if p.path != "" {
			p.r.URL = rules.Concat(base, b.implied(p.call, p.path))
		} else {
			p.r.URL = rules.Concat(loginBase(base), b.implied(p.call, sdkTokenPath))
		}
		b.addRequest(p.r, nil)
	}
}

// sdkBase is the BasePath the package's SDK calls use: the one it sets,
// the SDK's default when it sets none, dynamic when it sets several.
func (b *builder) sdkBase(at ast.Node) rules.Value {
	var v rules.Value
	switch {
	case len(b.sdkBases) == 0:
		base, ok := b.defaultSDKBase()
		if !ok {
			sp := b.implied(at, "").Span()
			return rules.Dyn(sp.File, "BasePath", sp.Start, sp.End)
		}
		v = b.implied(at, base)
	case len(b.sdkBases) == 1 || allSameText(b.sdkBases):
		v = b.sdkBases[0]
	default:
		sp := b.implied(at, "").Span()
		return rules.Dyn(sp.File, "BasePath", sp.Start, sp.End)
	}
	if n := len(v.Text); n > 0 && v.Text[n-1] == '/' && !v.DynamicAt(n-1) {
		v = v.Slice(0, n-1)
	}
	return v
}

func allSameText(vals []rules.Value) bool {
	for _, v := range vals[1:] {
		if !v.Known() || !vals[0].Known() || v.Text != vals[0].Text {
			return false
		}
	}
	return true
}

// loginBase replaces a literal "//api." (any case) with "//login.", the
// SDK's derivation of the token host from the API base.
func loginBase(base rules.Value) rules.Value {
	i := strings.Index(strings.ToLower(base.Text), "//api.")
	if i < 0 || base.DynamicAt(i) || base.DynamicAt(i+5) {
		return base
	}
	sp := base.SpanOf(i+2, i+6)
	return rules.Concat(base.Slice(0, i+2), rules.Decoded(sp.File, "login.", sp.Start, sp.End), base.Slice(i+6, len(base.Text)))
}

// apiPrefix is the path prefix every SDK operation has; the generated
// table leaves it out.
const apiPrefix = "/api/v2"

// defaultSDKBase is the base path to assume for SDK calls in a package
// that sets none: the configuration may come from another package, so
// the SDK's default (us-east-1) is assumed only when nothing else in the
// unit, nor a pinned region, names a region; when exactly one region is
// named, its API host; when several are, none (a dynamic host).
func (b *builder) defaultSDKBase() (string, bool) {
	cat := b.catalog()
	prov := cat.Provider("genesys")
	if prov == nil {
		return sdkDefaultBase, true
	}
	var found []*rules.Region
	add := func(pv *rules.Provider, r *rules.Region) {
		if pv == prov && r != nil && !slices.Contains(found, r) {
			found = append(found, r)
		}
	}
	for _, r := range b.unit.Requests {
		if h, ok := rules.ParseURL(r.URL).HostName(); ok {
			info := cat.Host(h)
			add(info.Provider, info.Region)
		}
	}
	for _, s := range b.unit.Settings {
		if s.Value.Known() && (s.Kind == rules.SettingRegion || s.Kind == rules.SettingEnvironment || s.Kind == rules.SettingBaseURL) {
			add(cat.LookupRegion(s.Value.Text))
		}
	}
	if b.opts != nil {
		for _, name := range b.opts.Regions {
			add(cat.LookupRegion(name))
		}
	}
	switch len(found) {
	case 0:
		return sdkDefaultBase, true
	case 1:
		return "https://" + prov.APIHostPrefix + found[0].Domain, true
	}
	return "", false
}
