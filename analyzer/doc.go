// Package analyzer finds OAuth token-request mistakes in Go source: an
// analysis.Analyzer named "tokenlint" that turns a type-checked package
// into one rules.Unit and reports what the rules engine finds in it, with
// the same rule IDs and messages as tokenlint's config front ends.
//
// It recognises, through types and import paths and never by variable
// names:
//
//   - requests built with net/http (NewRequest[WithContext], Post,
//     PostForm, Get, Head, the same methods of *http.Client), their
//     headers (Header.Set/Add, req.Header["X"] = ...), SetBasicAuth, and
//     bodies from strings/bytes readers, url.Values, url.QueryEscape,
//     encoding/json, fmt.Sprintf and "+";
//   - golang.org/x/oauth2 and its clientcredentials package (token URLs
//     and the grant; the library encodes the request itself);
//   - the Genesys Cloud Go SDK (github.com/mypurecloud/platform-client-sdk-go,
//     any major version): Configuration.BasePath, AuthorizeClientCredentials,
//     the user grants, and every *Api method mapped to its HTTP path.
//
// String values are folded through constants (types.Info), followed to a
// local variable's single assignment, and otherwise dynamic: a value the
// analyzer cannot resolve is unknown, not wrong.
//
// The analyzer is importable for multichecker, nogo and golangci-lint;
// tokenlint itself runs it with go vet -vettool (unitchecker) and over
// `tokenlint ./...` (internal/golint).
package analyzer
