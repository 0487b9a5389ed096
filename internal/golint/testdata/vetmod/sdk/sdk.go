// Package sdk uses the Genesys Cloud Go SDK with client credentials.
package sdk

import (
	"os"

	"github.com/mypurecloud/platform-client-sdk-go/v188/platformclientv2"
	"golang.org/x/oauth2/clientcredentials"
)

// Me calls /api/v2/users/me with a client-credentials token.
func Me() error {
	config := platformclientv2.GetDefaultConfiguration()
	if err := config.AuthorizeClientCredentials(os.Getenv("GENESYS_CLOUD_CLIENT_ID"), os.Getenv("GENESYS_CLOUD_CLIENT_SECRET")); err != nil {
		return err
	}
	_, _, err := platformclientv2.NewUsersApi().GetUsersMe(nil, "", nil)
	return err
}

// Config is an x/oauth2 client with a token URL on the wrong path.
var Config = clientcredentials.Config{TokenURL: "https://login.mypurecloud.ie/api/v2/oauth/token"}
