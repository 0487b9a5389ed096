// Package req is a test stub of github.com/imroc/req/v3 with the
// identifiers and signatures the analyzer reads.
package req

// Client makes requests.
type Client struct{}

// C returns a client.
func C() *Client { return &Client{} }

// R starts a request.
func (c *Client) R() *Request { return &Request{} }

// Request is a request being built.
type Request struct{}

// Response is a response.
type Response struct{}

func (r *Request) SetFormData(data map[string]string) *Request     { return r }
func (r *Request) SetBody(body interface{}) *Request               { return r }
func (r *Request) SetBodyJsonMarshal(v interface{}) *Request       { return r }
func (r *Request) SetHeader(key, value string) *Request            { return r }
func (r *Request) SetContentType(contentType string) *Request      { return r }
func (r *Request) SetBasicAuth(username, password string) *Request { return r }
func (r *Request) SetBearerAuthToken(token string) *Request        { return r }
func (r *Request) Post(url string) (*Response, error)              { return nil, nil }
func (r *Request) Get(url string) (*Response, error)               { return nil, nil }

// Post starts a POST request to url.
func (c *Client) Post(url string) *Request { return &Request{} }

// Do sends the request.
func (r *Request) Do() *Response { return nil }
