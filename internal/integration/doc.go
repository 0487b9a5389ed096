// Package integration holds tests that run tokenlint through the tools
// users run it with (pre-commit, the GitHub Action definition). It has no
// code of its own.
package integration
