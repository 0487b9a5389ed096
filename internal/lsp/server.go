package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"runtime/debug"
	"sync"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// DefaultDebounce is how long the server waits after the last change of a
// buffer before linting it: long enough that a burst of keystrokes costs one
// lint, short enough that the diagnostics follow the typing.
const DefaultDebounce = 150 * time.Millisecond

// Options configure a server.
type Options struct {
	// Version is reported in serverInfo.
	Version string
	// Debounce overrides DefaultDebounce when positive.
	Debounce time.Duration
	// Log receives the server's own troubles (stderr); nil discards them.
	Log io.Writer
}

// JSON-RPC error codes of the LSP specification.
const (
	codeServerNotInitialized = -32002
	codeInvalidRequest       = -32600
	codeMethodNotFound       = -32601
	codeInvalidParams        = -32602
	codeInternalError        = -32603
)

// A Server is one language-server session over one connection.
type Server struct {
	opts    Options
	logger  *log.Logger
	conn    *jsonrpc2.Conn
	handler protocol.Handler

	mu       sync.Mutex
	state    lifecycle
	exitCode int
	docs     map[protocol.DocumentUri]*document
	ws       *workspace
	// configShown are the configuration files showing a load error, with
	// the error shown.
	configShown map[protocol.DocumentUri]string
	// pending are the buffers waiting for the lint worker, signalled on wake.
	pending map[protocol.DocumentUri]bool
	wake    chan struct{}
	done    chan struct{}
}

type lifecycle int

const (
	starting lifecycle = iota
	running            // initialize answered
	shutDown           // shutdown answered: only exit is accepted
)

// Serve runs a server over stream until the client sends exit or closes the
// stream, and returns the process exit status the protocol asks for: 0 when
// shutdown came before the end, 1 otherwise.
func Serve(stream io.ReadWriteCloser, opts Options) int {
	if opts.Debounce <= 0 {
		opts.Debounce = DefaultDebounce
	}
	logOut := opts.Log
	if logOut == nil {
		logOut = io.Discard
	}
	s := &Server{
		opts:        opts,
		logger:      log.New(logOut, "tokenlint lsp: ", 0),
		exitCode:    1,
		docs:        map[protocol.DocumentUri]*document{},
		ws:          newWorkspace(),
		configShown: map[protocol.DocumentUri]string{},
		pending:     map[protocol.DocumentUri]bool{},
		wake:        make(chan struct{}, 1),
		done:        make(chan struct{}),
	}
	s.handler = protocol.Handler{
		Initialized:                    s.initialized,
		TextDocumentDidOpen:            s.didOpen,
		TextDocumentDidChange:          s.didChange,
		TextDocumentDidSave:            s.didSave,
		TextDocumentDidClose:           s.didClose,
		TextDocumentCodeAction:         s.codeAction,
		TextDocumentHover:              s.hover,
		WorkspaceDidChangeWatchedFiles: s.didChangeWatchedFiles,
		WorkspaceDidChangeWorkspaceFolders: func(_ *glsp.Context, p *protocol.DidChangeWorkspaceFoldersParams) error {
			s.ws.changeFolders(p.Event.Added, p.Event.Removed)
			s.relintAll()
			return nil
		},
		// Accepted and ignored, so clients that send them get no error.
		SetTrace:                        func(*glsp.Context, *protocol.SetTraceParams) error { return nil },
		CancelRequest:                   func(*glsp.Context, *protocol.CancelParams) error { return nil },
		WorkspaceDidChangeConfiguration: func(*glsp.Context, *protocol.DidChangeConfigurationParams) error { return nil },
	}
	// glsp's dispatcher refuses everything until it has answered an
	// initialize; the server answers initialize itself, then marks it so.
	s.handler.SetInitialized(true)
	s.conn = jsonrpc2.NewConn(context.Background(),
		jsonrpc2.NewBufferedStream(stream, jsonrpc2.VSCodeObjectCodec{}),
		jsonrpc2.HandlerWithError(s.handle).SuppressErrClosed(),
		jsonrpc2.SetLogger(s.logger))
	go s.lintWorker()
	<-s.conn.DisconnectNotify()
	close(s.done)
	s.stopTimers()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.exitCode
}

