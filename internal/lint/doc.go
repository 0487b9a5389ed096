// Package lint is tokenlint's driver: it walks the paths it is given
// (respecting .gitignore, skipping .git, vendor and node_modules), reads
// each candidate file once, drops files with no token-request keyword before
// any parse, dispatches the rest to their front end in parallel, runs the
// rules, and turns their diagnostics into findings (Finding: position,
// fingerprint, redacted snippet, suppression) with every secret redacted.
// It is the one choke point where findings meet file text. Run returns a
// Result of its own, which reporters (internal/report) render.
package lint
