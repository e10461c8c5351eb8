package render

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/glamour/ansi"
	xansi "github.com/charmbracelet/x/ansi"
)

// The checks issue 26 added to the whole-bank check: code continuations
// that split a word where a space or punctuation was at hand, or leave a
// lone "#" behind; headings that show a literal "##" in a style without
// markers (or lose the marker of one with them); title lines without the
// first line's padding and background.

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// checkContinuations looks at every code line followed by a continuation.
// A break between two word characters is a split word when the source has
// them together and not with a space between.
func checkContinuations(vis []string, codeIndent int, code string) []string {
	var problems []string
	for i := 1; i < len(vis); i++ {
		t := strings.TrimLeft(vis[i], " ")
		if !strings.HasPrefix(t, contMarker) || leadingSpaces(vis[i]) < codeIndent {
			continue
		}
		head := strings.TrimPrefix(strings.TrimLeft(vis[i-1], " "), contMarker)
		next := strings.TrimPrefix(t, contMarker)
		if head == "" || next == "" {
			continue
		}
		words := strings.Fields(head)
		last := words[len(words)-1]
		switch {
		case len(words) == 1 && len([]rune(last)) == 1:
			problems = append(problems, fmt.Sprintf("a single character before a continuation: %q", vis[i-1]))
		case last == "#":
			problems = append(problems, fmt.Sprintf("a lone # before a continuation: %q", vis[i-1]))
		case isWordByte(head[len(head)-1]) && isWordByte(next[0]) && strings.ContainsAny(head, " ,.([{=:") &&
			strings.Contains(code, last+strings.Fields(next)[0]) && !strings.Contains(code, last+" "+strings.Fields(next)[0]):
			problems = append(problems, fmt.Sprintf("identifier split mid-word where a space or punctuation was at hand: %q / %q", vis[i-1], vis[i]))
		}
	}
	return problems
}

// headingPrefix is the marker a style puts before a heading of level n.
func headingPrefix(cfg ansi.StyleConfig, n int) string {
	h := []ansi.StyleBlock{cfg.H1, cfg.H2, cfg.H3, cfg.H4, cfg.H5, cfg.H6}[n-1]
	if h.Prefix != "" {
		return h.Prefix
	}
	return cfg.Heading.Prefix
}

// checkHeadings: every heading of the source starts a line with the
// style's marker, and no other line of prose starts with a literal one
// unless the style uses it.
func checkHeadings(vis []string, isCode []bool, cfg ansi.StyleConfig, headings []string) []string {
	var problems []string
	for _, h := range headings {
		level := len(h) - len(strings.TrimLeft(h, "#"))
		text := strings.TrimSpace(h[level:])
		want := strings.TrimSpace(headingPrefix(cfg, level) + strings.Fields(text)[0])
		found := false
		for i, l := range vis {
			if !isCode[i] && strings.HasPrefix(strings.TrimSpace(l), want) {
				found = true
				break
			}
		}
		if !found {
			problems = append(problems, fmt.Sprintf("heading %q not shown as %q", h, want))
		}
	}
	usesHashes := strings.Contains(headingPrefix(cfg, 2), "#")
	for i, l := range vis {
		t := strings.TrimSpace(l)
		if !usesHashes && !isCode[i] && headingLine.MatchString(t) && !strings.HasPrefix(t, "#"+" ") {
			problems = append(problems, fmt.Sprintf("line %d shows a literal heading marker: %q", i+1, l))
		}
	}
	return problems
}

// checkTitle: the title's wrapped lines start at the column of the first
// line's text, behind the same padding, and carry the same background.
func checkTitle(out string, vis []string, p Policy, cfg ansi.StyleConfig, margin int) []string {
	raw := strings.Split(out, "\n")
	k := 0
	for k < len(vis) && strings.TrimSpace(vis[k]) == "" {
		k++
	}
	prefix := headingPrefix(cfg, 1)
	var problems []string
	h1 := cfg.H1.StylePrimitive
	if h1.BackgroundColor == nil {
		h1.BackgroundColor = cfg.Heading.BackgroundColor
	}
	bg := ""
	if p.Color && h1.BackgroundColor != nil {
		bg = sgr(p.Profile, ansi.StylePrimitive{BackgroundColor: h1.BackgroundColor})
		bg = strings.TrimSuffix(strings.TrimPrefix(bg, "\x1b["), "m")
	}
	col := margin + xansi.StringWidth(prefix)
	for i := k; i < len(vis) && strings.TrimSpace(vis[i]) != ""; i++ {
		first := i == k
		if first && !strings.HasPrefix(vis[i], strings.Repeat(" ", margin)+prefix) ||
			!first && leadingSpaces(vis[i]) != col {
			problems = append(problems, fmt.Sprintf("title line without the first line's padding: %q", vis[i]))
		}
		if bg != "" && !strings.Contains(raw[i], bg) {
			problems = append(problems, fmt.Sprintf("title line without its background: %q", raw[i]))
		}
	}
	return problems
}
