// Package lsptest is a minimal Language Server Protocol client for tests
// of tokenlint's server: it frames JSON-RPC over a stream the way editors
// do, answers the server's requests, and collects published diagnostics.
package lsptest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"slices"
	"sync"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// HangGuard bounds every wait, so a server that never answers fails the
// test instead of hanging it. It is not a timing: nothing is measured.
const HangGuard = 30 * time.Second

// A Client talks to one server.
type Client struct {
	conn *jsonrpc2.Conn

	mu      sync.Mutex
	changed chan struct{} // closed and replaced on every notification
	diags   map[string][]protocol.PublishDiagnosticsParams
	// Requests are the methods of the requests the server sent.
	requests []string
}

// New starts a client on stream.
func New(stream io.ReadWriteCloser) *Client {
	c := &Client{changed: make(chan struct{}), diags: map[string][]protocol.PublishDiagnosticsParams{}}
	c.conn = jsonrpc2.NewConn(context.Background(),
		jsonrpc2.NewBufferedStream(stream, jsonrpc2.VSCodeObjectCodec{}),
		jsonrpc2.HandlerWithError(c.handle),
		// A closed stream at the end of a session is no news; failures
		// reach the test through Call and the waits.
		jsonrpc2.SetLogger(log.New(io.Discard, "", 0)))
	return c
}

func (c *Client) handle(_ context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !req.Notif {
		c.requests = append(c.requests, req.Method)
		return nil, nil // registerCapability and the like: accepted
	}
	if req.Method == "textDocument/publishDiagnostics" && req.Params != nil {
		if p, err := decodeDiagnostics(*req.Params); err == nil {
			c.diags[p.URI] = append(c.diags[p.URI], p)
		}
	}
	close(c.changed)
	c.changed = make(chan struct{})
	return nil, nil
}

// Call sends a request and decodes its result.
func (c *Client) Call(method string, params, result any) error {
	ctx, cancel := context.WithTimeout(context.Background(), HangGuard)
	defer cancel()
	return c.conn.Call(ctx, method, params, result)
}

// Notify sends a notification.
func (c *Client) Notify(method string, params any) error {
	return c.conn.Notify(context.Background(), method, params)
}

// Close drops the connection.
func (c *Client) Close() error { return c.conn.Close() }

// Disconnected is closed when the server ends the connection.
func (c *Client) Disconnected() <-chan struct{} { return c.conn.DisconnectNotify() }

// Requests lists the methods of the requests the server sent so far.
func (c *Client) Requests() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.requests...)
}

// Diagnostics waits for the diagnostics of uri published for a version at
// least version (any version when negative) and returns the latest such.
func (c *Client) Diagnostics(uri string, version int) (protocol.PublishDiagnosticsParams, error) {
	return c.wait(uri, fmt.Sprintf("at version %d", version), func(list []protocol.PublishDiagnosticsParams) (protocol.PublishDiagnosticsParams, bool) {
		for _, p := range slices.Backward(list) {
			if version < 0 || p.Version != nil && int(*p.Version) >= version {
				return p, true
			}
		}
		return protocol.PublishDiagnosticsParams{}, false
	})
}

// Published counts the diagnostics publications for uri so far.
func (c *Client) Published(uri string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.diags[uri])
}

// NextDiagnostics waits for a publication for uri after the first n.
func (c *Client) NextDiagnostics(uri string, n int) (protocol.PublishDiagnosticsParams, error) {
	return c.wait(uri, fmt.Sprintf("after %d publications", n), func(list []protocol.PublishDiagnosticsParams) (protocol.PublishDiagnosticsParams, bool) {
		if len(list) > n {
			return list[len(list)-1], true
		}
		return protocol.PublishDiagnosticsParams{}, false
	})
}

// wait blocks until pick finds a publication among those for uri.
func (c *Client) wait(uri, what string, pick func([]protocol.PublishDiagnosticsParams) (protocol.PublishDiagnosticsParams, bool)) (protocol.PublishDiagnosticsParams, error) {
	deadline := time.After(HangGuard)
	for {
		c.mu.Lock()
		p, ok := pick(c.diags[uri])
		wait := c.changed
		c.mu.Unlock()
		if ok {
			return p, nil
		}
		select {
		case <-wait:
		case <-deadline:
			return p, fmt.Errorf("no diagnostics for %s %s", uri, what)
		case <-c.conn.DisconnectNotify():
			return p, fmt.Errorf("server closed the connection before publishing diagnostics for %s %s", uri, what)
		}
	}
}

// decodeDiagnostics decodes a publication. glsp's IntegerOrString cannot
// decode (its UnmarshalJSON has a value receiver), so codes are read apart.
func decodeDiagnostics(raw []byte) (protocol.PublishDiagnosticsParams, error) {
	var p protocol.PublishDiagnosticsParams
	if err := json.Unmarshal(raw, &p); err != nil {
		return p, err
	}
	var codes struct {
		Diagnostics []struct {
			Code any `json:"code"`
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal(raw, &codes); err != nil {
		return p, err
	}
	for i, d := range codes.Diagnostics {
		if d.Code != nil && i < len(p.Diagnostics) {
			p.Diagnostics[i].Code = &protocol.IntegerOrString{Value: d.Code}
		}
	}
	return p, nil
}

// Process joins a server process's stdout (read) and stdin (written, and
// closed on Close) into the stream New takes.
func Process(stdout io.Reader, stdin io.WriteCloser) io.ReadWriteCloser {
	return processStream{stdout, stdin}
}

type processStream struct {
	io.Reader
	io.WriteCloser
}
