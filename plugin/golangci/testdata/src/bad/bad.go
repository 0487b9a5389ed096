package bad

import (
	"net/http"
	"net/url"
)

func token(id, secret string) (*http.Response, error) {
	return http.PostForm("https://api.mypurecloud.ie/oauth/token", url.Values{ // want `token requested from api.mypurecloud.ie.*\[token-host\]`
		"grant_type":    {"client_credentials"},
		"client_id":     {id},
		"client_secret": {secret},
	})
}
