// Package vetunit runs an analyzer under go vet -vettool as
// golang.org/x/tools/go/analysis/unitchecker does, but skips the units
// the analyzer has nothing to do in without parsing or type-checking
// them.
//
// An analyzer that declares facts is run by go vet on every dependency
// of the packages vetted, the standard library included, and
// unitchecker type-checks each from source: most of the time of a run
// goes to packages that can neither report a finding nor export a fact.
// Such a unit here writes a vetx file with neither types nor facts and
// exits. A unit that does matter is handed to unitchecker, after the
// import vetx files that have no types are replaced by ones holding the
// types read from the compiled packages go vet lists (PackageFile),
// which is what unitchecker would otherwise have computed from source.
// Facts pass through: a unit whose imports carry facts is never
// skipped, so its importers still see them.
package vetunit

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"
	"golang.org/x/tools/go/gcexportdata"
)

// Matters reports whether a unit needs the analyzer; parse returns its
// files parsed without comments and is called only when needed.
type Matters func(path string, imports, goFiles []string, parse func() ([]*ast.File, error)) bool

// Main speaks the go vet -vettool protocol for a and exits: the last
// argument is the unit's config file, or a request for the tool's
// version or flags, which unitchecker answers.
func Main(a *analysis.Analyzer, matters Matters) {
	log.SetFlags(0)
	log.SetPrefix(filepath.Base(os.Args[0]) + ": ")
	if n := len(os.Args); n > 1 && strings.HasSuffix(os.Args[n-1], ".cfg") {
		cfgFile, err := prepare(os.Args[n-1], os.Args[1:n-1], matters)
		if err != nil {
			log.Fatal(err)
		}
		if cfgFile == "" {
			os.Exit(0) // skipped
		}
		os.Args[n-1] = cfgFile
	}
	unitchecker.Main(a)
}

// config is the part of unitchecker.Config this package reads.
type config struct {
	ImportPath  string
	GoFiles     []string
	ImportMap   map[string]string
	PackageFile map[string]string
	PackageVetx map[string]string
	Standard    map[string]bool
	VetxOnly    bool
	VetxOutput  string
	Stdout      string
	FixArchive  string
}

// prepare reads the unit's config. For a unit that does not matter it
// writes the empty vetx file and returns "". Otherwise it returns the
// config to give unitchecker: the same file, or a copy next to the
// unit's vetx output whose PackageVetx points at vetx files with types.
func prepare(cfgFile string, flags []string, matters Matters) (string, error) {
	raw, err := os.ReadFile(cfgFile)
	if err != nil {
		return "", err
	}
	var cfg config
	if err := json.Unmarshal(raw, &cfg); err != nil {
		return "", fmt.Errorf("cannot decode JSON config file %s: %v", cfgFile, err)
	}
	// The standard library's units never carry facts (nor are they ever
	// analysed): only the other imports' files are opened to decide.
	headers, err := readHeaders(cfg.PackageVetx, func(path string) bool { return !cfg.Standard[path] })
	if err != nil {
		return "", err
	}
	if skippable(&cfg, flags, headers, matters) {
		return "", skip(&cfg, flags)
	}
	if headers, err = readHeaders(cfg.PackageVetx, func(string) bool { return true }); err != nil {
		return "", err
	}
	return withTypes(cfgFile, raw, &cfg, headers)
}

// skippable reports whether the unit can be skipped: the analyzer would
// neither report nor export anything, no import carries facts to pass
// through, and, for a unit whose diagnostics are asked for, they are
// printed as text or JSON (-fix and -diff, even with nothing to fix,
// write their output in their own way, which unitchecker is left to do).
func skippable(cfg *config, flags []string, headers map[string]header, matters Matters) bool {
	if cfg.VetxOutput == "" {
		return false
	}
	if !cfg.VetxOnly && (cfg.FixArchive != "" || hasFlag(flags, "fix") || hasFlag(flags, "diff")) {
		return false
	}
	for _, h := range headers {
		if h.facts > 0 {
			return false
		}
	}
	imports := make([]string, 0, len(cfg.ImportMap))
	for _, p := range cfg.ImportMap {
		imports = append(imports, p)
	}
	sort.Strings(imports)
	parse := func() ([]*ast.File, error) {
		fset := token.NewFileSet()
		files := make([]*ast.File, 0, len(cfg.GoFiles))
		for _, name := range cfg.GoFiles {
			f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
			if err != nil {
				return nil, err
			}
			files = append(files, f)
		}
		return files, nil
	}
	return !matters(cfg.ImportPath, imports, cfg.GoFiles, parse)
}

