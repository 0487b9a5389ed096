// Package sdkbase points the SDK at a host that does not exist; the SDK
// derives the token host from it.
package sdkbase

import "github.com/mypurecloud/platform-client-sdk-go/v188/platformclientv2"

func login(id, secret string) error {
	config := platformclientv2.NewConfiguration()
	config.BasePath = "https://api.us.genesys.cloud" // want `error: login.us.genesys.cloud is not a Genesys Cloud host .*\[token-host\]`
	return config.AuthorizeClientCredentials(id, secret)
}
