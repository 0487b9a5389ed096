// Package secrets writes credentials where no rule looks: URL userinfo,
// a SetBasicAuth that a later Authorization header replaces, a header set
// twice, and credential headers other than Authorization.
package secrets

import (
	"net/http"
	"strings"
)

func Token() {
	req, _ := http.NewRequest("POST", "https://id:CANARYgouserinfo@api.mypurecloud.com/oauth/token", strings.NewReader("grant_type=client_credentials"))
	req.SetBasicAuth("id", "CANARYgobasic01")
	req.Header.Set("Authorization", "Basic CANARYgohdr02")
	req.Header.Set("X-Api-Key", "CANARYgokey03")
	req.Header.Set("X-Api-Key", "CANARYgokey04")
	req.Header.Set("Proxy-Authorization", "Basic CANARYgoproxy5")
	req.Header.Set("Cookie", "sid=CANARYgocookie6")
	http.DefaultClient.Do(req)
}
