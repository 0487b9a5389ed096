// Package lookalikes holds real token URLs of other providers that look
// like mistakes to a Genesys-only eye: api.* token hosts (from
// golang.org/x/oauth2/endpoints), an /api/v2/oauth/token path of another
// provider, a loopback test server. Nothing to report.
package lookalikes

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
	"golang.org/x/oauth2/endpoints"
)

var amazon = oauth2.Endpoint{TokenURL: "https://api.amazon.com/auth/o2/token"}

var yahoo = oauth2.Endpoint{TokenURL: "https://api.login.yahoo.com/oauth2/get_token"}

func configs(ctx context.Context) []*http.Client {
	return []*http.Client{
		(&oauth2.Config{Endpoint: endpoints.Amazon}).Client(ctx, nil),
		(&oauth2.Config{Endpoint: endpoints.AzureAD("tenant")}).Client(ctx, nil),
		(&clientcredentials.Config{TokenURL: endpoints.Fitbit.TokenURL}).Client(ctx),
		(&clientcredentials.Config{TokenURL: "https://api.paypal.com/v1/identity/openidconnect/tokenservice"}).Client(ctx),
	}
}

func otherProvider(form url.Values) (*http.Response, error) {
	return http.Post("https://api.example.com/api/v2/oauth/token", "application/x-www-form-urlencoded", strings.NewReader("grant_type=client_credentials"))
}

func loopback(form url.Values) (*http.Response, error) {
	return http.PostForm("http://127.0.0.1:8080/oauth/token", form)
}
