// Package hardcodedsecret commits client secrets in the source.
package hardcodedsecret

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"strings"

	"github.com/mypurecloud/platform-client-sdk-go/v188/platformclientv2"
	"golang.org/x/oauth2/clientcredentials"
)

func cfg() *clientcredentials.Config {
	return &clientcredentials.Config{
		ClientID:     "2f1c0b8e-5d4a-4c3b-9e8f-7a6b5c4d3e2f",
		ClientSecret: "Jq8vL2x9TzR4wY7nB3mK5pQsXc1-dF6hGt0eWy9uIo2", // want `warning: the client secret .* is a literal secret committed with the file.*\[hardcoded-secret\]`
		TokenURL:     "https://login.mypurecloud.com/oauth/token",
	}
}

func sdk() error {
	config := platformclientv2.GetDefaultConfiguration()
	config.BasePath = "https://api.mypurecloud.com"
	return config.AuthorizeClientCredentials("2f1c0b8e-5d4a-4c3b-9e8f-7a6b5c4d3e2f", "Jq8vL2x9TzR4wY7nB3mK5pQsXc1-dF6hGt0eWy9uIo3") // want `literal secret committed.*\[hardcoded-secret\]`
}

func basic(form url.Values) (*http.Response, error) {
	req, err := http.NewRequest("POST", "https://login.mypurecloud.com/oauth/token", strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth("my-client", "Jq8vL2x9TzR4wY7nB3mK5pQsXc1-dF6hGt0eWy9uIo4") // want `literal secret committed.*\[hardcoded-secret\]`
	return http.DefaultClient.Do(req)
}

// From the environment, and placeholders: nothing.
func good(ctx context.Context) *http.Client {
	c := &clientcredentials.Config{
		ClientID:     os.Getenv("GENESYS_CLOUD_CLIENT_ID"),
		ClientSecret: os.Getenv("GENESYS_CLOUD_CLIENT_SECRET"),
		TokenURL:     "https://login.mypurecloud.com/oauth/token",
	}
	_ = &clientcredentials.Config{ClientID: "your-client-id", ClientSecret: "YOUR_CLIENT_SECRET", TokenURL: "https://login.mypurecloud.ie/oauth/token"}
	return c.Client(ctx)
}
