package browse

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"

	"github.com/djq-cli/djq/internal/bank"
)

func TestSearchTerms(t *testing.T) {
	tests := []struct {
		query string
		want  []string
	}{
		{"", nil},
		{"orm", []string{"orm"}},
		{"how do I cache a view", []string{"cach", "view"}},
		{"caching Views", []string{"cach", "view"}},
		{"select_related", []string{"select_relat"}},
		{`"exact phrase" +must -not tag:orm level:advanced`, []string{"exact", "phras", "must"}},
		{"N+1 M2M", []string{"m2m"}},
		{"_set", []string{"_set"}},
		{"queries query", []string{"quer", "query"}},
	}
	for _, tt := range tests {
		if got := searchTerms(tt.query); !slices.Equal(got, tt.want) {
			t.Errorf("searchTerms(%q) = %q, want %q", tt.query, got, tt.want)
		}
	}
}

func TestMatchSpans(t *testing.T) {
	tests := []struct {
		text  string
		terms []string
		want  string // matches in brackets
	}{
		{"What is Django's ORM?", []string{"orm"}, "What is Django's [ORM]?"},
		{"How do forms and formsets work?", []string{"orm"}, "How do forms and formsets work?"},
		{"Caching, the cache and cached views", []string{"cach"}, "[Caching], the [cache] and [cached] views"},
		{"select_related and prefetch_related", []string{"related"}, "select_[related] and prefetch_[related]"},
		{"select_related and prefetch_related", []string{"select_relat"}, "[select_related] and prefetch_related"},
		{"reverse relations and _set", []string{"_set"}, "reverse relations and [_set]"},
		{"Ünïcode ünïcode", []string{"ünï"}, "[Ünïcode] [ünïcode]"},
		{"no terms", nil, "no terms"},
	}
	for _, tt := range tests {
		var b strings.Builder
		last := 0
		for _, sp := range matchSpans(tt.text, tt.terms) {
			b.WriteString(tt.text[last:sp[0]] + "[" + tt.text[sp[0]:sp[1]] + "]")
			last = sp[1]
		}
		b.WriteString(tt.text[last:])
		if b.String() != tt.want {
			t.Errorf("matchSpans(%q, %q) = %q, want %q", tt.text, tt.terms, b.String(), tt.want)
		}
	}
}

func TestMarkANSI(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"plain cache text", "plain \x1b[7mcache\x1b[27m text"},
		// glamour styles each run and resets after it
		{"\x1b[38;5;252mthe\x1b[0m \x1b[38;5;252mcache\x1b[0m", "\x1b[38;5;252mthe\x1b[0m \x1b[38;5;252m\x1b[7mcache\x1b[27m\x1b[0m"},
		// a reset inside the word: reverse comes back after it
		{"ca\x1b[0mching", "\x1b[7mca\x1b[0m\x1b[7mching\x1b[27m"},
		// escapes are never searched: 252m is not a word
		{"\x1b]8;;https://cache.example\x07link\x1b]8;;\x07", "\x1b]8;;https://cache.example\x07link\x1b]8;;\x07"},
		{"no match", "no match"},
	}
	for _, tt := range tests {
		got := markANSI(tt.in, []string{"cach"})
		if got != tt.want {
			t.Errorf("markANSI(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if stripANSI(got) != stripANSI(tt.in) {
			t.Errorf("markANSI(%q) changed the visible text", tt.in)
		}
	}
}

// TestSearchMarksWords: after a / search the matched words are marked in
// the list (bold underline) and in the preview (reverse), and clearing the
// search clears the marks.
func TestSearchMarksWords(t *testing.T) {
	cfg := testConfig(30)
	cfg.Render = func(q *bank.Question, width int) string {
		return fmt.Sprintf("\x1b[1m%s\x1b[0m\n\nThe answer mentions a topic.", q.Title)
	}
	m := sized(cfg, 120, 30)
	press(m, "/", "topic", "enter")
	v := m.Render()
	listMark := lipgloss.NewStyle().Bold(true).Underline(true).Render("topic")
	selMark := selStyle.Bold(true).Underline(true).Render("topic")
	if !strings.Contains(v, selMark) || !strings.Contains(v, listMark) {
		t.Errorf("list does not mark topic (want %q and %q):\n%q", selMark, listMark, v)
	}
	if !strings.Contains(v, previewMarkOn+"topic"+previewMarkOff+".") {
		t.Errorf("preview does not mark topic:\n%q", v)
	}
	press(m, "enter")
	if v := m.Render(); !strings.Contains(v, previewMarkOn+"topic"+previewMarkOff+".") {
		t.Errorf("reader does not mark topic:\n%q", v)
	}
	press(m, "q", "esc")
	if v := m.Render(); strings.Contains(v, previewMarkOn+"topic") || strings.Contains(v, listMark) || strings.Contains(v, selMark) {
		t.Errorf("marks outlive the search:\n%q", v)
	}
}

// FuzzMarkANSI: marking never changes the visible text and never panics,
// whatever the answer and the query hold (user decks are untrusted text).
func FuzzMarkANSI(f *testing.F) {
	f.Add("\x1b[38;5;252mthe cache\x1b[0m", "caching")
	f.Add("ca\x1b[0mching \x1b]8;;x\x07", "cache -tag:x")
	f.Add("Ünïcode \x1b[", "ünï")
	f.Fuzz(func(t *testing.T, text, query string) {
		terms := searchTerms(query)
		got := markANSI(text, terms)
		if stripEscapes(got) != stripEscapes(text) {
			t.Errorf("visible text changed: %q -> %q", text, got)
		}
		for _, sp := range matchSpans(text, terms) {
			if sp[0] < 0 || sp[0] >= sp[1] || sp[1] > len(text) {
				t.Errorf("span %v out of %d bytes", sp, len(text))
			}
		}
	})
}

// stripEscapes removes what markANSI treats as escape sequences.
func stripEscapes(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if n := escapeLen(s[i:]); n > 0 {
			i += n
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}
