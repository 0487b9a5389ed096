package extract

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/tokenlint/tokenlint/rules"
)

// keyKind is what a configuration key (an env var, a YAML/JSON/TOML key)
// names, judged by its name alone.
type keyKind int

const (
	keyOther        keyKind = iota
	keyTokenURL             // token_url, tokenUri, TOKEN_ENDPOINT: the URL a library posts the grant to
	keyAuthURL              // oauth_url, login_url: a token URL only when its path is a token path
	keyURL                  // *_url, *_uri, *_endpoint of no better kind
	keyBaseURL              // base_url, basePath, API_URL, *_HOST
	keyRegion               // *_region
	keyEnvironment          // *_environment, *_env
	keyClientID             // client_id, oauthclient_id
	keyClientSecret         // client_secret, access_token: a credential
	keyGrantType            // grant_type, authorization-grant-type
)

// keySuffixes maps the last words of a key, joined without separators and
// lower-cased, to the key's kind. classifyKey tries the longest suffix
// first, so "accesstokenurl" is a token URL although "accesstoken" is a
// credential. Sources: docs/facts/formats.md §6.1, genesys.md §5.
var keySuffixes = map[string]keyKind{
	"tokenurl":         keyTokenURL,
	"tokenuri":         keyTokenURL,
	"tokenendpoint":    keyTokenURL,
	"tokenendpointurl": keyTokenURL,
	"tokenendpointuri": keyTokenURL,

	"oauthurl":      keyAuthURL,
	"oauthuri":      keyAuthURL,
	"oauthendpoint": keyAuthURL,
	"authurl":       keyAuthURL,
	"authuri":       keyAuthURL,
	"authendpoint":  keyAuthURL,
	"loginurl":      keyAuthURL,
	"loginuri":      keyAuthURL,

	"url":      keyURL,
	"uri":      keyURL,
	"endpoint": keyURL,

	"baseurl":     keyBaseURL,
	"baseuri":     keyBaseURL,
	"basepath":    keyBaseURL,
	"apiurl":      keyBaseURL,
	"apiuri":      keyBaseURL,
	"apibase":     keyBaseURL,
	"apihost":     keyBaseURL,
	"apiendpoint": keyBaseURL,
	"host":        keyBaseURL,

	"region":      keyRegion,
	"environment": keyEnvironment,
	"env":         keyEnvironment,

	"clientid":      keyClientID,
	"oauthclientid": keyClientID,
	// The Genesys Cloud CLI's config.toml names the client id
	// client_credentials (genesys.md §5.2).
	"clientcredentials": keyClientID,

	"clientsecret":      keyClientSecret,
	"oauthclientsecret": keyClientSecret,
	"credentialssecret": keyClientSecret, // Quarkus quarkus.oidc.credentials.secret
	"accesstoken":       keyClientSecret,
	"refreshtoken":      keyClientSecret,

	"granttype": keyGrantType,
}

// classifyKey says what a configuration key names, from its last words.
func classifyKey(name string) keyKind {
	// Configs repeat the same few hundred key names across files and
	// files across a tree; splitting each again dominated JSON reading.
	if kind, ok := keyKinds.Load(name); ok {
		return kind.(keyKind)
	}
	kind := classifyWords(name)
	if keyKindsSize.Add(1) <= maxKeyKinds {
		keyKinds.Store(name, kind)
	}
	return kind
}

// keyTail is the end of a dotted key path long enough for every entry of
// keySuffixes, cut at a separator so no word is split: a JSON or YAML
// path can be hundreds of segments deep, and only its last words count.
func keyTail(name string) string {
	alnum := 0
	for i := len(name) - 1; i >= 0; i-- {
		c := name[i]
		if isKeySeparator(c) && alnum > maxSuffixLetters {
			return name[i+1:]
		}
		if !isKeySeparator(c) {
			alnum++
		}
	}
	return name
}

// maxSuffixLetters bounds the letters of the longest keySuffixes entry.
const maxSuffixLetters = 24

func isKeySeparator(c byte) bool {
	return c == '.' || c == '_' || c == '-' || c == ' ' || c == '/' || c == '[' || c == ']'
}

// keyKinds memoizes classifyKey, up to maxKeyKinds names so a hostile
// file of unique keys cannot grow it without bound.
var (
	keyKinds     sync.Map
	keyKindsSize atomic.Int64
)

const maxKeyKinds = 1 << 16

func classifyWords(name string) keyKind {
	words := rules.Words(keyTail(name))
	for k := range words {
		if kind, ok := keySuffixes[strings.Join(words[k:], "")]; ok {
			return kind
		}
	}
	return keyOther
}

