package render

import (
	"strings"

	xansi "github.com/charmbracelet/x/ansi"
)

// hangListItems gives list items a hanging indent. Glamour wraps an item's
// text back to the column of its bullet (the second line of an item starts
// where the "•" is, not where the item's first word is),
// which makes a list read as one block of prose. hangListItems re-wraps
// each item that spans lines to limit columns with its continuation lines
// under the item's first word instead. An item starts only after a blank
// line or another item's line, so a paragraph whose wrapped line happens
// to begin with "42. " is left alone. Placeholders for URLs and inline
// code are single words here, so they still never split.
func hangListItems(lines []string, limit int) []string {
	out := make([]string, 0, len(lines)+len(lines)/8)
	prevBlank, inList := true, false
	for i := 0; i < len(lines); {
		s := scanLine(lines[i])
		if s.marker == 0 || !(prevBlank || inList) {
			prevBlank, inList = s.blank, false
			out = append(out, lines[i])
			i++
			continue
		}
		hang := s.indent + s.marker
		j := i + 1
		for j < len(lines) {
			c := scanLine(lines[j])
			if c.blank || c.marker > 0 || c.indent != s.indent {
				break
			}
			j++
		}
		prevBlank, inList = false, true
		if j == i+1 || limit-hang < 20 {
			out = append(out, lines[i:j]...)
			i = j
			continue
		}
		prefix, _, first := cutCells(trimLine(lines[i]), hang)
		parts := []string{first}
		for _, l := range lines[i+1 : j] {
			_, esc, rest := cutCells(trimLine(l), s.indent)
			parts = append(parts, esc+rest)
		}
		wrapped := strings.Split(xansi.Wordwrap(strings.Join(parts, " "), limit-hang, ""), "\n")
		out = append(out, prefix+wrapped[0])
		pad := strings.Repeat(" ", hang)
		for _, w := range wrapped[1:] {
			out = append(out, pad+w)
		}
		i = j
	}
	return out
}

// lineStart is how a rendered line begins: its indent in spaces, the width
// of the list marker there (0 for none), and whether it is blank.
type lineStart struct {
	indent, marker int
	blank          bool
}

// scanLine reads the start of a rendered line with its escape sequences
// stripped: a list item as glamour draws it is the margin and two columns
// per level of nesting, then a bullet ("• " in djq's styles, "* ", "- " or
// "+ " in others) or a number of up to three digits ("12. ").
func scanLine(l string) lineStart {
	var st lineStart
	if strings.IndexByte(l, 0x1b) >= 0 {
		l = xansi.Strip(l)
	}
	rest := strings.TrimLeft(l, " ")
	st.indent = len(l) - len(rest)
	if rest == "" {
		st.blank = true
		return st
	}
	switch {
	case strings.HasPrefix(rest, "• "):
		st.marker = 2
	case len(rest) > 1 && strings.IndexByte("*-+", rest[0]) >= 0 && rest[1] == ' ':
		st.marker = 2
	default:
		d := 0
		for d < len(rest) && d < 4 && rest[d] >= '0' && rest[d] <= '9' {
			d++
		}
		if d >= 1 && d <= 3 && strings.HasPrefix(rest[d:], ". ") {
			st.marker = d + 2
		}
	}
	return st
}

// cutCells splits s after its first n cells, which must be one column
// each (a margin, a bullet, digits): head is those cells with any escape
// sequences among them, esc those sequences alone (to carry their styling
// onto a joined line), and rest the remainder. x/ansi's parser tells the
// sequences (no width) from the cells.
func cutCells(s string, n int) (head, esc, rest string) {
	var seqs strings.Builder
	var state byte
	i := 0
	for i < len(s) {
		seq, width, size, next := xansi.DecodeSequence(s[i:], state, nil)
		if width == 0 && strings.HasPrefix(seq, "\x1b") {
			seqs.WriteString(seq)
		} else if n == 0 {
			break
		} else {
			n--
		}
		i, state = i+size, next
	}
	return s[:i], seqs.String(), s[i:]
}
