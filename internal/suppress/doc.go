// Package suppress applies inline suppression directives:
//
//	# tokenlint:ignore token-host,token-path -- staging proxy forwards to login.
//	// tokenlint:ignore unencoded-secret -- the secret is generated without + or &
//	<!-- tokenlint:ignore json-token-request -- this doc shows the wrong way on purpose -->
//
// A directive suppresses findings of the named rules whose span starts on
// the directive's line or on the line below it; an HTML comment directive
// on the line just above a Markdown code fence covers the whole block. The reason after "--" is
// required: a directive without one, or naming an unknown rule, is itself
// reported (invalid-ignore) and suppresses nothing, and a directive that
// suppresses nothing of a rule that ran is reported too (unused-ignore), so
// stale directives do not pile up.
package suppress
