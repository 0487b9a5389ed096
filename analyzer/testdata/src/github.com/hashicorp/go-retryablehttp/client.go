// Package retryablehttp is a test stub of github.com/hashicorp/go-retryablehttp
// with the identifiers and signatures the analyzer reads.
package retryablehttp

import (
	"context"
	"net/http"
	"net/url"
)

// Request wraps an http.Request.
type Request struct {
	*http.Request
}

// NewRequest makes a request; rawBody is a string, []byte, io.Reader or nil.
func NewRequest(method, url string, rawBody interface{}) (*Request, error) { return nil, nil }

// NewRequestWithContext is NewRequest with a context.
func NewRequestWithContext(ctx context.Context, method, url string, rawBody interface{}) (*Request, error) {
	return nil, nil
}

// Client retries requests.
type Client struct{ HTTPClient *http.Client }

// NewClient returns a client with the default settings.
func NewClient() *Client { return &Client{} }

func (c *Client) Do(req *Request) (*http.Response, error)                      { return nil, nil }
func (c *Client) Get(url string) (*http.Response, error)                       { return nil, nil }
func (c *Client) Head(url string) (*http.Response, error)                      { return nil, nil }
func (c *Client) PostForm(url string, data url.Values) (*http.Response, error) { return nil, nil }
func (c *Client) Post(url, bodyType string, body interface{}) (*http.Response, error) {
	return nil, nil
}

// StandardClient returns an *http.Client that retries.
func (c *Client) StandardClient() *http.Client { return nil }

func Post(url, bodyType string, body interface{}) (*http.Response, error) { return nil, nil }
func PostForm(url string, data url.Values) (*http.Response, error)        { return nil, nil }
