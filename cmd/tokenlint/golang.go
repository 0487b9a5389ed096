package main

import (
	"github.com/tokenlint/tokenlint/internal/lint"
)

// goLinter runs the Go analyzer; nil until the analyzer is wired in.
var goLinter lint.GoLinter
