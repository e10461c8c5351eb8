package search

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/djq-cli/djq/internal/hit"
)

// DefaultSnippetLen is the snippet length when the caller does not say.
const DefaultSnippetLen = 160

// SnippetLenFor is the snippet length for a list of hits: on a terminal
// (pretty output of width columns) about two wrapped lines, between 40
// and 220 bytes; anywhere else DefaultSnippetLen, so piped output and JSON
// do not depend on the window.
func SnippetLenFor(terminal bool, width int) int {
	if !terminal {
		return DefaultSnippetLen
	}
	return max(40, min(width*2-12, 220))
}

type span struct{ start, end int }

// termSpan is one matched term in the text.
type termSpan struct {
	span
	term string
}

// makeSnippet cuts the snippet of one hit. The window is taken from one
// block of the body (a paragraph, a heading or a code block), never across
// two: from prose when any prose matched, else from code (whole code lines,
// joined by " ⏎ "), else from a heading. With no match in the body it
// shows the summary, marked when the summary matched; a question found
// only through its title or asked-as phrasings shows its summary.
//
// weight says how much a matched term tells (nil: every term alike): a
// long question's window should hold its subject, not its noise words.
func makeSnippet(body string, blocks []block, summary string, bodyLocs, summaryLocs search.TermLocationMap, maxLen int, weight func(string) float64) hit.Snippet {
	if weight == nil {
		weight = func(string) float64 { return 1 }
	}
	if maxLen <= 0 {
		maxLen = DefaultSnippetLen
	}
	if len(blocks) == 0 && body != "" {
		blocks = []block{{start: 0, end: len(body), kind: blockProse}}
	}
	spans := spansOf(bodyLocs, len(body))
	for _, kind := range []byte{blockProse, blockCode, blockHeading} {
		if bl, in := bestBlock(blocks, kind, spans, maxLen, weight); len(in) > 0 {
			if kind == blockCode {
				return codeWindow(body, bl, in, maxLen)
			}
			return proseWindow(body, bl, in, maxLen)
		}
	}
	if sspans := spansOf(summaryLocs, len(summary)); len(sspans) > 0 {
		return proseWindow(summary, block{end: len(summary)}, sspans, maxLen)
	}
	text := flatten(summary)
	if text == "" {
		text = flatten(body)
	}
	return hit.Snippet{Text: cut(text, maxLen)}
}

// spansOf lists the matched ranges of a text of length n, in order.
func spansOf(locs search.TermLocationMap, n int) []termSpan {
	var spans []termSpan
	for term, ls := range locs {
		for _, l := range ls {
			s, e := int(l.Start), int(l.End)
			if s >= 0 && e <= n && s < e {
				spans = append(spans, termSpan{span{s, e}, term})
			}
		}
	}
	sort.Slice(spans, func(i, j int) bool {
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		return spans[i].end > spans[j].end
	})
	return spans
}

// bestBlock returns the block of kind whose best window holds the most
// weight of distinct matched terms (the earliest on ties, since answers
// lead with their direct answer), and that window's spans.
func bestBlock(blocks []block, kind byte, spans []termSpan, maxLen int, weight func(string) float64) (block, []termSpan) {
	var best block
	var bestIn []termSpan
	bestScore := 0.0
	for _, bl := range blocks {
		if bl.kind != kind {
			continue
		}
		if w, n := bestWindow(spansIn(spans, bl.start, bl.end), maxLen, weight); n > bestScore {
			best, bestIn, bestScore = bl, w, n
		}
	}
	return best, bestIn
}

// bestWindow slides a window of maxLen bytes over spans and returns the
// spans of the one whose distinct terms weigh most, and that weight.
func bestWindow(spans []termSpan, maxLen int, weight func(string) float64) ([]termSpan, float64) {
	bestI, bestJ, bestScore := 0, 0, 0.0
	for i := range spans {
		seen := map[string]bool{}
		score := 0.0
		j := i
		for j < len(spans) && (j == i || spans[j].end-spans[i].start <= maxLen) {
			if t := spans[j].term; !seen[t] {
				seen[t] = true
				score += weight(t)
			}
			j++
		}
		if score > bestScore+1e-9 {
			bestI, bestJ, bestScore = i, j, score
		}
	}
	return spans[bestI:bestJ], bestScore
}

// proseWindow cuts about maxLen bytes of text around spans, within bl, at
// word boundaries, and marks the spans.
func proseWindow(text string, bl block, spans []termSpan, maxLen int) hit.Snippet {
	first, last := spans[0].start, spans[len(spans)-1].end
	start, end := bl.start, bl.end
	if end-start > maxLen {
		// Centre the matches, leaning towards what follows them.
		room := maxLen - (last - first)
		start = max(bl.start, first-max(room, 0)/3)
		end = min(bl.end, max(last, start+maxLen))
		start = max(bl.start, wordStart(text, start))
		end = min(bl.end, wordEnd(text, end))
	}
	var marks []span
	for _, s := range spans {
		if s.start >= start && s.end <= end {
			marks = append(marks, s.span)
		}
	}
	return flattenWithMarks(text[start:end], start, marks, start > bl.start, end < bl.end)
}

// spansIn returns the spans within [start, end).
func spansIn(spans []termSpan, start, end int) []termSpan {
	var out []termSpan
	for _, s := range spans {
		if s.start >= start && s.end <= end {
			out = append(out, s)
		}
	}
	return out
}

// codeWindow shows the code lines from the first span's to the last's,
// trimmed and joined by " ⏎ ", stopping at about maxLen.
func codeWindow(text string, bl block, spans []termSpan, maxLen int) hit.Snippet {
	var b strings.Builder
	var marks [][2]int
	last := spans[len(spans)-1].end
	ls := max(bl.start, strings.LastIndexByte(text[:spans[0].start], '\n')+1)
	for ls < bl.end && ls < last && b.Len() < maxLen {
		le := bl.end
		if k := strings.IndexByte(text[ls:bl.end], '\n'); k >= 0 {
			le = ls + k
		}
		line := text[ls:le]
		if b.Len() == 0 && len(line) > maxLen {
			// One long line: a window of it, like prose.
			return proseWindow(text, block{start: ls, end: le}, spansIn(spans, ls, le), maxLen)
		}
		trimmed := strings.TrimLeft(line, " \t")
		from := ls + len(line) - len(trimmed)
		trimmed = strings.TrimRight(trimmed, " \t")
		if trimmed != "" {
			if b.Len() > 0 {
				b.WriteString(" ⏎ ")
			}
			for _, s := range spansIn(spans, from, from+len(trimmed)) {
				marks = append(marks, [2]int{b.Len() + s.start - from, b.Len() + s.end - from})
			}
			b.WriteString(trimmed)
		}
		ls = le + 1
	}
	out := hit.Snippet{Text: b.String()}
	for _, m := range marks {
		if len(out.Marks) == 0 || m[0] >= out.Marks[len(out.Marks)-1][1] {
			out.Marks = append(out.Marks, m)
		}
	}
	return out
}

// flattenWithMarks collapses whitespace runs in text (which starts at
// byte offset base of the body) to single spaces, keeping mark ranges
// aligned, merging overlapping marks, and adding ellipses at cut ends.
func flattenWithMarks(text string, base int, marks []span, cutStart, cutEnd bool) hit.Snippet {
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
	s := hit.Snippet{Text: b.String()}
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
