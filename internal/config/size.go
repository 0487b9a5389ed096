package config

import (
	"fmt"
	"strconv"
	"strings"
)

// ByteSize is a size written as an integer (bytes) or a string with a unit:
// "10MB", "512 KiB", "1GB". K, M and G are powers of 1024 either way, as
// people mean them for file sizes.
type ByteSize int64

var sizeUnits = []struct {
	suffix string
	factor int64
}{
	{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30},
	{"kb", 1 << 10}, {"mb", 1 << 20}, {"gb", 1 << 30},
	{"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30},
	{"b", 1},
}

// UnmarshalTOML implements toml.Unmarshaler.
func (s *ByteSize) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case int64:
		if v <= 0 {
			return fmt.Errorf("size must be positive, got %d", v)
		}
		*s = ByteSize(v)
		return nil
	case string:
		n, err := ParseSize(v)
		*s = ByteSize(n)
		return err
	}
	return fmt.Errorf("size must be a number of bytes or a string such as \"10MB\", got %v", v)
}

// ParseSize reads "10MB", "512KiB", "4096".
func ParseSize(text string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(text))
	factor := int64(1)
	for _, u := range sizeUnits {
		if before, ok := strings.CutSuffix(t, u.suffix); ok {
			t, factor = strings.TrimSpace(before), u.factor
			break
		}
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || f <= 0 || f*float64(factor) > 1<<50 {
		return 0, fmt.Errorf("bad size %q (want a positive size such as \"10MB\", \"512KB\" or \"4096\")", text)
	}
	return int64(f * float64(factor)), nil
}
