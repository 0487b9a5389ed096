module example.com/vetmod

go 1.22

require (
	github.com/mypurecloud/platform-client-sdk-go/v188 v188.0.0
	golang.org/x/oauth2 v0.0.0
)

// The test stubs of the Genesys SDK and x/oauth2 that the analyzer's
// tests use, so that no module is fetched.
replace github.com/mypurecloud/platform-client-sdk-go/v188 => ../../../../analyzer/testdata/src/github.com/mypurecloud/platform-client-sdk-go/v188

replace golang.org/x/oauth2 => ../../../../analyzer/testdata/src/golang.org/x/oauth2
