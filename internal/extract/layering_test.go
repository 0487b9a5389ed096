package extract

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// A format's file may use the shared helpers of the package (nodes.go,
// collections.go, template.go, ...) but nothing declared in another format's
// file, so a format can be read, changed or removed on its own. A format's
// file is one that declares a *Format. Names are matched as written, without
// type checking: a local variable named like another format's top-level
// declaration counts too, and is better renamed anyway.
func TestFormatFilesDependOnlyOnSharedHelpers(t *testing.T) {
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]*ast.File{}
	declaredIn := map[string]string{} // top-level name -> file
	formatFiles := map[string]bool{}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = f
		for _, d := range f.Decls {
			for _, id := range declNames(d) {
				if id != "_" {
					declaredIn[id] = name
				}
			}
			if isFormatDecl(d) {
				formatFiles[name] = true
			}
		}
	}
	if len(formatFiles) < 10 {
		t.Fatalf("found %d format files, want every format", len(formatFiles))
	}
	var bad []string
	for name, f := range files {
		if !formatFiles[name] {
			continue
		}
		seen := map[string]bool{}
		for _, d := range f.Decls {
			packageNames(d, func(id *ast.Ident) {
				if other, ok := declaredIn[id.Name]; ok && other != name && formatFiles[other] && !seen[id.Name] {
					seen[id.Name] = true
					bad = append(bad, name+" uses "+id.Name+" from "+other)
				}
			})
		}
	}
	sort.Strings(bad)
	for _, b := range bad {
		t.Error(b + ": move it to a shared file")
	}
}

// packageNames calls fn on the identifiers under n that can name a
// package-level declaration: not a selector's name (x.name is a field or a
// method), not a method's or a struct field's own name, not a composite
// literal's field key.
func packageNames(n ast.Node, fn func(*ast.Ident)) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			packageNames(n.X, fn)
			return false
		case *ast.FuncDecl:
			if n.Recv != nil {
				packageNames(n.Recv, fn)
				packageNames(n.Type, fn)
				if n.Body != nil {
					packageNames(n.Body, fn)
				}
				return false
			}
		case *ast.Field:
			packageNames(n.Type, fn)
			return false
		case *ast.KeyValueExpr:
			if _, ok := n.Key.(*ast.Ident); ok {
				packageNames(n.Value, fn)
				return false
			}
		case *ast.Ident:
			fn(n)
		}
		return true
	})
}

func declNames(d ast.Decl) []string {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			return []string{d.Name.Name}
		}
	case *ast.GenDecl:
		var out []string
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				out = append(out, s.Name.Name)
			case *ast.ValueSpec:
				for _, n := range s.Names {
					out = append(out, n.Name)
				}
			}
		}
		return out
	}
	return nil
}

func isFormatDecl(d ast.Decl) bool {
	g, ok := d.(*ast.GenDecl)
	if !ok || g.Tok != token.VAR {
		return false
	}
	for _, s := range g.Specs {
		for _, v := range s.(*ast.ValueSpec).Values {
			if u, ok := v.(*ast.UnaryExpr); ok {
				if c, ok := u.X.(*ast.CompositeLit); ok {
					if id, ok := c.Type.(*ast.Ident); ok && id.Name == "Format" {
						return true
					}
				}
			}
		}
	}
	return false
}
