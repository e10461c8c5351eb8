// Package textwidth is djq's one toolkit for fitting text to terminal
// columns, on top of charmbracelet/x/ansi (which measures by grapheme and
// skips escape sequences): the key-hint line browse and quiz both draw,
// and word wrapping that breaks at spaces only. It is a leaf, so the
// interactive packages need not import the renderer for it.
package textwidth

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// FitHint is the longest hint that fits in width cells, or "" when none
// does. Hints are listed longest first, so that the part that goes when
// the terminal narrows is the least needed one ("q quit" stays).
func FitHint(hints []string, width int) string {
	for _, h := range hints {
		if ansi.StringWidth(h) <= width {
			return h
		}
	}
	return ""
}

// nbHyphen stands in for "-" while wrapping: x/ansi's Wordwrap always
// breaks after a hyphen, which would split identifiers and options such as
// django-admin or --deploy; spaces are the only break djq wants here.
const nbHyphen = "\u2011"

// WrapWords breaks s (which may hold escape sequences) at spaces into
// lines at most width cells wide; a word longer than a line keeps a line
// of its own.
func WrapWords(s string, width int) []string {
	if s == "" {
		return nil
	}
	guarded := strings.Contains(s, "-") && !strings.Contains(s, nbHyphen)
	if guarded {
		s = strings.ReplaceAll(s, "-", nbHyphen)
	}
	out := ansi.Wordwrap(s, width, "")
	if guarded {
		out = strings.ReplaceAll(out, nbHyphen, "-")
	}
	return strings.Split(out, "\n")
}
