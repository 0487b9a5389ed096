// Package resty is a test stub of github.com/go-resty/resty/v2 with the
// identifiers and signatures the analyzer reads.
package resty

import "net/url"

// Client makes requests.
type Client struct{}

// New returns a client.
func New() *Client { return &Client{} }

// R starts a request.
func (c *Client) R() *Request { return &Request{} }

// Request is a request being built.
type Request struct{}

// Response is a response.
type Response struct{}

func (r *Request) SetFormData(data map[string]string) *Request     { return r }
func (r *Request) SetFormDataFromValues(data url.Values) *Request  { return r }
func (r *Request) SetBody(body interface{}) *Request               { return r }
func (r *Request) SetHeader(header, value string) *Request         { return r }
func (r *Request) SetHeaders(headers map[string]string) *Request   { return r }
func (r *Request) SetBasicAuth(username, password string) *Request { return r }
func (r *Request) SetAuthToken(token string) *Request              { return r }
func (r *Request) SetResult(res interface{}) *Request              { return r }
func (r *Request) Get(url string) (*Response, error)               { return nil, nil }
func (r *Request) Post(url string) (*Response, error)              { return nil, nil }
func (r *Request) Execute(method, url string) (*Response, error)   { return nil, nil }
