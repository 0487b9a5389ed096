package hand

import (
	"net/http"
	"net/url"
	"testing"
)

// A test that talks to the wrong path; the package and its test variant
// both hold hand.go, whose findings must be reported once.
func TestPath(t *testing.T) {
	_, _ = http.PostForm("https://login.mypurecloud.com/api/v2/oauth/token", url.Values{"grant_type": {"client_credentials"}})
}
