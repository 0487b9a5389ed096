package rules

// Documentation is what a rule tells its users, in fields that every
// output renders the same way: tokenlint explain, SARIF's rules[].help and
// fullDescription, docs/rules/<id>.md and the README table. Its examples
// are checked, as actionlint checks its rule docs: a test lints each bad
// example as a file of its format and expects the rule, and each good one
// and expects the rule to stay silent.
type Documentation struct {
	// Why says what goes wrong and why it matters. Its first paragraph
	// stands alone (SARIF's fullDescription). Prose: paragraphs parted by
	// blank lines, "- " list items.
	Why string
	// Bad are code the rule reports; Good the same code made right.
	Bad, Good []Example
	// Notes say what the rule judges and what it leaves alone, and
	// why (optional; prose as Why).
	Notes string
	// Sources back every claim: RFC sections, vendor documentation, the
	// sections of docs/facts that record them.
	Sources []string
	// Since is the release that brought the rule.
	Since string
}

// FirstRelease is the version of the first release, which brings every
// rule of the first round.
const FirstRelease = "v0.1.0"

// An Example is a piece of code in one format, linted as a file of it.
type Example struct {
	Format Format
	// Code is the file's text (a Go example is a whole file).
	Code string
	// File is the name the example is linted under, where the format
	// takes the name into account (application.yml for Spring settings);
	// empty means the format's own (Format.FileName).
	File string
	// Caption, shown after the code, says what the example shows when
	// that is not plain from the code (optional).
	Caption string
}

// FileName is the name the example is linted under.
func (e Example) FileName() string {
	if e.File != "" {
		return e.File
	}
	return e.Format.FileName()
}

// A Format is the kind of file an example is. Its value is the Markdown
// fence language that shows it.
type Format string

// The formats of examples. Go examples are read by the analyzer, the
// others by the config front ends.
const (
	FormatShell Format = "sh"   // a shell script: curl command lines
	FormatHTTP  Format = "http" // an .http request file
	FormatYAML  Format = "yaml"
	FormatJSON  Format = "json"
	FormatEnv   Format = "env" // a .env file
	FormatTOML  Format = "toml"
	FormatGo    Format = "go" // a Go source file, package and imports included
)

// FileName is the name a file of the format has by default.
func (f Format) FileName() string {
	if f == FormatEnv {
		return ".env"
	}
	return "example." + string(f)
}

// A Family is a kind of front end: the config formats of internal/extract
// or the Go analyzer.
type Family string

// The front-end families.
const (
	FamilyConfig Family = "config"
	FamilyGo     Family = "go"
)

// AllFamilies are the families a rule judges when it names none.
var AllFamilies = []Family{FamilyConfig, FamilyGo}

// JudgedFamilies are the families whose code r judges.
func (r *Rule) JudgedFamilies() []Family {
	if r.Families == nil {
		return AllFamilies
	}
	return r.Families
}
