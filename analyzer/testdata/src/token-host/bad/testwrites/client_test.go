package testwrites

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
)

func TestToken(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	c := &client{tokenURL: srv.URL}
	defaultTokenURL = srv.URL + "/oauth/token"
	if _, err := c.token(url.Values{}); err != nil {
		t.Fatal(err)
	}
	if _, err := token(url.Values{}); err != nil {
		t.Fatal(err)
	}
}
