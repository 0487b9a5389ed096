package config

import "testing"

// FuzzParse: any text is a configuration or an *Error, never a panic.
func FuzzParse(f *testing.F) {
	f.Add([]byte("exclude = [\"a/**\"]\n[rules.severity]\ntoken-host = \"off\"\n[[provider]]\nid = \"x\"\n"))
	f.Add([]byte("[genesys]\nregions = [\"eu-west-1\"]\nmax_file_size = \"1.5GB\"\n"))
	f.Add([]byte("[[user_only]]\nmethod = \"GET\"\npath = \"/x\"\n'''\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		cfg, err := Parse("f.toml", src)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		cfg.Exclude.Match("a/b/c")
	})
}