// skip writes what unitchecker writes for a unit with no diagnostics and
// no facts: a vetx file with no facts (and, here, no types), and with
// -json (which go vet always passes, to print the diagnostics itself)
// an empty JSON tree on the unit's stdout.
func skip(cfg *config, flags []string) error {
	if !cfg.VetxOnly && hasFlag(flags, "json") {
		out := os.Stdout
		if cfg.Stdout != "" {
			f, err := os.Create(cfg.Stdout)
			if err != nil {
				return err
			}
			defer f.Close()
			out = f
		}
		if _, err := io.WriteString(out, "{}\n"); err != nil {
			return err
		}
	}
	return writeVetx(cfg.VetxOutput, nil, nil)
}

// hasFlag reports whether flags set the boolean flag name to anything
// but false.
func hasFlag(flags []string, name string) bool {
	for _, f := range flags {
		n, value, _ := strings.Cut(strings.TrimLeft(f, "-"), "=")
		if n == name && value != "false" {
			return true
		}
	}
	return false
}

// The vetx file unitchecker reads and writes: "vetx", the lengths of the
// types and facts parts (little-endian uint32 each), then the parts.
const vetxMagic = "vetx"

type header struct{ types, facts uint32 }

// readHeaders reads the headers of the vetx files of the imports that
// want says to.
func readHeaders(vetx map[string]string, want func(path string) bool) (map[string]header, error) {
	out := make(map[string]header, len(vetx))
	for path, file := range vetx {
		if !want(path) {
			continue
		}
		f, err := os.Open(file)
		if err != nil {
			return nil, err
		}
		var b [12]byte
		_, err = io.ReadFull(f, b[:])
		f.Close()
		if err != nil || string(b[:4]) != vetxMagic {
			return nil, fmt.Errorf("invalid vetx file for %q: %s", path, file)
		}
		out[path] = header{binary.LittleEndian.Uint32(b[4:8]), binary.LittleEndian.Uint32(b[8:12])}
	}
	return out, nil
}

func writeVetx(file string, typesData, facts []byte) error {
	buf := make([]byte, 12, 12+len(typesData)+len(facts))
	copy(buf, vetxMagic)
	binary.LittleEndian.PutUint32(buf[4:8], uint32(len(typesData)))
	binary.LittleEndian.PutUint32(buf[8:12], uint32(len(facts)))
	return os.WriteFile(file, append(append(buf, typesData...), facts...), 0o666)
}

// withTypes gives every import whose vetx file has no types (a skipped
// unit) a vetx file with the types of its compiled package, and returns
// the config that names them. Skipped units have no facts, so the new
// files have none either.
func withTypes(cfgFile string, raw []byte, cfg *config, headers map[string]header) (string, error) {
	var missing []string
	for path, h := range headers {
		if h.types == 0 {
			missing = append(missing, path)
		}
	}
	if len(missing) == 0 {
		return cfgFile, nil
	}
	sort.Strings(missing)
	dir := filepath.Dir(cfg.VetxOutput)
	fset := token.NewFileSet()
	imported := map[string]*types.Package{}
	for i, path := range missing {
		data, err := exportTypes(fset, imported, path, cfg.PackageFile[path])
		if err != nil {
			return "", fmt.Errorf("types of %q for %s: %v", path, cfg.ImportPath, err)
		}
		file := filepath.Join(dir, fmt.Sprintf("tokenlint-import-%d.vetx", i))
		if err := writeVetx(file, data, nil); err != nil {
			return "", err
		}
		cfg.PackageVetx[path] = file
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return "", err
	}
	vetx, err := json.Marshal(cfg.PackageVetx)
	if err != nil {
		return "", err
	}
	fields["PackageVetx"] = vetx
	out, err := json.Marshal(fields)
	if err != nil {
		return "", err
	}
	newCfg := filepath.Join(dir, "tokenlint-vet.cfg")
	return newCfg, os.WriteFile(newCfg, out, 0o666)
}

// exportTypes reads the export data of the compiled package in archive
// and encodes it as unitchecker's vetx types part (indexed export data).
func exportTypes(fset *token.FileSet, imported map[string]*types.Package, path, archive string) ([]byte, error) {
	if archive == "" {
		return nil, errors.New("go vet named no compiled package")
	}
	f, err := os.Open(archive)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// go vet's PackageFile entries are compiler archives, and NewReader
	// is x/tools' one reader of their export data.
	//lint:ignore SA1019 no replacement reads archives; TestVetAndCommand runs this path on the toolchain in use
	r, err := gcexportdata.NewReader(bufio.NewReader(f))
	if err != nil {
		return nil, err
	}
	pkg, err := gcexportdata.Read(r, fset, imported, path)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := gcexportdata.Write(&buf, fset, pkg); err != nil {
		return nil, err
	}
	// gcexportdata.Write puts the format byte 'i' before the indexed
	// data; unitchecker's vetx holds the data alone.
	data, ok := bytes.CutPrefix(buf.Bytes(), []byte("i"))
	if !ok {
		return nil, errors.New("unexpected export data format")
	}
	return data, nil
}
