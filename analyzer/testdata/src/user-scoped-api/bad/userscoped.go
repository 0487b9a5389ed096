// Package userscoped authorizes with client credentials through the
// Genesys Cloud Go SDK, then calls APIs that need a user.
package userscoped

import (
	"os"

	"github.com/mypurecloud/platform-client-sdk-go/v188/platformclientv2"
)

func run() error {
	config := platformclientv2.GetDefaultConfiguration()
	config.BasePath = "https://api.mypurecloud.ie"
	if err := config.AuthorizeClientCredentials(os.Getenv("GENESYS_CLOUD_CLIENT_ID"), os.Getenv("GENESYS_CLOUD_CLIENT_SECRET")); err != nil {
		return err
	}
	users := platformclientv2.NewUsersApi()
	if _, _, err := users.GetUsersMe(nil, "", nil); err != nil { // want `error: GET /api/v2/users/me needs a user, but every token here comes from the client-credentials grant, which has no user: .*\[user-scoped-api\]`
		return err
	}
	if _, err := platformclientv2.NewConversationsApi().PostConversationsEmailReconnect("id"); err != nil { // want `error: POST /api/v2/conversations/emails/\{conversationId\}/reconnect needs a user.*\[user-scoped-api\]`
		return err
	}
	routing := platformclientv2.NewRoutingApiWithConfig(config)
	if _, _, err := routing.GetRoutingQueuesMe(1, 25, true, ""); err != nil { // want `warning: GET /api/v2/routing/queues/me acts for the current user.*\[user-scoped-api\]`
		return err
	}
	// Org-level APIs and the /me paths that work with client credentials.
	if _, _, err := users.GetUser("id", nil, "", nil, ""); err != nil {
		return err
	}
	if _, _, err := platformclientv2.NewOrganizationApi().GetOrganizationsMe(); err != nil {
		return err
	}
	if _, _, err := platformclientv2.NewTokensApi().GetTokensMe(false); err != nil {
		return err
	}
	_, _, err := routing.GetRoutingQueues(1, 25, "", "")
	return err
}
