package bank

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Limits on what a question may contain. Rendering an answer (glamour's
// wrapping, its nested blocks) grows faster than the text: before these
// limits a file of 1,000 nested '>' took 21 s and 867 MB to show, one
// 900 KB word over 120 s. At these limits the worst file renders in well
// under a second (0.1–0.35 s: TestWorstAcceptedAnswerIsQuick and
// BenchmarkWorstAcceptedAnswer in internal/render), and the built-in bank
// is far from each of them (its largest file is 6.7 KB, its longest word
// outside code 69 characters, its most tags 4). A file past a limit is skipped with a message
// that names the limit, like any other broken file.
const (
	// MaxBodySize is the most bytes an answer may have.
	MaxBodySize = 64 << 10
	// MaxNesting is how deep blockquotes and lists may nest, together.
	MaxNesting = 8
	// MaxWordLength is the longest run of non-space characters, in
	// characters, outside fenced code blocks (a URL counts as one word).
	MaxWordLength = 512
	// MaxTags is how many tags a question may have.
	MaxTags = 50
)

// checkLimits reports, as fatal problems, what in q is past a limit.
func (p *parser) checkLimits(q *Question) {
	if len(q.Body) > MaxBodySize {
		p.fatal(q.BodyLine, "the answer has %d bytes (at most %d)", len(q.Body), MaxBodySize)
		return
	}
	for key, text := range map[string]string{"title": q.Title, "summary": q.Summary} {
		if n := longestWord(text); n > MaxWordLength {
			p.fatal(q.Line(key), "%s has a word of %d characters (at most %d)", key, n, MaxWordLength)
		}
	}
	for _, t := range q.Tags {
		if n := utf8.RuneCountInString(t); n > MaxWordLength {
			p.fatal(q.Line("tags"), "a tag has %d characters (at most %d)", n, MaxWordLength)
			break
		}
	}
	fence := ""
	var open nest
	for i, line := range strings.Split(q.Body, "\n") {
		at := q.BodyLine + i
		var depth int
		depth, open = nesting(line, open)
		rest := strings.TrimLeft(line, " \t>")
		switch {
		case fence != "":
			if strings.HasPrefix(rest, fence) {
				fence = ""
			}
			continue
		case strings.HasPrefix(rest, "```"), strings.HasPrefix(rest, "~~~"):
			fence = rest[:3]
			continue
		}
		if depth > MaxNesting {
			p.fatal(at, "blockquotes and lists nest %d deep here (at most %d)", depth, MaxNesting)
			return
		}
		if n := longestWord(line); n > MaxWordLength {
			p.fatal(at, "a word of %d characters (at most %d outside code blocks)", n, MaxWordLength)
			return
		}
	}
}

// nest is what nesting carries from line to line: the '>' prefix of the
// last non-blank line and the content columns of the list items open in it.
type nest struct {
	quotes int
	lists  []int
}

// nesting approximates how deep line sits in blockquotes and lists: the
// '>' of its prefix, the list items still open (those whose content column
// its indentation reaches) and the markers on the line itself, '>' and list
// markers alike ("- > - > x"). Blank lines leave everything open, as in
// Markdown. A change of '>' prefix starts the list stack afresh, which may
// count a list-in-quote-in-list less deep than it is, never deeper.
func nesting(line string, n nest) (int, nest) {
	quotes, col, i := 0, 0, 0
prefix:
	for ; i < len(line); i++ {
		switch line[i] {
		case '>':
			quotes++
			col = 0
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			break prefix
		}
	}
	if i == len(line) {
		return n.quotes + len(n.lists), n // blank
	}
	if quotes != n.quotes {
		n = nest{quotes: quotes}
	}
	for len(n.lists) > 0 && col < n.lists[len(n.lists)-1] {
		n.lists = n.lists[:len(n.lists)-1]
	}
	if strings.Trim(line[i:], "*-_ \t") == "" {
		return quotes + len(n.lists), n // a thematic break such as "* * *"
	}
	inner := 0
	for pos := col; i < len(line); {
		if line[i] == '>' {
			inner++
			i++
		} else if w := listMarker(line[i:]); w > 0 && strings.TrimSpace(line[i+w:]) != "" {
			i += w
			pos += w
			if inner == 0 {
				n.lists = append(n.lists, pos)
			} else {
				inner++
			}
		} else {
			break
		}
		for i < len(line) && line[i] == ' ' {
			i++
			pos++
		}
	}
	return quotes + inner + len(n.lists), n
}

// listMarker returns the width of a list marker and its space at the start
// of s ("- ", "* ", "+ ", "12. ", "3) "), 0 when there is none.
func listMarker(s string) int {
	if len(s) >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ' {
		return 2
	}
	n := 0
	for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n > 0 && n+1 < len(s) && (s[n] == '.' || s[n] == ')') && s[n+1] == ' ' {
		return n + 2
	}
	return 0
}

// longestWord is the length, in characters, of the longest run of
// non-space characters in s.
func longestWord(s string) int {
	longest, cur := 0, 0
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			cur = 0
			continue
		}
		cur++
		longest = max(longest, cur)
	}
	return longest
}

// tagsKey decodes the tags, lowercased and without repeats (a set, not a
// pairwise scan: 100,000 tags once cost 17 s), refusing more than MaxTags.
func tagsKey(q *Question, items []string) string {
	if len(items) > MaxTags {
		return fmt.Sprintf("%d tags (at most %d)", len(items), MaxTags)
	}
	seen := make(map[string]bool, len(items))
	for _, it := range items {
		if t := strings.ToLower(strings.TrimSpace(it)); t != "" && !seen[t] {
			seen[t] = true
			q.Tags = append(q.Tags, t)
		}
	}
	return ""
}
