// Package golit writes a Go value as Go source: a composite literal that
// builds an equal value (reflect.DeepEqual), for data decoded at build time
// and compiled in (go generate) instead of decoded on every run.
//
// It handles what decoded data is made of: structs of exported fields,
// pointers to them, slices, maps with ordered keys, strings, bools and
// numbers. Named types are written unqualified: the literal is for a file
// of the package that declares them.
package golit

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// Format returns v as a Go expression. Zero fields are left out, nil and
// empty slices and maps are told apart (DeepEqual does), and map entries
// are sorted by key so the text is the same on every run.
func Format(v any) (string, error) {
	var b strings.Builder
	if err := write(&b, reflect.ValueOf(v), 0); err != nil {
		return "", err
	}
	return b.String(), nil
}

func write(b *strings.Builder, v reflect.Value, depth int) error {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			b.WriteString("nil")
			return nil
		}
		if v.Elem().Kind() != reflect.Struct {
			return fmt.Errorf("golit: pointer to %s", v.Elem().Type())
		}
		b.WriteByte('&')
		return write(b, v.Elem(), depth)
	case reflect.Struct:
		t := v.Type()
		b.WriteString(typeName(t))
		b.WriteString("{")
		n := 0
		for i := range t.NumField() {
			f := v.Field(i)
			if f.IsZero() {
				continue
			}
			if !t.Field(i).IsExported() {
				return fmt.Errorf("golit: unexported field %s.%s", t.Name(), t.Field(i).Name)
			}
			newline(b, depth+1)
			b.WriteString(t.Field(i).Name)
			b.WriteString(": ")
			if err := write(b, f, depth+1); err != nil {
				return err
			}
			b.WriteByte(',')
			n++
		}
		if n > 0 {
			newline(b, depth)
		}
		b.WriteString("}")
	case reflect.Slice:
		if v.IsNil() {
			b.WriteString("nil")
			return nil
		}
		return elements(b, v.Type(), depth, v.Len(), func(i int) error { return write(b, v.Index(i), depth+1) })
	case reflect.Map:
		if v.IsNil() {
			b.WriteString("nil")
			return nil
		}
		if v.Type().Key().Kind() != reflect.String {
			return fmt.Errorf("golit: map key %s", v.Type().Key())
		}
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, c reflect.Value) int { return cmp.Compare(a.String(), c.String()) })
		return elements(b, v.Type(), depth, len(keys), func(i int) error {
			b.WriteString(strconv.Quote(keys[i].String()))
			b.WriteString(": ")
			return write(b, v.MapIndex(keys[i]), depth+1)
		})
	case reflect.String:
		b.WriteString(strconv.Quote(v.String()))
	case reflect.Bool:
		b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		b.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		b.WriteString(strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		b.WriteString(strconv.FormatFloat(v.Float(), 'g', -1, 64))
	default:
		return fmt.Errorf("golit: %s", v.Type())
	}
	return nil
}

// elements writes a slice or map literal of type t with n elements, one a
// line, each written by elem.
func elements(b *strings.Builder, t reflect.Type, depth, n int, elem func(i int) error) error {
	b.WriteString(typeName(t))
	b.WriteString("{")
	for i := range n {
		newline(b, depth+1)
		if err := elem(i); err != nil {
			return err
		}
		b.WriteByte(',')
	}
	if n > 0 {
		newline(b, depth)
	}
	b.WriteString("}")
	return nil
}

// typeName is t as written in its own package.
func typeName(t reflect.Type) string {
	if t.Name() != "" {
		return t.Name()
	}
	switch t.Kind() {
	case reflect.Pointer:
		return "*" + typeName(t.Elem())
	case reflect.Slice:
		return "[]" + typeName(t.Elem())
	case reflect.Map:
		return "map[" + typeName(t.Key()) + "]" + typeName(t.Elem())
	}
	return t.String()
}

func newline(b *strings.Builder, depth int) {
	b.WriteByte('\n')
	for range depth {
		b.WriteByte('\t')
	}
}
