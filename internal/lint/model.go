package lint

import (
	"errors"
	"fmt"

	"github.com/tokenlint/tokenlint/internal/extract"
	"github.com/tokenlint/tokenlint/internal/redact"
	"github.com/tokenlint/tokenlint/internal/safefile"
	"github.com/tokenlint/tokenlint/rules"
)

// A Model is what a config front end built from one file, before any rule
// judged it: for -debug-model and front-end tests.
type Model struct {
	Format  string
	Unit    *rules.Unit
	Src     []byte
	Secrets []rules.Span
}

// BuildModel reads path as the walker would (size limit, regular files
// only), detects its format and runs its front end. A file no format reads
// is an error, so that a typo in a front-end author's command says so.
func BuildModel(path string, opts Options) (m *Model, err error) {
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, fmt.Errorf("%s: %s", path, redact.Error(fmt.Sprintf("internal error while reading this file: %v", r), nil))
		}
	}()
	opts.MaxFileSize = fileLimit(opts.MaxFileSize)
	src, err := readFile(path, safefile.FollowLinks, opts.MaxFileSize)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	f := extract.Detect(path, src[:min(len(src), extract.DetectHead)])
	if f == nil {
		return nil, fmt.Errorf("%s: no front end reads this file", path)
	}
	u, err := f.Extract(path, src)
	if err != nil {
		if xe, ok := errors.AsType[*extract.Error](err); ok {
			return nil, xe
		}
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if u == nil {
		u = &rules.Unit{Name: path}
	}
	var cat *rules.Catalog
	if opts.Rules != nil {
		cat = opts.Rules.Catalog
	}
	return &Model{Format: f.Name, Unit: u, Src: src, Secrets: rules.SecretSpans(u, cat)}, nil
}
