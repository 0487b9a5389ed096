package rules

import "sort"

// All lists every rule, sorted by ID. Adding a rule means adding its file
// and one line here.
func All() []*Rule {
	list := []*Rule{
		TokenHost,
		TokenPath,
		JSONTokenRequest,
		MultipartTokenRequest,
		UnencodedSecret,
		UserScopedAPI,
		InsecureTokenURL,
		SecretInQuery,
		TokenMethod,
		GrantType,
		HardcodedSecret,
		MissingContentType,
		TLSVerifyDisabled,
		RegionMismatch,
		EntraScope,
		Auth0Audience,
		SalesforceMyDomain,
	}
	sort.Slice(list, func(i, j int) bool { return list[i].ID < list[j].ID })
	return list
}
