package main

import (
	"fmt"
	"io"

	"github.com/tokenlint/tokenlint/internal/config"
	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/internal/modeldump"
)

// cmdDebugModel prints, for each file, the request model its front end
// builds (tokenlint -debug-model FILE...). Masking applies as everywhere.
func cmdDebugModel(files []string, configFile string, stdout, stderr io.Writer) int {
	if len(files) == 0 {
		fmt.Fprintln(stderr, "tokenlint: -debug-model needs one or more files")
		return exitTrouble
	}
	cfg, err := config.Resolve(".", configFile)
	if err != nil {
		fmt.Fprintf(stderr, "tokenlint: %v\n", err)
		return exitTrouble
	}
	status := exitOK
	for _, f := range files {
		m, err := lint.BuildModel(f, lint.Options{Rules: cfg.Rules, MaxFileSize: cfg.MaxFileSize})
		if err == nil {
			err = modeldump.Write(stdout, m.Format, m.Unit, m.Src, m.Secrets, cfg.Rules.Catalog)
		}
		if err != nil {
			fmt.Fprintf(stderr, "tokenlint: %v\n", err)
			status = exitTrouble
		}
	}
	return status
}
