// Package clientsgood is clients' twin with every request right, and
// Graph's /me called with a user's credential. Nothing to report.
package clientsgood

import (
	"context"
	"net/http"
	"os"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/go-resty/resty/v2"
	"github.com/hashicorp/go-retryablehttp"
	"github.com/imroc/req/v3"
	auth "github.com/microsoft/kiota-authentication-azure-go"
	msgraphsdk "github.com/microsoftgraph/msgraph-sdk-go"
)

func retryable() {
	client := retryablehttp.NewClient()
	r, _ := retryablehttp.NewRequest("POST", "https://login.mypurecloud.com/oauth/token", "grant_type=client_credentials")
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	client.Do(r)
}

func restyChain(id, secret string) {
	resty.New().R().
		SetBasicAuth(id, secret).
		SetFormData(map[string]string{"grant_type": "client_credentials"}).
		Post("https://login.mypurecloud.ie/oauth/token")
	// JSON to an API that takes it.
	resty.New().R().SetAuthToken(os.Getenv("TOKEN")).SetBody(map[string]string{"name": "queue"}).Post("https://api.mypurecloud.ie/api/v2/routing/queues")
}

func imroc() {
	req.C().R().
		SetFormData(map[string]string{"grant_type": "client_credentials"}).
		Post("https://login.usw2.pure.cloud/oauth/token")
}

type tokenClient struct{ http *http.Client }

func (t *tokenClient) token() {
	req, _ := http.NewRequest("POST", "https://login.mypurecloud.jp/oauth/token", strings.NewReader("grant_type=client_credentials"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	t.http.Do(req)
}

func entra(ctx context.Context) {
	cred, _ := azidentity.NewClientSecretCredential(os.Getenv("TENANT"), os.Getenv("CLIENT_ID"), os.Getenv("SECRET"), nil)
	cred.GetToken(ctx, policy.TokenRequestOptions{Scopes: []string{"https://graph.microsoft.com/.default"}})
	client, _ := msgraphsdk.NewGraphServiceClientWithCredentials(cred, []string{"https://graph.microsoft.com/.default"})
	client.Users().ByUserId(os.Getenv("USER_ID")).Get(ctx, nil)
}

// A user credential: /me has a user.
func graphMe(ctx context.Context) {
	cred, _ := azidentity.NewInteractiveBrowserCredential(nil)
	client, _ := msgraphsdk.NewGraphServiceClientWithCredentials(cred, []string{"User.Read"})
	client.Me().Get(ctx, nil)
}

// A credential from a helper, kept in a struct field, asked for scopes
// by kiota's provider and by GetToken elsewhere.
type graphHelper struct {
	cred *azidentity.ClientSecretCredential
}

func newCred() (*azidentity.ClientSecretCredential, error) {
	return azidentity.NewClientSecretCredential(os.Getenv("TENANT"), os.Getenv("CLIENT_ID"), os.Getenv("SECRET"), nil)
}

func newHelper() *graphHelper {
	cred, _ := newCred()
	auth.NewAzureIdentityAuthenticationProviderWithScopes(cred, []string{"https://graph.microsoft.com/.default"})
	return &graphHelper{cred: cred}
}

func (g *graphHelper) token(ctx context.Context) {
	g.cred.GetToken(ctx, policy.TokenRequestOptions{Scopes: []string{"https://graph.microsoft.com/.default"}})
}

// req's client.Post(url) starts the request, Do sends it.
func imrocDo(c *req.Client) {
	r := c.Post("https://login.apne2.pure.cloud/oauth/token")
	r.SetFormData(map[string]string{"grant_type": "client_credentials"}).Do()
}
