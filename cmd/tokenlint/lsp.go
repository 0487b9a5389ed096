package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/tokenlint/tokenlint/internal/lsp"
)

// cmdLSP runs the language server on standard input and output until the
// client says exit, and returns the status the protocol asks for.
func cmdLSP(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("tokenlint lsp", flag.ContinueOnError)
	fs.SetOutput(stderr)
	// Clients such as vscode-languageclient name the transport; stdio is
	// the only one, so the flag is accepted and means nothing more.
	fs.Bool("stdio", true, "talk LSP over standard input and output (the only transport)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: tokenlint lsp\n\nA Language Server Protocol server over stdio: see docs/editors.md.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitTrouble
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "tokenlint lsp: unexpected argument %q\n", fs.Arg(0))
		return exitTrouble
	}
	return lsp.Serve(stdio{stdin, stdout}, lsp.Options{Version: tokenlintVersion(), Log: stderr})
}

// stdio joins standard input and output into the stream the server reads
// and writes.
type stdio struct {
	io.Reader
	io.Writer
}

// Close ends the stream; the process exits right after, which closes the
// descriptors.
func (stdio) Close() error { return nil }
