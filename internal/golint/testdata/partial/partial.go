// Package partial imports an SDK version no module cache has: the
// import fails, the rest of the package is still analysed.
package partial

import (
	"net/http"
	"net/url"

	"github.com/mypurecloud/platform-client-sdk-go/v999/platformclientv2"
)

func token() {
	_ = platformclientv2.GetDefaultConfiguration()
	http.PostForm("https://api.mypurecloud.com/oauth/token", url.Values{"grant_type": {"client_credentials"}})
}
