// Package config reads .tokenlint.toml: which rules run and at what
// severity, which paths are excluded, the Genesys region(s) the user's org
// lives in, extra providers and user-only endpoints (merged into the rule
// catalog), and the file size limit. It finds the file from the working
// directory up to the repository root. Every unknown key and bad value is
// an error that names the file and line, because a misspelt setting that
// is silently ignored is worse than none.
package config
