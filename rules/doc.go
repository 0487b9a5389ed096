// Package rules is tokenlint's engine: the request model every front end
// produces (Value, Request, Unit), the provider catalog (embedded TOML), the
// rule registry with one file per rule, and Run, which turns a Unit into
// Findings.
//
// Data flows one way: front ends (internal/extract for config files,
// analyzer for Go) build a Unit; Run judges it; reporters render the
// Findings. This package imports no other package of tokenlint, so front
// ends and reporters can depend on it without cycles.
//
// A rule never parses and a front end never judges: everything a rule needs
// must be expressible in the model, and every fact about a provider lives in
// catalog.toml with its source.
package rules
