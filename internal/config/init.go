package config

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/tokenlint/tokenlint/rules"
)

const defaultTemplate = `# tokenlint configuration. tokenlint reads the .tokenlint.toml it finds in
# the directory of the first linted path or a parent, up to the repository
# root, or the file named with -config. Unknown keys are errors. Every setting is optional.

# Paths to skip, relative to this file. "*" stays within one directory,
# "**" crosses directories; a pattern without "/" matches a name anywhere.
# Files named on the command line (as pre-commit passes them) are skipped
# too, as with golangci-lint's and ruff's force-exclude.
# exclude = ["testdata/**", "docs/legacy/*.md", "*.generated.yaml"]

# Files larger than this are skipped with a notice (default 10MB).
# max_file_size = "10MB"

# Form fields and request headers of your own whose value is a credential:
# masked in every output, as client_secret and Authorization are.
# credential_fields = ["pin"]
# credential_headers = ["X-Acme-Signature"]

[rules]
# Run only these rules (default: all of them; see tokenlint rules).
# enable = [%s]
# Never run these rules.
# disable = []

[rules.severity]
# Override a rule's level: "error", "warning", "note" (reported, never
# fails the run at the default -fail-on warning) or "off".
# token-host = "warning"

[genesys]
# The Genesys Cloud region(s) your org lives in: an AWS code (us-east-1),
# an SDK key (us_east_1) or a domain (mypurecloud.com). With one region,
# findings name the exact token URL to use.
# region = "us-east-1"
# regions = ["us-east-1", "eu-west-1"]

# Your own OAuth provider, so requests to it are judged too.
# [[provider]]
# id = "acme"
# name = "ACME identity"
# token_hosts = ["auth.acme.example", "*.auth.acme.example"]   # "*" is one label
# token_path = "/oauth2/token"
# api_hosts = ["api.acme.example"]
#   [[provider.user_only]]
#   method = "GET"
#   path = "/v1/me"
#   level = "error"

# An endpoint that needs a user's token (client-credentials tokens get an
# error), added to Genesys Cloud unless provider names another.
# [[user_only]]
# provider = "genesys"
# method = "GET"
# path = "/api/v2/users/me"
# level = "error"          # "error" (documented) or "warning" (inferred)
# source = "where this is documented"
`

// Init writes a commented default configuration, every setting shown and
// commented out, for tokenlint init.
func Init(w io.Writer) error {
	var ids []string
	for _, r := range rules.All() {
		ids = append(ids, fmt.Sprintf("%q", r.ID))
	}
	_, err := fmt.Fprintf(w, defaultTemplate, strings.Join(ids, ", "))
	return err
}

// InitFile writes the default configuration to dir/.tokenlint.toml and
// returns its path; it never overwrites an existing file.
func InitFile(dir string) (string, error) {
	p := filepath.Join(dir, FileName)
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if os.IsExist(err) {
			return p, fmt.Errorf("%s already exists", p)
		}
		return p, err
	}
	if err := Init(f); err != nil {
		f.Close()
		return p, err
	}
	return p, f.Close()
}
