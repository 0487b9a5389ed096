// Package usergrant calls /api/v2/users/me with a user's token (the code
// grant): nothing to report.
package usergrant

import "github.com/mypurecloud/platform-client-sdk-go/v188/platformclientv2"

func me(id, secret, code, redirect string) error {
	config := platformclientv2.GetDefaultConfiguration()
	if _, err := config.AuthorizeCodeGrant(id, secret, code, redirect); err != nil {
		return err
	}
	_, _, err := platformclientv2.NewUsersApiWithConfig(config).GetUsersMe(nil, "", nil)
	return err
}

// A client-credentials login elsewhere in the package does not make the
// package client-credentials only.
func service(id, secret string) error {
	return platformclientv2.GetDefaultConfiguration().AuthorizeClientCredentials(id, secret)
}
