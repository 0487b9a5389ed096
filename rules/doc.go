// Package rules is tokenlint's engine: the request model every front end
// produces (Value, Request, Unit), the provider catalog (embedded TOML), the
// rule registry with one file per rule, and Run, which turns a Unit into
// Diagnostics.
//
// Data flows one way: front ends (internal/extract for config files,
// analyzer for Go) build a Unit; Run judges it into Diagnostics, which say
// only what a rule knows (rule, severity, span, message, fix, related
// places); a driver (internal/lint, the analyzer's go/analysis pass) adds
// what needs the file or the run (line and column, fingerprint, snippet,
// suppression), and reporters render the driver's findings. This package
// imports no other package of tokenlint, so front ends and drivers can
// depend on it without cycles.
//
// A rule never parses and a front end never judges: everything a rule needs
// must be expressible in the model, and every fact about a provider lives in
// catalog.toml with its source.
package rules
