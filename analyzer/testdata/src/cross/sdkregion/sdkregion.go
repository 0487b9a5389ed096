// Package sdkregion calls the SDK with a configuration set up elsewhere
// and asks for tokens by hand in Ireland: the SDK's default region is not
// assumed, so nothing is reported as a region mismatch, while
// /api/v2/users/me still is a user-only call.
package sdkregion

import (
	"net/http"
	"net/url"

	"github.com/mypurecloud/platform-client-sdk-go/v188/platformclientv2"
)

func token(form url.Values) (*http.Response, error) {
	form.Set("grant_type", "client_credentials")
	return http.PostForm("https://login.mypurecloud.ie/oauth/token", form)
}

func me(config *platformclientv2.Configuration) error {
	_, _, err := platformclientv2.NewUsersApiWithConfig(config).GetUsersMe(nil, "", nil) // want `GET /api/v2/users/me needs a user.*\[user-scoped-api\]`
	return err
}
