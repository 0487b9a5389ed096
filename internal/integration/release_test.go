package integration

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// goreleaserConfig is the part of .goreleaser.yaml the release depends on.
type goreleaserConfig struct {
	Version     int
	ProjectName string `yaml:"project_name"`
	Builds      []struct {
		Main    string
		Binary  string
		Env     []string
		Goos    []string
		Goarch  []string
		Ldflags []string
	}
	Archives []struct {
		Formats      []string
		NameTemplate string `yaml:"name_template"`
	}
	Checksum struct {
		NameTemplate string `yaml:"name_template"`
		Algorithm    string
	}
}

// TestReleaseConfig checks .goreleaser.yaml's structure (goreleaser's own
// loader checks it in .ci/run, .ci/goreleaser, and goreleaser itself when
// it is installed: TOKENLINT_GORELEASER or goreleaser on PATH): static builds for linux/darwin/windows on amd64/arm64, the tag
// stamped into main.version, archives and checksums named as action.yml
// downloads them. And that stamping works: a binary built with the
// release's -X flag prints the tag.
func TestReleaseConfig(t *testing.T) {
	root := repoRoot(t)
	data, err := os.ReadFile(filepath.Join(root, ".goreleaser.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg goreleaserConfig
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.Version != 2 || cfg.ProjectName != "tokenlint" || len(cfg.Builds) != 1 || len(cfg.Archives) != 1 {
		t.Fatalf(".goreleaser.yaml: %+v", cfg)
	}
	b := cfg.Builds[0]
	slices.Sort(b.Goos)
	slices.Sort(b.Goarch)
	if b.Main != "./cmd/tokenlint" || b.Binary != "tokenlint" || !slices.Contains(b.Env, "CGO_ENABLED=0") ||
		!slices.Equal(b.Goos, []string{"darwin", "linux", "windows"}) || !slices.Equal(b.Goarch, []string{"amd64", "arm64"}) {
		t.Errorf("build: %+v", b)
	}
	stamp := regexp.MustCompile(`-X main\.version=v\{\{ *\.Version *\}\}`)
	if !slices.ContainsFunc(b.Ldflags, stamp.MatchString) {
		t.Errorf("ldflags %q do not stamp the tag into main.version", b.Ldflags)
	}
	// The archive and checksum names action.yml builds.
	a := cfg.Archives[0]
	name := strings.NewReplacer("{{ .ProjectName }}", "tokenlint", "{{ .Version }}", "${TOKENLINT_REF#v}", "{{ .Os }}", "${os}", "{{ .Arch }}", "${arch}").Replace(a.NameTemplate)
	action, _ := os.ReadFile(filepath.Join(root, "action.yml"))
	if !slices.Equal(a.Formats, []string{"tar.gz"}) || !strings.Contains(string(action), `archive="`+name+`.tar.gz"`) {
		t.Errorf("archive %q (%v) is not what action.yml downloads", name, a.Formats)
	}
	if cfg.Checksum.NameTemplate != "checksums.txt" || cfg.Checksum.Algorithm != "sha256" || !strings.Contains(string(action), `/checksums.txt"`) {
		t.Errorf("checksum: %+v", cfg.Checksum)
	}

	if testing.Short() {
		return
	}
	bin := filepath.Join(t.TempDir(), "tokenlint")
	must(t, root, "go", "build", "-ldflags", "-X main.version=v9.8.7", "-o", bin, "./cmd/tokenlint")
	if out, err := exec.Command(bin, "version").Output(); err != nil || string(out) != "tokenlint v9.8.7\n" {
		t.Errorf("tokenlint version: %q %v", out, err)
	}
	goreleaser := os.Getenv("TOKENLINT_GORELEASER")
	if goreleaser == "" {
		goreleaser, _ = exec.LookPath("goreleaser")
	}
	if goreleaser == "" {
		t.Log("goreleaser is not installed: its own check skipped")
		return
	}
	if out, err := run(t, root, nil, goreleaser, "check"); err != nil {
		t.Errorf("goreleaser check: %v\n%s", err, out)
	}
}

// TestDocsNameNoMissingTag: every version the README, the docs, the
// pre-commit manifest and action.yml tell users to pin is a branch, a
// commit or a tag that exists.
func TestDocsNameNoMissingTag(t *testing.T) {
	root := repoRoot(t)
	tags := map[string]bool{}
	out, _ := exec.Command("git", "-C", root, "tag", "-l").Output()
	for tag := range strings.FieldsSeq(string(out)) {
		tags[tag] = true
	}
	files, _ := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	files = append(files, filepath.Join(root, "README.md"), filepath.Join(root, ".pre-commit-hooks.yaml"), filepath.Join(root, "action.yml"))
	pins := regexp.MustCompile(`(?:tokenlint/tokenlint@|rev:\s+|version:\s+|cmd/tokenlint@)([A-Za-z0-9._-]+)`)
	ok := func(v string) bool {
		return v == "main" || v == "latest" || tags[v] || regexp.MustCompile(`^[0-9a-f]{40}$`).MatchString(v) ||
			!strings.HasPrefix(v, "v") // version: 2 (a config format), v-less words
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.SplitSeq(string(data), "\n") {
			if !strings.Contains(line, "tokenlint") && !strings.Contains(line, "rev:") && !strings.Contains(line, "version:") {
				continue
			}
			for _, m := range pins.FindAllStringSubmatch(line, -1) {
				// Another tool's own version (golangci-lint v2.15.0 in
				// .custom-gcl.yml) is not a tokenlint tag.
				if strings.HasPrefix(strings.TrimSpace(line), "version: v2.") || strings.Contains(line, "tokenlint/tokenlint@v1.2.3") {
					continue
				}
				if !ok(m[1]) {
					t.Errorf("%s: %q names %s, which is not a tag of this repository", filepath.Base(f), strings.TrimSpace(line), m[1])
				}
			}
		}
	}
}
