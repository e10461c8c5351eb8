package search

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/djq-cli/djq/internal/output"
)

// Snippet is a short excerpt of an answer with the matched words marked.
type Snippet = output.Snippet

// DefaultSnippetLen is the snippet length when the caller does not say.
const DefaultSnippetLen = 160

type span struct{ start, end int }

// makeSnippet picks the window of body with the most distinct matched
// terms, widens it to word boundaries, flattens whitespace, and marks the
// matches. With no match in the body it falls back to the summary.
func makeSnippet(body, summary string, locs search.TermLocationMap, maxLen int) Snippet {
	if maxLen <= 0 {
		maxLen = DefaultSnippetLen
	}
	type termSpan struct {
		span
		term string
	}
	var spans []termSpan
	for term, ls := range locs {
		for _, l := range ls {
			s, e := int(l.Start), int(l.End)
			if s >= 0 && e <= len(body) && s < e {
				spans = append(spans, termSpan{span{s, e}, term})
			}
		}
	}
	if len(spans) == 0 {
		text := flatten(summary)
		if text == "" {
			text = flatten(body)
		}
		return Snippet{Text: cut(text, maxLen)}
	}
	sort.Slice(spans, func(i, j int) bool {
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		return spans[i].end > spans[j].end
	})
	// Slide a window of maxLen bytes over the matches; keep the one with
	// the most distinct terms, then the most matches.
	bestI, bestJ, bestDistinct := 0, 0, 0
	for i := range spans {
		seen := map[string]bool{}
		j := i
		for j < len(spans) && spans[j].end-spans[i].start <= maxLen {
			seen[spans[j].term] = true
			j++
		}
		// Distinct terms first; among equals the earliest window wins, since
		// answers lead with their direct answer.
		if len(seen) > bestDistinct {
			bestI, bestJ, bestDistinct = i, j, len(seen)
		}
	}
	if bestJ == bestI {
		bestJ = bestI + 1
	}
	first, last := spans[bestI].start, spans[bestJ-1].end
	// Centre the matches in the window.
	room := maxLen - (last - first)
	start := max(0, first-room/3)
	end := min(len(body), max(last, start+maxLen))
	start = wordStart(body, start)
	end = wordEnd(body, end)
	var marks []span
	for _, s := range spans[bestI:bestJ] {
		if s.start >= start && s.end <= end {
			marks = append(marks, s.span)
		}
	}
	return flattenWithMarks(body[start:end], start, marks, start > 0, end < len(body))
}

// flattenWithMarks collapses whitespace runs in text (which starts at
// byte offset base of the body) to single spaces, keeping mark ranges
// aligned, merging overlapping marks, and adding ellipses at cut ends.
func flattenWithMarks(text string, base int, marks []span, cutStart, cutEnd bool) Snippet {
	sort.Slice(marks, func(i, j int) bool { return marks[i].start < marks[j].start })
	var merged []span
	for _, m := range marks {
		if n := len(merged); n > 0 && m.start <= merged[n-1].end {
			merged[n-1].end = max(merged[n-1].end, m.end)
			continue
		}
		merged = append(merged, m)
	}
	var b strings.Builder
	if cutStart {
		b.WriteString("…")
	}
	// mapping from body offsets to output offsets
	outPos := make(map[int]int, len(merged)*2)
	need := map[int]bool{}
	for _, m := range merged {
		need[m.start] = true
		need[m.end] = true
	}
	space := false
	for i, r := range text {
		off := base + i
		if need[off] {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
				space = false
			}
			outPos[off] = b.Len()
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 && !strings.HasSuffix(b.String(), "…") {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	if need[base+len(text)] {
		outPos[base+len(text)] = b.Len()
	}
	if cutEnd {
		b.WriteString("…")
	}
	s := Snippet{Text: b.String()}
	for _, m := range merged {
		st, ok1 := outPos[m.start]
		en, ok2 := outPos[m.end]
		if ok1 && ok2 && en > st {
			s.Marks = append(s.Marks, [2]int{st, en})
		}
	}
	return s
}

func flatten(s string) string { return strings.Join(strings.Fields(s), " ") }

// cut shortens s to about n bytes at a word boundary.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	if j := strings.LastIndexByte(s[:i], ' '); j > n/2 {
		i = j
	}
	return strings.TrimRight(s[:i], " ,.;:") + "…"
}

func wordStart(s string, i int) int {
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	for i > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		if unicode.IsSpace(r) {
			break
		}
		i -= utf8.RuneLen(r)
	}
	return i
}

func wordEnd(s string, i int) int {
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}
