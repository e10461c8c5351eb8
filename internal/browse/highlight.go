package browse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
)

// Marking the searched words. The index matches stems, synonyms and typos
// that browse cannot see (SearchFunc returns refs only), so browse marks
// what it can find itself: the query's words, cut to a rough stem, at the
// start of a word in the text, extended to the end of that word. caching
// marks cache and cached; prefetch marks prefetch in prefetch_related. A
// typo-corrected word is found but not marked.

const (
	// previewMarkOn and previewMarkOff reverse the marked words in the
	// preview. Reverse is an attribute glamour never sets, so turning it
	// off does not undo any of the answer's own styling.
	previewMarkOn  = "\x1b[7m"
	previewMarkOff = "\x1b[27m"
)

// stopWords are query words too common to be worth marking: people type
// questions ("how do I cache a view").
var stopWords = map[string]bool{
	"an": true, "and": true, "are": true, "be": true, "can": true, "do": true, "does": true, "for": true,
	"from": true, "get": true, "how": true, "in": true, "into": true, "is": true, "it": true, "me": true,
	"my": true, "not": true, "of": true, "on": true, "or": true, "the": true, "that": true, "this": true,
	"to": true, "use": true, "vs": true, "we": true, "what": true, "when": true, "which": true, "why": true,
	"with": true, "you": true, "your": true,
}

// stemSuffixes are cut from a query word (first match, keeping at least
// four runes), so that the remaining prefix finds the word's other forms.
var stemSuffixes = []string{"ing", "ies", "es", "ed", "s", "e"}

// searchTerms is the lower-case word prefixes of query worth marking: not
// field filters (tag:orm), not excluded words (-admin), not stop words.
func searchTerms(query string) []string {
	var terms []string
	seen := map[string]bool{}
	for _, tok := range strings.Fields(strings.ToLower(query)) {
		tok = strings.Trim(tok, `"`)
		if strings.HasPrefix(tok, "-") || strings.Contains(tok, ":") {
			continue
		}
		words := strings.FieldsFunc(tok, func(r rune) bool { return !isWordRune(r) && r != '_' })
		for _, w := range words {
			w = stem(strings.TrimRight(w, "_"))
			if utf8.RuneCountInString(w) < 2 || stopWords[w] || seen[w] {
				continue
			}
			seen[w] = true
			terms = append(terms, w)
		}
	}
	return terms
}

func stem(w string) string {
	for _, suf := range stemSuffixes {
		if s, ok := strings.CutSuffix(w, suf); ok && utf8.RuneCountInString(s) >= 4 {
			return s
		}
	}
	return w
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// matchSpans finds the words of text that start with one of terms (which
// are lower case), as sorted, non-overlapping byte ranges.
func matchSpans(text string, terms []string) [][2]int {
	if len(terms) == 0 {
		return nil
	}
	var spans [][2]int
	prev := ' '
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(prev) || !(isWordRune(r) || r == '_') {
			prev = r
			i += size
			continue
		}
		n := 0
		for _, t := range terms {
			if k, ok := hasPrefixFold(text[i:], t); ok {
				n = max(n, k)
			}
		}
		if n == 0 {
			prev = r
			i += size
			continue
		}
		// Extend to the end of the word.
		for i+n < len(text) {
			r, size := utf8.DecodeRuneInString(text[i+n:])
			if !isWordRune(r) {
				break
			}
			n += size
		}
		spans = append(spans, [2]int{i, i + n})
		prev, _ = utf8.DecodeLastRuneInString(text[:i+n])
		i += n
	}
	return spans
}

// hasPrefixFold reports whether s starts with prefix (lower case) ignoring
// case, and how many bytes of s that prefix covers.
func hasPrefixFold(s, prefix string) (int, bool) {
	n := 0
	for _, pr := range prefix {
		if n >= len(s) {
			return 0, false
		}
		r, size := utf8.DecodeRuneInString(s[n:])
		if r != pr && unicode.ToLower(r) != pr {
			return 0, false
		}
		n += size
	}
	return n, true
}

// markTitle draws a list title in base with the searched words also bold
// and underlined, which shows in the reversed selected row too.
func (m *Model) markTitle(title string, base lipgloss.Style) string {
	spans := matchSpans(title, m.terms)
	if len(spans) == 0 {
		return base.Render(title)
	}
	match := base.Bold(true).Underline(true)
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		if sp[0] > last {
			b.WriteString(base.Render(title[last:sp[0]]))
		}
		b.WriteString(match.Render(title[sp[0]:sp[1]]))
		last = sp[1]
	}
	if last < len(title) {
		b.WriteString(base.Render(title[last:]))
	}
	return b.String()
}

// mark reverses the searched words in rendered (ANSI-styled) text.
func (m *Model) mark(s string) string { return markANSI(s, m.terms) }

// markANSI finds the words in the visible text of s, skipping escape
// sequences, and wraps each in reverse video. An escape sequence inside a
// word (glamour resets styles between runs) is followed by reverse again
// so that the mark lasts to the word's end.
func markANSI(s string, terms []string) string {
	if len(terms) == 0 {
		return s
	}
	var visible []byte
	var pos []int // pos[j] is the index in s of visible byte j
	for i := 0; i < len(s); {
		if n := escapeLen(s[i:]); n > 0 {
			i += n
			continue
		}
		visible = append(visible, s[i])
		pos = append(pos, i)
		i++
	}
	spans := matchSpans(string(visible), terms)
	if len(spans) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		start, end := pos[sp[0]], pos[sp[1]-1]+1
		b.WriteString(s[last:start])
		b.WriteString(previewMarkOn)
		for i := start; i < end; {
			if n := escapeLen(s[i:]); n > 0 {
				b.WriteString(s[i : i+n])
				b.WriteString(previewMarkOn)
				i += n
				continue
			}
			b.WriteByte(s[i])
			i++
		}
		b.WriteString(previewMarkOff)
		last = end
	}
	b.WriteString(s[last:])
	return b.String()
}

// escapeLen is the length of the escape sequence at the start of s, or 0:
// CSI (ESC [ ... final byte), OSC (ESC ] ... BEL or ESC \), or ESC and one
// more byte.
func escapeLen(s string) int {
	if len(s) < 2 || s[0] != 0x1b {
		return 0
	}
	switch s[1] {
	case '[':
		for i := 2; i < len(s); i++ {
			if s[i] >= 0x40 && s[i] <= 0x7e {
				return i + 1
			}
		}
		return len(s)
	case ']':
		for i := 2; i < len(s); i++ {
			if s[i] == 0x07 {
				return i + 1
			}
			if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
		}
		return len(s)
	}
	return 2
}
