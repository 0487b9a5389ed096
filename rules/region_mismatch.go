package rules

import (
	"fmt"
	"slices"
	"strings"
)

// RegionMismatch flags hosts and declarations of one unit that name
// different regions of the same provider.
var RegionMismatch = &Rule{
	ID:       "region-mismatch",
	Severity: Error,
	Summary:  "token host, API host and declared region name different regions",
	Doc: Documentation{
		Why: `Each Genesys Cloud region is a separate deployment: an OAuth client exists
in one region only, and a token works only against the API of the region
that issued it. A token requested from one region's login host and used on
another region's API host fails; so does a client of one region sent to
another region's login host, which answers {"error":"invalid_client"}
exactly as for a wrong secret.

Within one file or Go package the rule reports:
- an API host in another region than the one token host the unit uses;
- a token or API host (or base URL) in another region than the one region
  the unit declares (GENESYS_CLOUD_REGION, GENESYSCLOUD_REGION, region: or
  environment: keys, terraform aws_region, an SDK base path);
- any host or declared region outside the regions pinned in .tokenlint.toml
  ([genesys] region = "eu-west-1"): tell the linter where your org lives
  and it stops guessing.`,
		Bad: []Example{{Format: FormatHTTP, Code: `# us-east-1
POST https://login.mypurecloud.com/oauth/token
Content-Type: application/x-www-form-urlencoded

grant_type=client_credentials

###
# eu-west-1
GET https://api.mypurecloud.ie/api/v2/users
Authorization: Bearer {{token}}`}},
		Good: []Example{{Format: FormatHTTP, Code: `POST https://login.mypurecloud.com/oauth/token
Content-Type: application/x-www-form-urlencoded

grant_type=client_credentials

###
GET https://api.mypurecloud.com/api/v2/users
Authorization: Bearer {{token}}`,
			Caption: "Token and API calls in one region, us-east-1 here."}},
		Notes: `Every alias of a region counts as that region: the AWS code with - or _
(eu-west-1, eu_west_1), the SDK key, the domain (mypurecloud.ie) and its
login. and api. hosts. A unit that declares or requests tokens in several
regions (one profile per region) is judged only against the pinned regions.`,
		Sources: []string{
			"per-region host derivation in every official client (Go SDK configuration.go AuthorizeClientCredentials, CLI restclient.go, JS ApiClient.setEnvironment)",
			"a client used against another region's login host answers invalid_client (tishige/CallFlowVisualizer#8, #9, MyPureCloud/open-data-exporter#1)",
			"region aliases from terraform getRegionMap, CLI RegionMappings and the SDK enums (docs/facts/genesys.md 1.1, 2.1, 6)",
		},
		Since: FirstRelease,
	},
	Check: checkRegionMismatch,
}

// A regionRef is one place of a unit that names a region.
type regionRef struct {
	prov   *Provider
	region *Region
	span   Span
	what   string // the host, or the setting's key
	host   bool   // a host or base URL, not a region declaration
	token  bool   // the host mints tokens (a token request's host)
	kind   HostKind
}

func checkRegionMismatch(p *Pass) {
	refs := regionRefs(p)
	for _, prov := range providersOf(refs) {
		pinned := pinnedRegions(p, prov)
		var declared, tokens []*Region
		var declRef, tokenRef *regionRef
		for _, ref := range refs {
			switch {
			case ref.prov != prov:
			case !ref.host:
				declared = addRegion(declared, ref.region)
				if declRef == nil {
					declRef = ref
				}
			case ref.token:
				tokens = addRegion(tokens, ref.region)
				if tokenRef == nil {
					tokenRef = ref
				}
			}
		}
		for _, ref := range refs {
			if ref.prov != prov {
				continue
			}
			var msg string
			var related []Related
			switch {
			case len(pinned) > 0 && !slices.Contains(pinned, ref.region):
				msg = fmt.Sprintf("%s is in %s, outside the region%s pinned in the configuration (%s)%s",
					ref.what, ref.region.Name(), plural(len(pinned)), regionNames(pinned), rightHost(prov, ref, pinned))
			case ref.host && len(declared) == 1 && declared[0] != ref.region:
				msg = fmt.Sprintf("%s is in %s, but %s declares %s: a client and its tokens exist in one region only%s",
					ref.what, ref.region.Name(), declRef.what, declared[0].Name(), rightHost(prov, ref, declared))
				related = []Related{{Span: declRef.span, Message: fmt.Sprintf("%s declares %s here", declRef.what, declared[0].Name())}}
			case ref.host && !ref.token && len(declared) == 0 && len(tokens) == 1 && tokens[0] != ref.region:
				msg = fmt.Sprintf("%s is in %s, but the token comes from %s (%s): a token works only in the region that issued it%s",
					ref.what, ref.region.Name(), tokenRef.what, tokens[0].Name(), rightHost(prov, ref, tokens))
				related = []Related{{Span: tokenRef.span, Message: fmt.Sprintf("the token is requested from %s (%s) here", tokenRef.what, tokens[0].Name())}}
			default:
				continue
			}
			p.Report(Diagnostic{Span: ref.span, Key: ref.what + ":" + ref.region.Name(), Message: msg, Related: related})
		}
	}
}