// genesysNamed reports whether a key names Genesys Cloud itself
// (GENESYSCLOUD_REGION, GENESYS_CLOUD_ENVIRONMENT, PURECLOUD_ENVIRONMENT),
// so a bare AWS region code in it is a Genesys region, not an AWS one.
func genesysNamed(name string) bool {
	for _, w := range rules.Words(name) {
		if strings.HasPrefix(w, "genesys") || strings.HasPrefix(w, "purecloud") {
			return true
		}
	}
	return false
}

// addKeyValue records what one key = value pair of a config says: a
// setting, a request to a URL the key names, or nothing. name is the key's
// full name for classification (a dotted path in nested configs); key and
// value are the spans to record. Shared by the .env, YAML, JSON and TOML
// front ends so that the same key means the same everywhere.
func addKeyValue(u *rules.Unit, name string, key, value rules.Value) {
	if strings.TrimSpace(value.Text) == "" {
		return
	}
	cat := rules.DefaultCatalog()
	setting := func(k rules.SettingKind) {
		u.Settings = append(u.Settings, rules.Setting{Kind: k, Key: key, Value: value})
	}
	request := func(role rules.Role) {
		u.Requests = append(u.Requests, &rules.Request{
			Role: role, URL: value, Via: rules.ViaConfig, Library: true, Pos: value.Span(),
		})
	}
	kind := classifyKey(name)
	switch kind {
	case keyTokenURL:
		if !looksLikeURL(value) {
			return
		}
		if path, ok := rules.ParseURL(value).PathText(); ok && strings.Trim(path, "/") == "" {
			// A bare host under a token URL key is most often a base the
			// application appends the token path to: its region counts,
			// its missing path is not judged.
			setting(rules.SettingBaseURL)
			return
		}
		request(rules.RoleToken)
	case keyAuthURL, keyURL:
		if !looksLikeURL(value) {
			return
		}
		u2 := rules.ParseURL(value)
		if path, ok := u2.PathText(); ok && path != "" && cat.IsTokenPath(path) {
			request(rules.RoleToken)
		} else if kind == keyURL && isAPIRequestURL(cat, u2) {
			request(rules.RoleAPI)
		}
	case keyBaseURL:
		setting(rules.SettingBaseURL)
	case keyRegion, keyEnvironment:
		if regionValue(cat, name, value) {
			if kind == keyRegion {
				setting(rules.SettingRegion)
			} else {
				setting(rules.SettingEnvironment)
			}
		}
	case keyClientID:
		setting(rules.SettingClientID)
	case keyClientSecret:
		setting(rules.SettingClientSecret)
	case keyGrantType:
		setting(rules.SettingGrantType)
	case keyOther:
		if rules.IsCredentialName(name) {
			u.Secrets = append(u.Secrets, value.Span())
		}
	}
}

// looksLikeURL reports whether a value is an absolute URL or starts with a
// placeholder that stands for one ({{base}}/oauth/token, ${HOST}/...).
func looksLikeURL(v rules.Value) bool {
	t := strings.TrimSpace(v.Text)
	if i := strings.Index(t, "://"); i > 0 && !strings.ContainsAny(t[:i], " \t/") {
		return true
	}
	return len(v.Text) > 0 && v.DynamicAt(0)
}

// isAPIRequestURL reports whether a URL is clearly one API call rather than
// a base URL: a provider's API host and a path below /api/vN/ with a
// resource in it. Base URLs (https://api.mypurecloud.com, .../api/v2) are
// not.
func isAPIRequestURL(cat *rules.Catalog, u rules.URL) bool {
	host, ok := u.HostName()
	if !ok || cat.Host(host).Kind != rules.HostAPI {
		return false
	}
	path, ok := u.PathText()
	if !ok {
		return false
	}
	segs := strings.Split(strings.Trim(path, "/"), "/")
	return len(segs) >= 3 && segs[0] == "api" && strings.HasPrefix(segs[1], "v")
}

// regionValue reports whether a region or environment key's value names a
// region of a catalog provider. A bare AWS code (us-east-1) counts only
// under a Genesys-named key: AWS_REGION=us-east-1 is Amazon's. A dynamic
// value is kept: it declares that the unit is configured by region.
func regionValue(cat *rules.Catalog, name string, v rules.Value) bool {
	if !v.Known() {
		return genesysNamed(name)
	}
	_, r := cat.LookupRegion(v.Text)
	if r == nil {
		return false
	}
	return genesysNamed(name) || !strings.EqualFold(strings.TrimSpace(v.Text), r.AWS)
}
