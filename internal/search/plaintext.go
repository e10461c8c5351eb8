package search

import (
	"regexp"
	"strings"
)

var (
	mdLink     = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	mdAutoLink = regexp.MustCompile(`<(https?://[^>]+)>`)
	mdEmphasis = regexp.MustCompile(`(\*\*|__|\*|~~)(\S(?:.*?\S)?)(\*\*|__|\*|~~)`)
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
		l = mdHeading.ReplaceAllString(l, "")
		l = mdListItem.ReplaceAllString(l, "")
		l = strings.TrimPrefix(strings.TrimSpace(l), "> ")
		l = mdLink.ReplaceAllString(l, "$1")
		l = mdAutoLink.ReplaceAllString(l, "$1")
		l = strings.ReplaceAll(l, "`", "")
		l = mdEmphasis.ReplaceAllString(l, "$2")
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
