package bank

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/djq-cli/djq/internal/sanitize"
)

// Lint checks a parsed question against the bank's writing standard, beyond
// what is needed to load it: a summary, https docs links, a language on
// every fenced code block, and a "Follow-up questions" section. The built-in
// bank must pass it; user decks may use it as advice.
func Lint(q *Question) Problems {
	var ps Problems
	add := func(line int, format string, args ...any) {
		ps = append(ps, Problem{File: q.File, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	if strings.TrimSpace(q.Summary) == "" {
		add(0, "summary is empty")
	}
	if !strings.HasSuffix(q.Title, "?") {
		add(0, "title should be a question ending in '?'")
	}
	for _, d := range q.Docs {
		u, err := url.Parse(d)
		if err != nil || u.Scheme != "https" || u.Host == "" {
			add(0, "docs link %s is not an https URL", sanitize.Quote(d))
		}
	}
	if len(q.Docs) == 0 {
		add(0, "no docs links")
	}
	lines := strings.Split(q.Body, "\n")
	var fence string
	for i, l := range lines {
		t := strings.TrimLeft(l, " ")
		if len(l)-len(t) > 3 {
			continue
		}
		marker := ""
		switch {
		case strings.HasPrefix(t, "```"):
			marker = "```"
		case strings.HasPrefix(t, "~~~"):
			marker = "~~~"
		default:
			continue
		}
		if fence == "" {
			fence = marker
			if strings.TrimSpace(strings.TrimLeft(t, marker[:1])) == "" {
				add(q.BodyLine+i, "fenced code block has no language (write ```python, ```bash, ...)")
			}
		} else if marker == fence && strings.TrimSpace(strings.TrimLeft(t, marker[:1])) == "" {
			fence = ""
		}
	}
	if fence != "" {
		add(0, "a fenced code block is not closed")
	}
	if !strings.Contains(q.Body, "\n## Follow-up questions\n") {
		add(0, "no \"## Follow-up questions\" section")
	}
	inFence := false
	for i, l := range lines {
		if t := strings.TrimLeft(l, " "); strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			inFence = !inFence
		}
		if !inFence && strings.HasPrefix(l, "# ") {
			add(q.BodyLine+i, "top-level heading in the answer: the title is the only '#' heading, use '##'")
		}
		if strings.TrimRight(l, " \t") != l {
			add(q.BodyLine+i, "trailing whitespace")
		}
	}
	return ps
}
