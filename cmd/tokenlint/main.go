// Command tokenlint finds the mistakes that make OAuth token requests fail
// or leak, in request configurations and Go source. See README.md.
//
// Exit status: 0 when nothing at or above the -fail-on level is found, 1
// when something is, 2 when the run could not do its job (a bad flag, an
// unreadable or malformed input, a bad config).
package main

import (
	"os"
)

func main() {
	if invokedByVet(os.Args[1:]) {
		vetMain()
		return
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
