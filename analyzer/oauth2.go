package analyzer

import (
	"go/ast"
	"strings"

	"github.com/tokenlint/tokenlint/rules"
)

const (
	oauth2Path            = "golang.org/x/oauth2"
	clientCredentialsPath = "golang.org/x/oauth2/clientcredentials"
	viaOAuth2             = "golang.org/x/oauth2"
)

func isOAuth2Path(p string) bool { return p == oauth2Path || strings.HasPrefix(p, oauth2Path+"/") }

// compositeLit reads the x/oauth2 configuration literals:
// clientcredentials.Config (a client-credentials token request the library
// builds), oauth2.Endpoint (a token URL) and oauth2.Config (a user grant:
// authorization code, password or device).
func (b *builder) compositeLit(lit *ast.CompositeLit) {
	pkg, name := namedType(b.info.TypeOf(lit))
	switch {
	case pkg == clientCredentialsPath && name == "Config":
		b.clientCredentials(lit)
	case pkg == oauth2Path && name == "Endpoint":
		if url, ok := b.field(lit, "TokenURL"); ok {
			b.addRequest(&rules.Request{Role: rules.RoleToken, URL: b.str(url), Library: true, Via: viaOAuth2, Pos: b.span(lit)}, nil)
		}
	case pkg == oauth2Path && name == "Config":
		b.unit.Settings = append(b.unit.Settings, rules.Setting{
			Kind:  rules.SettingGrantType,
			Key:   b.typeName(lit),
			Value: b.implied(lit, "authorization_code"),
		})
	}
}

// clientCredentials is the token request a clientcredentials.Config
// literal describes.
func (b *builder) clientCredentials(lit *ast.CompositeLit) {
	r := &rules.Request{
		Role:    rules.RoleToken,
		Method:  b.implied(lit, "POST"),
		Grant:   rules.OrNil(b.implied(lit, "client_credentials")),
		Library: true,
		Via:     viaOAuth2,
		Pos:     b.span(lit),
		Auth:    &rules.Auth{Kind: rules.AuthOAuth2, Encodes: true, Via: viaOAuth2},
	}
	if e, ok := b.field(lit, "TokenURL"); ok {
		r.URL = b.str(e)
	}
	if e, ok := b.field(lit, "ClientID"); ok {
		r.Auth.User = b.str(e)
	}
	if e, ok := b.field(lit, "ClientSecret"); ok {
		r.Auth.Secret = b.str(e)
	}
	if e, ok := b.field(lit, "EndpointParams"); ok {
		r.Body = b.formBody(e, viaOAuth2)
	}
	if e, ok := b.field(lit, "Scopes"); ok {
		b.scopeField(r, e)
	}
	b.addRequest(r, nil)
}

// scopeField adds the scope form field that x/oauth2 sends for Scopes: the
// elements joined by spaces (clientcredentials.go tokenSource.Token), so
// rules about scope values (entra-scope) judge Go as they judge forms.
func (b *builder) scopeField(r *rules.Request, e ast.Expr) {
	list, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return // a variable: the scopes are unknown
	}
	var parts []rules.Value
	for i, elt := range list.Elts {
		if i > 0 {
			sp := b.span(elt)
			parts = append(parts, rules.Decoded(sp.File, " ", sp.Start, sp.Start))
		}
		parts = append(parts, b.str(elt))
	}
	if len(parts) == 0 {
		return
	}
	if r.Body == nil {
		r.Body = &rules.Body{Kind: rules.BodyForm, Via: viaOAuth2}
	}
	sp := b.span(e)
	r.Body.Fields = append(r.Body.Fields, rules.Field{
		Name:     rules.Decoded(sp.File, "scope", sp.Start, sp.Start),
		Value:    rules.Concat(parts...),
		Encoding: rules.EncodingFull,
		Via:      viaOAuth2,
	})
}

// oauth2Assign reads cfg.TokenURL = ... on a clientcredentials.Config or
// an oauth2.Endpoint.
func (b *builder) oauth2Assign(lhs, rhs ast.Expr) {
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "TokenURL" {
		return
	}
	pkg, name := namedType(b.info.TypeOf(sel.X))
	r := &rules.Request{Role: rules.RoleToken, URL: b.str(rhs), Library: true, Via: viaOAuth2, Pos: b.span(sel)}
	switch {
	case pkg == clientCredentialsPath && name == "Config":
		r.Grant = rules.OrNil(b.implied(sel, "client_credentials"))
	case pkg == oauth2Path && name == "Endpoint":
	default:
		return
	}
	b.addRequest(r, nil)
}

// field is the value of a keyed field in a struct literal.
func (b *builder) field(lit *ast.CompositeLit, name string) (ast.Expr, bool) {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return kv.Value, true
			}
		}
	}
	return nil, false
}

// typeName is the literal's type name as a Value.
func (b *builder) typeName(lit *ast.CompositeLit) rules.Value {
	_, name := namedType(b.info.TypeOf(lit))
	return b.implied(lit, name)
}
