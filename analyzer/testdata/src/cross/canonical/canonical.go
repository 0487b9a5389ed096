// Package canonical is the documented client-credentials request, built
// by hand with net/http: nothing to report.
package canonical

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"strings"
)

const tokenURL = "https://login.mypurecloud.com/oauth/token"

func token(ctx context.Context) (*http.Response, error) {
	form := url.Values{"grant_type": {"client_credentials"}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, tokenURL, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(os.Getenv("GENESYS_CLOUD_CLIENT_ID"), os.Getenv("GENESYS_CLOUD_CLIENT_SECRET"))
	return http.DefaultClient.Do(req)
}

// users lists users, an org-level API that client credentials may call.
func users(token string) (*http.Response, error) {
	req, err := http.NewRequest("GET", "https://api.mypurecloud.com/api/v2/users?pageSize=10", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	return http.DefaultClient.Do(req)
}
