// Package sdkbase points the SDK at a region's API host; the SDK derives
// the login host from it.
package sdkbase

import "github.com/mypurecloud/platform-client-sdk-go/v188/platformclientv2"

func login(id, secret string) error {
	config := platformclientv2.NewConfiguration()
	config.BasePath = "https://api.mypurecloud.de"
	return config.AuthorizeClientCredentials(id, secret)
}
