package disabled

import (
	"net/http"
	"net/url"
)

func token(id, secret string) (*http.Response, error) {
	return http.PostForm("https://api.mypurecloud.ie/oauth/token", url.Values{ // token-host is disabled in the settings
		"grant_type":    {"client_credentials"},
		"client_id":     {id},
		"client_secret": {secret},
	})
}
