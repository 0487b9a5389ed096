//go:build nocatalog

package rules

// compiledCatalog is nil in a build without catalog_gen.go (go generate
// builds its generator so): DefaultCatalog decodes catalog.toml instead.
var compiledCatalog *Catalog