// handle runs for every message, one at a time in arrival order, so a
// didChange is always applied before the request that follows it.
func (s *Server) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (result any, err error) {
	defer func() {
		if r := recover(); r != nil {
			s.logger.Printf("internal error handling %s: %v\n%s", req.Method, r, debug.Stack())
			result, err = nil, &jsonrpc2.Error{Code: codeInternalError, Message: fmt.Sprintf("tokenlint: internal error handling %s", req.Method)}
		}
	}()
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	switch {
	case req.Method == protocol.MethodExit:
		s.mu.Lock()
		if s.state == shutDown {
			s.exitCode = 0
		}
		s.mu.Unlock()
		return nil, conn.Close()
	case state == starting && req.Method != protocol.MethodInitialize:
		return nil, &jsonrpc2.Error{Code: codeServerNotInitialized, Message: "server not initialized"}
	case state == shutDown:
		return nil, &jsonrpc2.Error{Code: codeInvalidRequest, Message: "server is shut down"}
	case req.Method == protocol.MethodInitialize:
		if state != starting {
			return nil, &jsonrpc2.Error{Code: codeInvalidRequest, Message: "initialize sent twice"}
		}
		var params protocol.InitializeParams
		if err := unmarshalParams(req, &params); err != nil {
			return nil, err
		}
		return s.initialize(&params)
	case req.Method == protocol.MethodShutdown:
		s.mu.Lock()
		s.state = shutDown
		s.mu.Unlock()
		s.stopTimers()
		return nil, nil
	}
	gctx := &glsp.Context{
		Method: req.Method,
		Notify: func(method string, params any) { s.notify(method, params) },
		// Client requests from inside a handler would wait for a reply that
		// the blocked read loop cannot deliver; the server makes none here.
		Call: func(method string, _, _ any) { s.logger.Printf("unexpected call of %s from a handler", method) },
	}
	if req.Params != nil {
		gctx.Params = *req.Params
	}
	r, validMethod, validParams, err := s.handler.Handle(gctx)
	switch {
	case !validMethod:
		return nil, &jsonrpc2.Error{Code: codeMethodNotFound, Message: "method not supported: " + req.Method}
	case !validParams:
		msg := "invalid params"
		if err != nil {
			msg += ": " + err.Error()
		}
		return nil, &jsonrpc2.Error{Code: codeInvalidParams, Message: msg}
	case err != nil:
		return nil, &jsonrpc2.Error{Code: codeInternalError, Message: err.Error()}
	}
	return r, nil
}

func unmarshalParams(req *jsonrpc2.Request, v any) error {
	if req.Params == nil {
		return &jsonrpc2.Error{Code: codeInvalidParams, Message: "missing params"}
	}
	if err := json.Unmarshal(*req.Params, v); err != nil {
		return &jsonrpc2.Error{Code: codeInvalidParams, Message: "invalid params: " + err.Error()}
	}
	return nil
}

func (s *Server) initialize(p *protocol.InitializeParams) (any, error) {
	var folders []protocol.WorkspaceFolder
	switch {
	case len(p.WorkspaceFolders) > 0:
		folders = p.WorkspaceFolders
	case p.RootURI != nil && *p.RootURI != "":
		folders = []protocol.WorkspaceFolder{{URI: *p.RootURI}}
	case p.RootPath != nil && *p.RootPath != "":
		folders = []protocol.WorkspaceFolder{{URI: uriFromPath(*p.RootPath)}}
	}
	s.ws.changeFolders(folders, nil)
	if opts, ok := p.InitializationOptions.(map[string]any); ok {
		if c, ok := opts["config"].(string); ok {
			s.ws.setExplicit(c)
		}
	}
	if wf := p.Capabilities.Workspace; wf != nil && wf.DidChangeWatchedFiles != nil &&
		wf.DidChangeWatchedFiles.DynamicRegistration != nil && *wf.DidChangeWatchedFiles.DynamicRegistration {
		s.ws.registerWatch = true
	}
	s.mu.Lock()
	s.state = running
	s.mu.Unlock()
	change := protocol.TextDocumentSyncKindIncremental
	version := s.opts.Version
	return protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			TextDocumentSync: protocol.TextDocumentSyncOptions{
				OpenClose: new(true),
				Change:    &change,
				Save:      protocol.SaveOptions{IncludeText: new(false)},
			},
			HoverProvider: true,
			CodeActionProvider: protocol.CodeActionOptions{
				CodeActionKinds: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix},
			},
			Workspace: &protocol.ServerCapabilitiesWorkspace{
				WorkspaceFolders: &protocol.WorkspaceFoldersServerCapabilities{
					Supported:           new(true),
					ChangeNotifications: &protocol.BoolOrString{Value: true},
				},
			},
		},
		ServerInfo: &protocol.InitializeResultServerInfo{Name: "tokenlint", Version: &version},
	}, nil
}

// initialized asks the client to watch the configuration files, when it can
// register watchers; clients that cannot still report a saved config buffer
// through didSave.
func (s *Server) initialized(*glsp.Context, *protocol.InitializedParams) error {
	if !s.ws.registerWatch {
		return nil
	}
	go func() {
		params := protocol.RegistrationParams{Registrations: []protocol.Registration{{
			ID:     "tokenlint-config",
			Method: protocol.MethodWorkspaceDidChangeWatchedFiles,
			RegisterOptions: protocol.DidChangeWatchedFilesRegistrationOptions{
				Watchers: []protocol.FileSystemWatcher{{GlobPattern: "**/" + configFileName}},
			},
		}}}
		if err := s.conn.Call(context.Background(), protocol.ServerClientRegisterCapability, params, nil); err != nil && !errors.Is(err, jsonrpc2.ErrClosed) {
			s.logger.Printf("registering the config watcher: %v", err)
		}
	}()
	return nil
}

func (s *Server) notify(method string, params any) {
	if err := s.conn.Notify(context.Background(), method, params); err != nil && !errors.Is(err, jsonrpc2.ErrClosed) {
		s.logger.Printf("sending %s: %v", method, err)
	}
}
