// Package hit is the shape of one search result: the question it names, its
// score, and a snippet of the answer with the matched words marked. Search
// makes hits and the renderer draws them; both import this leaf, so the
// renderer never imports search.
package hit

import "strings"

// Hit is one search result, best first in a result list.
type Hit struct {
	Ref     string
	Deck    string
	ID      int
	Title   string
	Level   string
	Tags    []string
	Score   float64
	Snippet Snippet
}

// Snippet is a short excerpt of an answer with the matched words marked.
type Snippet struct {
	Text string
	// Marks are [start, end) byte ranges of Text that matched, in order.
	Marks [][2]int
}

// Format returns the text with every marked range passed through mark
// (which adds bold, say); a nil mark returns the plain text.
func (s Snippet) Format(mark func(...string) string) string {
	if mark == nil {
		return s.Text
	}
	var b strings.Builder
	prev := 0
	for _, m := range s.Marks {
		if m[0] < prev || m[1] > len(s.Text) {
			continue
		}
		b.WriteString(s.Text[prev:m[0]])
		b.WriteString(mark(s.Text[m[0]:m[1]]))
		prev = m[1]
	}
	b.WriteString(s.Text[prev:])
	return b.String()
}
