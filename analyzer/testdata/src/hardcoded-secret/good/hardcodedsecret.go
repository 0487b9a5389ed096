// Package hardcodedsecret reads every secret at run time, from the
// environment or the caller: nothing is committed.
package hardcodedsecret

import (
	"net/http"
	"net/url"
	"os"
	"strings"

	"github.com/mypurecloud/platform-client-sdk-go/v188/platformclientv2"
	"golang.org/x/oauth2/clientcredentials"
)

func cfg() *clientcredentials.Config {
	return &clientcredentials.Config{
		ClientID:     os.Getenv("GENESYS_CLOUD_CLIENT_ID"),
		ClientSecret: os.Getenv("GENESYS_CLOUD_CLIENT_SECRET"),
		TokenURL:     "https://login.mypurecloud.com/oauth/token",
	}
}

func sdk() error {
	config := platformclientv2.GetDefaultConfiguration()
	config.BasePath = "https://api.mypurecloud.com"
	return config.AuthorizeClientCredentials(os.Getenv("GENESYS_CLOUD_CLIENT_ID"), os.Getenv("GENESYS_CLOUD_CLIENT_SECRET"))
}

func basic(form url.Values, id, secret string) (*http.Response, error) {
	req, err := http.NewRequest("POST", "https://login.mypurecloud.com/oauth/token", strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(id, secret)
	return http.DefaultClient.Do(req)
}
