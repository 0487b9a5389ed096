// Command gen writes a repeatable synthetic repository for tokenlint's
// benchmark: config files of every format tokenlint reads, Markdown,
// binaries and large files, about 1% of them holding token requests. The
// same -seed gives the same tree byte for byte.
package main

import (
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	out := flag.String("out", "bench/out/tree", "directory to write (replaced)")
	files := flag.Int("files", 20000, "number of files")
	seed := flag.Uint64("seed", 1, "random seed")
	largeMB := flag.Int("large-mb", 4, "size of each large file in MiB")
	large := flag.Int("large", 20, "number of large files")
	flag.Parse()
	if err := os.RemoveAll(*out); err != nil {
		log.Fatal(err)
	}
	g := &gen{rng: rand.New(rand.NewPCG(*seed, *seed^0x9e3779b97f4a7c15)), root: *out}
	total := 0
	for i := 0; i < *files; i++ {
		name, data := g.file(i, i < *large, *largeMB)
		total += len(data)
		path := filepath.Join(*out, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Printf("%d files, %d bytes, %d with token requests\n", *files, total, g.withTokens)
}

type gen struct {
	rng        *rand.Rand
	root       string
	withTokens int
}

var words = strings.Fields(`alpha beta gamma delta service cache worker queue timeout retries
	replicas image port volume mount label selector metrics logging level debug info handler
	route path method limit burst window policy backend frontend database schema table index`)

func (g *gen) word() string { return words[g.rng.IntN(len(words))] }

// file returns the i-th file's relative path and content.
func (g *gen) file(i int, large bool, largeMB int) (string, []byte) {
	dir := fmt.Sprintf("pkg%03d/sub%02d", i%400, i%17)
	hot := g.rng.IntN(100) == 0
	if hot {
		g.withTokens++
	}
	if large {
		return fmt.Sprintf("%s/large%03d.log", dir, i), g.bulk(largeMB << 20)
	}
	switch k := i % 12; k {
	case 0:
		return fmt.Sprintf("%s/deploy%d.yaml", dir, i), g.yaml(hot)
	case 1:
		return fmt.Sprintf("%s/settings%d.json", dir, i), g.json(hot)
	case 2:
		return fmt.Sprintf("%s/conf%d.toml", dir, i), g.toml(hot)
	case 3:
		return fmt.Sprintf("%s/run%d.sh", dir, i), g.shell(hot)
	case 4:
		return fmt.Sprintf("%s/README%d.md", dir, i), g.markdown(hot)
	case 5:
		return fmt.Sprintf("%s/api%d.http", dir, i), g.http(hot)
	case 6:
		return fmt.Sprintf("%s/.env.%d", dir, i), g.env(hot)
	case 7:
		return fmt.Sprintf("%s/coll%d.postman_collection.json", dir, i), g.postman(hot)
	case 8:
		return fmt.Sprintf("%s/image%d.png", dir, i), g.binary(8 << 10)
	case 9:
		return fmt.Sprintf("%s/data%d.bin", dir, i), g.binary(16 << 10)
	default:
		return fmt.Sprintf("%s/notes%d.txt", dir, i), g.bulk(10 << 10)
	}
}

func (g *gen) lines(n int, f func(i int) string) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(f(i))
		b.WriteByte('\n')
	}
	return b.String()
}

func (g *gen) yaml(hot bool) []byte {
	// Blocks of a key and three nested values: valid YAML, as real
	// manifests are.
	s := g.lines(200+g.rng.IntN(400), func(i int) string {
		if i%4 == 0 {
			return fmt.Sprintf("%s_%d:", g.word(), i)
		}
		return fmt.Sprintf("  %s_%d: %s-%d", g.word(), i, g.word(), g.rng.IntN(1000))
	})
	if hot {
		s += "oauth:\n  token_url: https://api.mypurecloud.com/oauth/token\n  client_secret: ${CLIENT_SECRET}\n"
	}
	return []byte(s)
}

