// Package clients sends token requests through client libraries other
// than net/http: retryablehttp, resty, req, an *http.Client in a struct
// field, azidentity and the Graph SDK.
package clients

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
	r, _ := retryablehttp.NewRequest("POST", "https://api.mypurecloud.com/oauth/token", "grant_type=client_credentials") // want `token requested from api.mypurecloud.com.*\[token-host\]`
	r.Header.Set("Content-Type", "application/json")                                                                     // want `\[json-token-request\]`
	client.Do(r)
}

type token struct{ AccessToken string }

func restyChain(id, secret string) {
	resty.New().R().
		SetBasicAuth(id, secret).
		SetFormData(map[string]string{"grant_type": "client_credentials"}).
		SetResult(&token{}).
		Post("https://login.mypurecloud.ie/api/v2/oauth/token") // want `not /api/v2/oauth/token.*\[token-path\]`
}

// A method the analyzer does not read (SetResult) keeps the chain.
func restyResult() {
	resty.New().R().
		SetBody(map[string]string{"grant_type": "client_credentials"}). // want `\[json-token-request\]`
		SetResult(&token{}).
		Post("https://login.mypurecloud.com.au/oauth/token")
}

func restyJSON() {
	req := resty.New().R()
	req.SetBody(map[string]string{"grant_type": "client_credentials"}) // want `\[json-token-request\]`
	req.SetBasicAuth(os.Getenv("ID"), os.Getenv("SECRET"))
	req.Post("https://login.mypurecloud.de/oauth/token")
}

func imroc() {
	req.C().R().
		SetFormData(map[string]string{"grant_type": "client_credentials"}).
		Post("https://api.usw2.pure.cloud/oauth/token") // want `token requested from api.usw2.pure.cloud.*\[token-host\]`
}

// An *http.Client behind a struct field.
type tokenClient struct {
	http *http.Client
}

func (t *tokenClient) token() {
	req, _ := http.NewRequest("POST", "https://api.mypurecloud.jp/oauth/token", strings.NewReader("grant_type=client_credentials")) // want `token requested from api.mypurecloud.jp.*\[token-host\]`
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	t.http.Do(req)
}

// Entra: a scope that is not <resource>/.default.
func entra(ctx context.Context) {
	cred, _ := azidentity.NewClientSecretCredential(os.Getenv("TENANT"), os.Getenv("CLIENT_ID"), os.Getenv("SECRET"), nil)
	cred.GetToken(ctx, policy.TokenRequestOptions{Scopes: []string{"https://graph.microsoft.com/User.Read.All"}}) // want `scope "https://graph.microsoft.com/User.Read.All" is not a resource followed by /.default.*\[entra-scope\]`
}

// Graph's /me with an app-only credential.
func graphMe(ctx context.Context) {
	cred, _ := azidentity.NewClientSecretCredential(os.Getenv("TENANT"), os.Getenv("CLIENT_ID"), os.Getenv("SECRET"), nil)
	client, _ := msgraphsdk.NewGraphServiceClientWithCredentials(cred, []string{"https://graph.microsoft.com/.default"})
	client.Me().Get(ctx, nil) // want `GET /v1.0/me/\*\* needs a user.*\[user-scoped-api\]`
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
	auth.NewAzureIdentityAuthenticationProviderWithScopes(cred, []string{"Sites.Read.All"}) // want `scope "Sites.Read.All" is not a resource followed by /.default.*\[entra-scope\]`
	return &graphHelper{cred: cred}
}

func (g *graphHelper) token(ctx context.Context) {
	g.cred.GetToken(ctx, policy.TokenRequestOptions{Scopes: []string{"https://graph.microsoft.com/Files.Read.All"}}) // want `scope "https://graph.microsoft.com/Files.Read.All" is not a resource.*\[entra-scope\]`
}

// req's client.Post(url) starts the request, Do sends it.
func imrocDo(c *req.Client) {
	r := c.Post("https://api.apne2.pure.cloud/oauth/token") // want `token requested from api.apne2.pure.cloud.*\[token-host\]`
	r.SetFormData(map[string]string{"grant_type": "client_credentials"}).Do()
}
