// Command goreleasercheck checks a goreleaser configuration as `goreleaser
// check` does, with goreleaser's own loader, in a fraction of goreleaser's
// build: installing goreleaser compiles every publisher it has (10 minutes
// on two cores), while its configuration package builds in about one.
//
// It loads the file with goreleaser's strict decoder (pkg/config.Load: an
// unknown key, a wrong type or a bad value fails), requires `version: 2`,
// and fails on every option that goreleaser marks deprecated (the
// `jsonschema:"deprecated=true"` tags of its configuration types, the
// options `goreleaser check` warns about and exits 2 for). It does not run
// goreleaser's defaults pipe, which also rejects some combinations of valid
// options (two builds with one ID, an archive naming a missing build);
// internal/integration TestReleaseConfig checks those this project relies
// on.
//
// Usage, from this directory (.ci/run does it): go run . CONFIG
package main

import (
	"fmt"
	"os"
	"reflect"
	"strings"

	"github.com/goreleaser/goreleaser/v2/pkg/config"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: goreleasercheck CONFIG")
		os.Exit(2)
	}
	if err := check(os.Args[1]); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
}

// check loads a configuration as goreleaser does and reports what
// `goreleaser check` would.
func check(path string) error {
	cfg, err := config.Load(path)
	if err != nil {
		return err
	}
	if cfg.Version != 2 {
		return fmt.Errorf("version is %d: goreleaser v2 reads version: 2 only", cfg.Version)
	}
	if used := deprecated(reflect.ValueOf(cfg), ""); len(used) > 0 {
		return fmt.Errorf("valid, but uses deprecated options: %s", strings.Join(used, ", "))
	}
	return nil
}

// deprecated lists the options set in v (a configuration value, at path)
// whose field goreleaser tags as deprecated.
func deprecated(v reflect.Value, path string) []string {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return deprecated(v.Elem(), path)
	case reflect.Slice, reflect.Array:
		var out []string
		for i := 0; i < v.Len(); i++ {
			out = append(out, deprecated(v.Index(i), fmt.Sprintf("%s[%d]", path, i))...)
		}
		return out
	case reflect.Map:
		var out []string
		iter := v.MapRange()
		for iter.Next() {
			out = append(out, deprecated(iter.Value(), fmt.Sprintf("%s[%v]", path, iter.Key()))...)
		}
		return out
	case reflect.Struct:
		var out []string
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if name == "" || name == "-" {
				name = f.Name
			}
			at := name
			if path != "" {
				at = path + "." + name
			}
			if f.Anonymous {
				at = path
			}
			fv := v.Field(i)
			if strings.Contains(f.Tag.Get("jsonschema"), "deprecated=true") && !fv.IsZero() {
				out = append(out, at)
				continue
			}
			out = append(out, deprecated(fv, at)...)
		}
		return out
	}
	return nil
}