func (g *gen) json(hot bool) []byte {
	var b strings.Builder
	b.WriteString("{\n")
	n := 200 + g.rng.IntN(400)
	for i := range n {
		fmt.Fprintf(&b, "  %q: %q,\n", fmt.Sprintf("%s_%d", g.word(), i), g.word())
	}
	if hot {
		b.WriteString("  \"tokenUrl\": \"https://login.mypurecloud.com/api/v2/oauth/token\",\n")
	}
	b.WriteString("  \"end\": true\n}\n")
	return []byte(b.String())
}

func (g *gen) toml(hot bool) []byte {
	s := g.lines(200+g.rng.IntN(300), func(i int) string {
		if i%20 == 0 {
			return fmt.Sprintf("[%s_%d]", g.word(), i)
		}
		return fmt.Sprintf("%s_%d = \"%s\"", g.word(), i, g.word())
	})
	if hot {
		s += "[oauth]\ntoken_url = \"https://api.us.genesys.cloud/oauth/token\"\n"
	}
	return []byte(s)
}

func (g *gen) shell(hot bool) []byte {
	s := "#!/bin/sh\nset -eu\n" + g.lines(150+g.rng.IntN(300), func(i int) string {
		return fmt.Sprintf("echo \"%s %d\" | grep -q %s || %s_%d=%s", g.word(), i, g.word(), g.word(), i, g.word())
	})
	if hot {
		s += "curl -X POST https://api.mypurecloud.com/oauth/token \\\n  -H 'Content-Type: application/json' \\\n  -d \"grant_type=client_credentials&client_secret=$SECRET\"\n"
	}
	return []byte(s)
}

func (g *gen) markdown(hot bool) []byte {
	s := "# " + g.word() + "\n\n" + g.lines(200+g.rng.IntN(300), func(i int) string {
		if i%30 == 0 {
			return "```sh\nmake " + g.word() + "\n```"
		}
		return "The " + g.word() + " " + g.word() + " handles the " + g.word() + " of each " + g.word() + "."
	})
	if hot {
		s += "\n```sh\ncurl -d grant_type=client_credentials https://login.mypurecloud.com/api/v2/oauth/token\n```\n"
	}
	return []byte(s)
}

func (g *gen) http(hot bool) []byte {
	s := g.lines(100+g.rng.IntN(200), func(i int) string {
		if i%10 == 0 {
			return fmt.Sprintf("###\nGET https://example.com/%s/%d\nAccept: application/json\n", g.word(), i)
		}
		return "# " + g.word()
	})
	if hot {
		s += "###\nPOST https://api.mypurecloud.com/oauth/token\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials\n"
	}
	return []byte(s)
}

func (g *gen) env(hot bool) []byte {
	s := g.lines(50+g.rng.IntN(100), func(i int) string {
		return fmt.Sprintf("%s_%d=%s", strings.ToUpper(g.word()), i, g.word())
	})
	if hot {
		s += "GENESYS_CLOUD_REGION=us_east_1\nTOKEN_URL=https://api.mypurecloud.com/oauth/token\n"
	}
	return []byte(s)
}

func (g *gen) postman(hot bool) []byte {
	var b strings.Builder
	b.WriteString(`{"info":{"name":"c","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[`)
	n := 40 + g.rng.IntN(80)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"name":"%s %d","request":{"method":"GET","url":"https://example.com/%s/%d","header":[]}}`, g.word(), i, g.word(), i)
	}
	if hot {
		b.WriteString(`,{"name":"token","request":{"method":"POST","url":"https://api.mypurecloud.com/oauth/token","header":[{"key":"Content-Type","value":"application/json"}],"body":{"mode":"raw","raw":"{\"grant_type\":\"client_credentials\"}"}}}`)
	}
	b.WriteString("]}\n")
	return []byte(b.String())
}

func (g *gen) binary(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(g.rng.UintN(256))
	}
	return b
}

func (g *gen) bulk(n int) []byte {
	var b strings.Builder
	for b.Len() < n {
		fmt.Fprintf(&b, "%s %s=%d %s\n", g.word(), g.word(), g.rng.IntN(100000), g.word())
	}
	return []byte(b.String())
}
