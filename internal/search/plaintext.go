package search

import (
	"regexp"
	"strings"
)

var (
	mdLink     = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	mdAutoLink = regexp.MustCompile(`<(https?://[^>]+)>`)
	// Only ** and ~~ are unwrapped: single * and _ are too common in code
	// (*args, __str__) to strip safely.
	mdEmphasis = regexp.MustCompile(`(\*\*|~~)(\S(?:.*?\S)?)(\*\*|~~)`)
	mdListItem = regexp.MustCompile(`^\s*(?:[-*+]|\d+[.)])\s+`)
	mdHeading  = regexp.MustCompile(`^#{1,6}\s+`)
)

// PlainText turns an answer's Markdown into the text a person reads: no
// fence lines, heading marks, list bullets, emphasis marks, backticks or
// link targets. Code inside fences is kept, since people search for it.
// Snippets are cut from this text, so it must read well on its own.
func PlainText(md string) string {
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	inFence := false
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			inFence = !inFence
			continue
		}
		if inFence {
			out = append(out, l)
			continue
		}
		if strings.HasPrefix(t, "#") {
			l = mdHeading.ReplaceAllString(l, "")
		}
		l = mdListItem.ReplaceAllString(l, "")
		l = strings.TrimPrefix(strings.TrimSpace(l), "> ")
		if strings.Contains(l, "](") {
			l = mdLink.ReplaceAllString(l, "$1")
		}
		if strings.Contains(l, "<http") {
			l = mdAutoLink.ReplaceAllString(l, "$1")
		}
		l = strings.ReplaceAll(l, "`", "")
		if strings.Contains(l, "**") || strings.Contains(l, "~~") {
			l = mdEmphasis.ReplaceAllString(l, "$2")
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
