package rules

import (
	"net/netip"
	"path"
	"strings"
)

// What a host or a path says about where a request goes: nowhere off the
// machine, nowhere real, or to a test fixture.

// isLocalHost reports whether host (lower case, no port) is a loopback or
// link-local name or address: a request to it does not cross a network
// beyond the machine or its link (localhost, loopbackNames, 127.0.0.0/8, [::1],
// 169.254.0.0/16, [fe80::/10], where a metadata service or a sidecar
// listens).
func isLocalHost(host string) bool {
	host = strings.TrimSuffix(host, ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	for _, s := range loopbackNames {
		if host == s || strings.HasSuffix(host, "."+s) {
			return true
		}
	}
	ip, err := netip.ParseAddr(strings.TrimSuffix(strings.TrimPrefix(host, "["), "]"))
	if err != nil {
		return false
	}
	return ip.IsLoopback() || ip.IsLinkLocalUnicast()
}

// isSingleLabelHost reports whether host (lower case, no port) is a name
// of one label, such as a Docker Compose service ("keycloak") or an
// intranet host: public DNS has no such names, so it resolves on a
// container or private network only. An address is not a name.
func isSingleLabelHost(host string) bool {
	host = strings.TrimSuffix(host, ".")
	if host == "" || strings.Contains(host, ".") || strings.HasPrefix(host, "[") {
		return false
	}
	_, err := netip.ParseAddr(host)
	return err != nil
}

// reservedSuffixes are the names no public server answers: the special-use
// top-level domains (RFC 2606 section 2: .test, .example, .invalid,
// .localhost; RFC 6762: .local for multicast DNS) and the second-level
// example domains (RFC 2606 section 3).
var reservedSuffixes = []string{
	"test", "example", "invalid", "localhost", "local",
	"example.com", "example.net", "example.org",
}

// loopbackNames are public names whose every subdomain resolves to
// 127.0.0.1, made for local development: "The entire domain name
// localtest.me—and all wildcard entries—point to 127.0.0.1"
// (readme.localtest.me); lvh.me likewise. A request to them stays on the
// machine as one to localhost does.
var loopbackNames = []string{"localtest.me", "lvh.me"}

// isReservedHost reports whether host is local (isLocalHost) or under a
// name reserved for documentation and testing: a secret for it unlocks
// nothing anyone else can reach.
func isReservedHost(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if isLocalHost(host) {
		return true
	}
	for _, s := range reservedSuffixes {
		if host == s || strings.HasSuffix(host, "."+s) {
			return true
		}
	}
	return false
}

// testDataDirs are directory names that hold test inputs by convention:
// the go tool's testdata (ignored by go build), and the fixtures and mocks
// directories of test frameworks.
var testDataDirs = []string{
	"testdata", "test-data", "test_data", "fixtures", "fixture", "__fixtures__", "__mocks__",
	// Snapshot tests' recorded outputs (Jest; Go's cupaloy).
	"__snapshots__", ".snapshots",
}

// isTestDataPath reports whether file (a slash or OS path) sits in a
// test-data directory.
func isTestDataPath(file string) bool {
	dir := path.Dir(strings.ReplaceAll(file, "\\", "/"))
	for seg := range strings.SplitSeq(dir, "/") {
		for _, d := range testDataDirs {
			if strings.EqualFold(seg, d) {
				return true
			}
		}
	}
	return false
}

// TokenEndpointOf is the catalog's token_endpoint entry the request goes
// to, by its literal host and path; nil when there is none or the URL is
// not literal enough to tell.
func (p *Pass) TokenEndpointOf(r *Request) *TokenEndpoint {
	u := ParseURL(r.URL)
	host, ok := u.HostName()
	if !ok {
		return nil
	}
	pth, ok := u.PathText()
	if !ok {
		return nil
	}
	return p.Catalog.TokenEndpoint(host, pth)
}

// knownProvider reports whether the request's host belongs to a provider
// of the catalog: only then do its documented requirements, stricter than
// what every server enforces, make a deviation an error.
func (p *Pass) knownProvider(r *Request) bool {
	prov, _ := p.ProviderOf(r)
	return prov != nil
}
