// Package analyzer finds OAuth token-request mistakes in Go source: an
// analysis.Analyzer named "tokenlint" that turns a type-checked package
// into one rules.Unit and reports what the rules engine finds in it, with
// the same rule IDs and messages as tokenlint's config front ends.
//
// It recognises, through types and import paths and never by variable
// names:
//
//   - requests built with net/http: NewRequest[WithContext], Post,
//     PostForm, Get, Head (as functions or *http.Client methods, the
//     client in a variable or a struct field), http.Request literals,
//     and requests changed field by field (req.URL, req.Method,
//     req.Header, req.Body), Header.Set/Add, SetBasicAuth, until
//     Client.Do or Transport.RoundTrip; a function that returns a request
//     it builds hands it to its callers;
//   - URLs from url.Parse, url.URL{Scheme, Host, Path, RawQuery}
//     literals, JoinPath, ResolveReference, path.Join, strings.Builder,
//     fmt.Sprintf and "+"; bodies from strings/bytes readers and buffers,
//     url.Values, url.QueryEscape and encoding/json;
//   - the client libraries of the catalog's [[go_client]] entries, by
//     import path: go-retryablehttp (net/http's API), resty and req
//     (request builders), azidentity credentials and GetToken's scopes,
//     the Microsoft Graph SDK's request builders (client.Me());
//   - golang.org/x/oauth2 and its clientcredentials package (token URLs,
//     the grant and the scopes; the library encodes the request itself);
//   - the Genesys Cloud Go SDK (github.com/mypurecloud/platform-client-sdk-go,
//     any major version): Configuration.BasePath, AuthorizeClientCredentials,
//     the user grants, and every *Api method mapped to its HTTP path.
//
// # Value flow
//
// A string is followed to what the source makes it from: constants, a
// variable's or a package-level variable's single assignment (result 0
// of url.Parse and other (value, error) calls included), a struct field
// of the package written in one place (a keyed literal or one
// assignment), a helper function's result with its parameters bound to
// the call's arguments, and a parameter whose callers in the package all
// pass the same value. A value the analyzer cannot resolve is unknown,
// not wrong; a variable assigned twice is unknown. Requests are followed
// by position: a mutation applies to the request its variable holds at
// that point, so a variable reused for the next request (the Genesys
// tutorial's request = http.Request{...}) does not mix the two.
//
// Findings point at the line a user fixes: the definition of a value,
// not its use. A definition used more than once is reported there with
// no suggested fix, since editing it changes every use; a value that
// crosses files or packages is anchored at the use in this file.
//
// An environment variable that holds a provider's region domain by the
// provider's own convention (the catalog's domain_env:
// GENESYS_CLOUD_ENVIRONMENT) stays unknown but keeps its kind, so
// "https://api." + it is judged as that provider's API host.
//
// # Facts, not SSA
//
// Across packages the analyzer exports a valueFact for each exported
// function whose first result is a string it builds with literal text
// (literal parts and parameter holes: tokens.URL(domain) is
// "https://login." + {0} + "/oauth/token") and for each exported string
// variable assigned once; a call in an importing package fills the holes
// with its arguments. Within a package the same summaries are computed
// on demand from the syntax.
//
// SSA (golang.org/x/tools/go/ssa through buildssa) was not used, for
// three reasons. The rules need the byte spans of literal text inside a
// string (to point at "api." inside a format string and to fix it), and
// SSA folds constants and keeps positions only per instruction. The
// values followed are strings and request values built in straight-line
// code, where syntax and types.Info are enough and the one flow question
// (which assignment a use sees) is answered by position. And under
// go vet every dependency runs the analyzer for its facts: buildssa
// would build SSA for every function of every dependency, where the
// valueFact export reads only exported functions with a string result,
// skips the standard library and the catalogued clients' own packages,
// and skips a package that declares none.
//
// Under go vet a dependency unit is not even type-checked when it cannot
// matter (UnitMatters: the standard library; no net/http, x/oauth2, SDK
// or catalogued-client import and no exported function or variable that
// mayExportFacts; no import that carries facts to pass through):
// internal/vetunit skips it and gives the units that do matter their
// imports' types from the compiled packages. On golang.org/x/tools
// ./go/... that is 21 of 483 units.
//
// Under `tokenlint ./...` (internal/golint) facts flow between the
// packages being linted and the packages of their own modules that they
// import, which are analysed for their facts alone when the patterns do
// not name them; other modules' packages are loaded from export data
// without syntax and give none. A package that does not fully
// type-check (an SDK version missing from the module cache) is analysed
// as far as it does (RunDespiteErrors); the driver names what failed.
//
// The analyzer is importable for multichecker, nogo and golangci-lint;
// tokenlint itself runs it with go vet -vettool (internal/vetunit in
// front of unitchecker) and over
// `tokenlint ./...` (internal/golint).
package analyzer
