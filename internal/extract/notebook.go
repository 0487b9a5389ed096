package extract

import (
	"strings"

	"github.com/tokenlint/tokenlint/rules"
	"go.yaml.in/yaml/v3"
)

// The Jupyter notebook front end (.ipynb): the shell a notebook's code
// cells run. In a cell whose first line is a %%bash, %%sh or %%script
// bash|sh magic every other line is shell; in a Python cell, the lines
// IPython hands to the shell, "!cmd" (with their backslash
// continuations), and %env NAME=value, which sets a variable they read.
// The lines are read with the shell front end at their places in the
// notebook's JSON strings (embedText); Python itself is not read.

var notebookFormat = &Format{
	Name:  "notebook",
	match: func(n fileName, _ []byte) bool { return n.ext == ".ipynb" },
	Extract: func(file string, src []byte) (*rules.Unit, error) {
		return extractNotebook(file, src, newExpansion(len(src)))
	},
	extract:  extractNotebook,
	Comments: []string{"#"},
}

// shellMagics are the cell magics that run the cell with sh or bash.
var shellMagics = setOf("%%bash %%sh %%script")

func extractNotebook(file string, src []byte, x *expansion) (*rules.Unit, error) {
	y, u, finish, err := jsonUnit(file, src, "a Jupyter notebook")
	if err != nil {
		return nil, err
	}
	defer finish()
	if y.Root == nil {
		return u, nil
	}
	var text []byte
	var m OffsetMap
	_, cells := mapValue(y.Root, "cells")
	for _, cell := range seqItems(cells) {
		if str(cell, "cell_type") != "code" {
			continue
		}
		_, source := mapValue(cell, "source")
		items := []*yaml.Node{source}
		if source != nil && source.Kind == yaml.SequenceNode {
			items = source.Content
		}
		var lines []cellLine
		for _, it := range items {
			if it == nil || it.Kind != yaml.ScalarNode {
				continue
			}
			v, im := y.Scalar(it, 0)
			for _, l := range cutLines(v.Text, false) {
				lines = append(lines, cellLine{l.text, l.start, im})
			}
		}
		shell := false
		if len(lines) > 0 {
			magic := strings.Fields(lines[0].text)
			shell = len(magic) > 0 && shellMagics[magic[0]] &&
				(magic[0] != "%%script" || len(magic) > 1 && (magic[1] == "bash" || magic[1] == "sh"))
		}
		joins := false
		for k, l := range lines {
			t := strings.TrimLeft(l.text, " \t")
			from := len(l.text) - len(t) + l.off
			switch {
			case shell:
				if k == 0 {
					continue
				}
				from = l.off
			case joins:
				from = l.off
			case strings.HasPrefix(t, "!"):
				from++
			case strings.HasPrefix(t, "%env ") && strings.Contains(t, "="):
				from += len("%env ")
			default:
				continue
			}
			appendRun(&text, &m, l.im, from, l.off+len(l.text), l.text[from-l.off:])
			text = append(text, '\n')
			joins = !shell && continued([]byte(l.text))
		}
		text = append(text, '\n')
	}
	if len(strings.TrimSpace(string(text))) > 0 {
		embedText(ByName(scriptFormat), y.file, text, m, u, x, nil, nil)
	}
	return u, nil
}

// A cellLine is one line of a cell's source: its text, where it starts in
// the text of its JSON string, and that string's map into the file.
type cellLine struct {
	text string
	off  int
	im   OffsetMap
}

// appendRun appends s, the bytes [from, to) of a string whose map into
// the file is im, to text, and the runs that place it to m.
func appendRun(text *[]byte, m *OffsetMap, im OffsetMap, from, to int, s string) {
	base := len(*text) - from
	for _, p := range im {
		lo, hi := max(p.From, from), min(p.From+p.Len, to)
		if lo < hi {
			m.Add(base+lo, p.To+lo-p.From, hi-lo)
		}
	}
	*text = append(*text, s...)
}
