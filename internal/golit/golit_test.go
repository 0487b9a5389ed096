package golit

import (
	"strings"
	"testing"
)

type inner struct {
	Name string
	N    int
}

type outer struct {
	List  []*inner
	Empty []string
	Nil   []string
	Map   map[string]int
	On    bool
	Zero  string
	Ratio float64
}

func TestFormat(t *testing.T) {
	got, err := Format(&outer{
		List:  []*inner{{Name: "a\"b", N: -2}, nil},
		Empty: []string{},
		Map:   map[string]int{"z": 1, "a": 2},
		On:    true,
		Ratio: 0.5,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := `&outer{
	List: []*inner{
		&inner{
			Name: "a\"b",
			N: -2,
		},
		nil,
	},
	Empty: []string{},
	Map: map[string]int{
		"a": 2,
		"z": 1,
	},
	On: true,
	Ratio: 0.5,
}`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestFormatRefuses(t *testing.T) {
	type hidden struct{ x int }
	for _, v := range []any{hidden{x: 1}, map[int]int{1: 1}, func() {}} {
		if _, err := Format(v); err == nil || !strings.HasPrefix(err.Error(), "golit: ") {
			t.Errorf("Format(%T) = %v, want a golit error", v, err)
		}
	}
}
