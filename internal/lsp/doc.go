// Package lsp is tokenlint's language server (`tokenlint lsp`): it speaks
// the Language Server Protocol over stdio, lints each open buffer (the text
// in the editor, not the file on disk) through the same driver as the
// command's standard-input path, and publishes the findings as diagnostics
// while the user types. Certain fixes become quickfix code actions, and every
// finding in a format with comments gets a "suppress with a reason" action
// that writes the format's tokenlint:ignore directive; a hover explains the
// findings under the cursor.
//
// The protocol types and their method dispatch come from
// github.com/tliron/glsp's protocol_3_16 package (complete LSP 3.16 types,
// standard library only); the JSON-RPC 2.0 framing (Content-Length headers)
// comes from github.com/sourcegraph/jsonrpc2, the library glsp's own server
// runs on. glsp's server package is not used: it binds os.Stdin and
// os.Stdout and links a logging stack with terminal-color and websocket
// dependencies, while a connection over any stream keeps the server
// testable in process.
//
// Lifecycle follows the specification: requests before initialize fail with
// ServerNotInitialized, requests after shutdown with InvalidRequest, and
// exit ends the server with status 0 after a shutdown, 1 without one.
package lsp
