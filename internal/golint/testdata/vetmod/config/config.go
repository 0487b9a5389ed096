// Package config hands the endpoints' settings on; it has neither a
// literal nor an HTTP import of its own.
package config

import "example.com/vetmod/endpoints"

// Load returns the settings in use.
func Load() endpoints.Settings { return endpoints.Defaults }
