package extract

import (
	"bytes"
	"testing"
)

// benchRepeat makes a realistic large file of the line-based formats, whose
// files can be concatenated: the largest fixture 64 times, with the
// format's separator between copies. Documents whose syntax does not
// concatenate (JSON, YAML, TOML, Postman, Insomnia, Bruno, Terraform,
// OpenAPI) are measured on their largest fixture; BenchmarkConfigExtract
// measures megabyte-sized YAML, JSON and TOML.
var benchRepeat = map[string]string{
	"shell":    "\n",
	"env":      "\n",
	"markdown": "\n\n",
	"http":     "\n###\n",
}

// BenchmarkFrontEnds extracts each format's largest fixture (repeated for
// line-based formats), so a slow front end shows up by name with its MB/s.
func BenchmarkFrontEnds(b *testing.B) {
	kinds, srcs := fixtureSeeds(b)
	largest := map[int][]byte{}
	for i, k := range kinds {
		if len(srcs[i]) > len(largest[int(k)]) {
			largest[int(k)] = srcs[i]
		}
	}
	for k, n := range fuzzNames {
		src, ok := largest[k]
		if !ok {
			continue
		}
		if sep, ok := benchRepeat[n.format]; ok {
			src = bytes.Repeat(append(bytes.Clone(src), sep...), 64)
		}
		f := ByName(n.format)
		b.Run(n.format+"/"+n.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, err := f.Extract(n.name, src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