// regionRefs lists the hosts and declarations of the unit that name a
// region, in source order, one per span.
func regionRefs(p *Pass) []*regionRef {
	var refs []*regionRef
	seen := map[Span]bool{}
	add := func(ref *regionRef) {
		if ref.region == nil || seen[ref.span] {
			return
		}
		seen[ref.span] = true
		refs = append(refs, ref)
	}
	hostRef := func(v Value, what string, token bool) *regionRef {
		u := ParseURL(v)
		h, ok := u.HostName()
		if !ok || h == "" {
			return &regionRef{}
		}
		info := p.Catalog.Host(h)
		if info.Kind != HostToken && info.Kind != HostAPI {
			return &regionRef{}
		}
		if what == "" {
			what = h
		} else {
			what = h + " (" + what + ")"
		}
		return &regionRef{prov: info.Provider, region: info.Region, span: u.Host.Span(), what: what, host: true,
			token: token || info.Kind == HostToken, kind: info.Kind}
	}
	for _, r := range p.Unit.Requests {
		add(hostRef(r.URL, "", r.Role == RoleToken))
	}
	for _, s := range p.Unit.Settings {
		if !s.Value.Known() {
			continue
		}
		key := "a setting"
		if s.Key.Known() && s.Key.Text != "" {
			key = s.Key.Text
		}
		switch s.Kind {
		case SettingBaseURL:
			add(hostRef(s.Value, key, false))
		case SettingRegion, SettingEnvironment:
			if prov, r := p.Catalog.LookupRegion(s.Value.Text); r != nil {
				add(&regionRef{prov: prov, region: r, span: s.Value.Span(), what: key})
			}
		}
	}
	return refs
}

func providersOf(refs []*regionRef) []*Provider {
	var out []*Provider
	for _, r := range refs {
		if !slices.Contains(out, r.prov) {
			out = append(out, r.prov)
		}
	}
	return out
}

// pinnedRegions resolves Options.Regions (any alias) to prov's regions.
func pinnedRegions(p *Pass, prov *Provider) []*Region {
	var out []*Region
	if p.Options == nil {
		return nil
	}
	for _, alias := range p.Options.Regions {
		if pv, r := p.Catalog.LookupRegion(alias); pv == prov && r != nil {
			out = addRegion(out, r)
		}
	}
	return out
}

func addRegion(list []*Region, r *Region) []*Region {
	if slices.Contains(list, r) {
		return list
	}
	return append(list, r)
}

func regionNames(list []*Region) string {
	names := make([]string, len(list))
	for i, r := range list {
		names[i] = r.Name()
	}
	return strings.Join(names, ", ")
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// rightHost names the host of ref's kind in the one expected region.
func rightHost(prov *Provider, ref *regionRef, expected []*Region) string {
	if len(expected) != 1 || !ref.host {
		return ""
	}
	prefix := prov.APIHostPrefix
	if ref.kind == HostToken {
		prefix = prov.TokenHostPrefix
	}
	if prefix == "" {
		return ""
	}
	return "; use " + prefix + expected[0].Domain
}
