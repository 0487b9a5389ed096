package lsp

import (
	"time"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// A document is one open buffer.
type document struct {
	uri      protocol.DocumentUri
	language string
	version  int32
	text     string
	timer    *time.Timer
	// linted is the last lint of this buffer, for code actions; its
	// version says which text it judged.
	linted *lintResult
}

func (s *Server) didOpen(_ *glsp.Context, p *protocol.DidOpenTextDocumentParams) error {
	s.mu.Lock()
	if old := s.docs[p.TextDocument.URI]; old != nil && old.timer != nil {
		old.timer.Stop()
	}
	s.docs[p.TextDocument.URI] = &document{
		uri:      p.TextDocument.URI,
		language: p.TextDocument.LanguageID,
		version:  p.TextDocument.Version,
		text:     p.TextDocument.Text,
	}
	s.mu.Unlock()
	s.enqueue(p.TextDocument.URI) // no wait: the user just opened it
	return nil
}

func (s *Server) didChange(_ *glsp.Context, p *protocol.DidChangeTextDocumentParams) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return nil // a change to a buffer never opened: nothing to apply it to
	}
	for _, c := range p.ContentChanges {
		switch c := c.(type) {
		case protocol.TextDocumentContentChangeEventWhole:
			d.text = c.Text
		case protocol.TextDocumentContentChangeEvent:
			l := newLines(d.text)
			start, end := l.offset(c.Range.Start), l.offset(c.Range.End)
			end = max(start, end)
			d.text = d.text[:start] + c.Text + d.text[end:]
		}
	}
	d.version = p.TextDocument.Version
	if d.timer != nil {
		d.timer.Stop()
	}
	uri := d.uri
	d.timer = time.AfterFunc(s.opts.Debounce, func() { s.enqueue(uri) })
	return nil
}

// didSave re-lints everything when the saved buffer is a configuration
// file; clients without file watching report config edits this way.
func (s *Server) didSave(_ *glsp.Context, p *protocol.DidSaveTextDocumentParams) error {
	if path, ok := pathFromURI(p.TextDocument.URI); ok && s.ws.isConfig(path) {
		s.configChanged()
	}
	return nil
}

func (s *Server) didClose(_ *glsp.Context, p *protocol.DidCloseTextDocumentParams) error {
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	if d != nil && d.timer != nil {
		d.timer.Stop()
	}
	delete(s.docs, p.TextDocument.URI)
	delete(s.pending, p.TextDocument.URI)
	s.mu.Unlock()
	if d != nil {
		// The findings of a closed buffer go with it.
		s.publish(p.TextDocument.URI, nil, nil)
	}
	return nil
}

func (s *Server) didChangeWatchedFiles(_ *glsp.Context, p *protocol.DidChangeWatchedFilesParams) error {
	for _, c := range p.Changes {
		if path, ok := pathFromURI(c.URI); ok && s.ws.isConfig(path) {
			s.configChanged()
			return nil
		}
	}
	return nil
}

// configChanged drops every cached configuration and re-lints every buffer.
func (s *Server) configChanged() {
	s.ws.invalidate()
	s.clearConfigErrors()
	s.relintAll()
}

func (s *Server) relintAll() {
	s.mu.Lock()
	var uris []protocol.DocumentUri
	for uri := range s.docs {
		uris = append(uris, uri)
	}
	s.mu.Unlock()
	for _, uri := range uris {
		s.enqueue(uri)
	}
}

// enqueue hands a buffer to the lint worker.
func (s *Server) enqueue(uri protocol.DocumentUri) {
	s.mu.Lock()
	if s.state == shutDown {
		s.mu.Unlock()
		return
	}
	s.pending[uri] = true
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default: // already signalled
	}
}

// lintWorker lints pending buffers one at a time, so diagnostics for a
// buffer are published in the order its versions were linted, and drops a
// result whose buffer changed while it was linted (a newer lint follows).
func (s *Server) lintWorker() {
	for {
		select {
		case <-s.done:
			return
		case <-s.wake:
		}
		for {
			snap, ok := s.nextPending()
			if !ok {
				break
			}
			res := s.lint(snap)
			s.mu.Lock()
			d := s.docs[snap.uri]
			current := d != nil && d.version == snap.version && d.text == snap.text
			if current {
				d.linted = res
			}
			s.mu.Unlock()
			if current {
				s.publish(snap.uri, &snap.version, res.diagnostics)
			}
			s.publishConfigError(res.configErr)
		}
	}
}

// nextPending takes one pending buffer and copies what the lint needs.
func (s *Server) nextPending() (snapshot, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for uri := range s.pending {
		delete(s.pending, uri)
		if d := s.docs[uri]; d != nil {
			return snapshot{uri: uri, language: d.language, version: d.version, text: d.text}, true
		}
	}
	return snapshot{}, false
}

// current returns the lint of a buffer's current text, linting it now when
// the worker has not got to it yet (a code action right after a change).
func (s *Server) current(uri protocol.DocumentUri) (*lintResult, bool) {
	s.mu.Lock()
	d := s.docs[uri]
	if d == nil {
		s.mu.Unlock()
		return nil, false
	}
	if d.linted != nil && d.linted.version == d.version && d.linted.text == d.text {
		r := d.linted
		s.mu.Unlock()
		return r, true
	}
	snap := snapshot{uri: uri, language: d.language, version: d.version, text: d.text}
	s.mu.Unlock()
	return s.lint(snap), true
}

func (s *Server) publish(uri protocol.DocumentUri, version *int32, diags []protocol.Diagnostic) {
	if diags == nil {
		diags = []protocol.Diagnostic{} // the protocol wants an array, never null
	}
	params := protocol.PublishDiagnosticsParams{URI: uri, Diagnostics: diags}
	if version != nil && *version >= 0 {
		v := uint32(*version)
		params.Version = &v
	}
	s.notify(protocol.ServerTextDocumentPublishDiagnostics, params)
}

func (s *Server) stopTimers() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		if d.timer != nil {
			d.timer.Stop()
		}
	}
	s.pending = map[protocol.DocumentUri]bool{}
}
