package bank

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// question is a valid question file with body as its answer and tags as
// its tag list.
func question(tags, body string) []byte {
	return []byte("---\nid: 1\ntitle: T\nlevel: beginner\ntags: " + tags + "\n---\n" + body + "\n")
}

// TestLimits: what is past a limit is refused with a message naming the
// limit and the line; what is just within it loads (issue 23, item 8).
func TestLimits(t *testing.T) {
	many := func(n int) string {
		var b strings.Builder
		b.WriteString("[")
		for i := range n {
			fmt.Fprintf(&b, "t%d,", i)
		}
		return strings.TrimSuffix(b.String(), ",") + "]"
	}
	nestedList := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(strings.Repeat("  ", i) + "- item\n")
		}
		return b.String()
	}
	past := fmt.Sprintf("nest %d deep here (at most %d)", MaxNesting+1, MaxNesting)
	tests := []struct {
		name, tags, body, want string // want "" means it loads
	}{
		{"100,000 tags", many(100_000), "body", "100000 tags (at most 50)"},
		{"50 tags", many(50), "body", ""},
		{"repeated tags count once", "[a, A, a, b]", "body", ""},
		{"1,000 nested quotes", "[a]", strings.Repeat("> ", 1000) + "deep", fmt.Sprintf("nest 1000 deep here (at most %d)", MaxNesting)},
		{"quotes at the limit", "[a]", strings.Repeat("> ", MaxNesting) + "deep", ""},
		{"list items past the limit", "[a]", nestedList(MaxNesting + 1), past},
		{"list items at the limit", "[a]", nestedList(MaxNesting), ""},
		{"lists with 4-space indents", "[a]", "- a\n    - b\n        - c\n\n        more\n- d\n", ""},
		{"one-line nested markers", "[a]", strings.Repeat("- ", MaxNesting+1) + "x", past},
		{"a quote in a list counts from the quote (an undercount by design)", "[a]", "- a\n  > " + strings.Repeat("> ", MaxNesting-1) + "b", ""},
		{"a quote in a list past the limit", "[a]", "- a\n  > " + strings.Repeat("> ", MaxNesting) + "b", past},
		{"alternating on one line", "[a]", strings.Repeat("- > ", MaxNesting/2) + "- x", past},
		{"lists inside a quote", "[a]", "> " + strings.TrimSuffix(strings.ReplaceAll(nestedList(MaxNesting), "\n", "\n> "), "> "), past},
		{"thematic break of stars", "[a]", "body\n\n" + strings.Repeat("* ", 20) + "\n", ""},
		{"900 KB word", "[a]", strings.Repeat("x", 900_000), "the answer has 900000 bytes"},
		{"60 KB word", "[a]", strings.Repeat("x", 60_000), "a word of 60000 characters (at most 512 outside code blocks)"},
		{"512-character URL", "[a]", "see https://" + strings.Repeat("x", 500), ""},
		{"long line in a code block", "[a]", "```\n" + strings.Repeat("x", 5000) + "\n```\nafter", ""},
		{"long line after a code block", "[a]", "```\ncode\n```\n" + strings.Repeat("x", 5000), "q.md:10: a word of 5000"},
		{"answer over 64 KB", "[a]", strings.Repeat("word ", 14_000), "bytes (at most 65536)"},
		{"long tag", "[" + strings.Repeat("t", 600) + "]", "body", "a tag has 600 characters"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q, ps := Parse("q.md", question(tc.tags, tc.body))
			if tc.want == "" {
				if q == nil {
					t.Fatalf("refused: %v", ps)
				}
				return
			}
			if q != nil || !strings.Contains(ps.Error(), tc.want) {
				t.Errorf("problems %q, want %q", ps.Error(), tc.want)
			}
		})
	}
}

// TestBuiltinWithinLimits: every built-in answer is well inside the limits.
func TestBuiltinWithinLimits(t *testing.T) {
	files, _ := filepath.Glob("../../data/questions/*.md")
	if len(files) < 100 {
		t.Fatalf("found %d built-in questions", len(files))
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if q, ps := Parse(f, raw); q == nil {
			t.Errorf("%v", ps)
		}
	}
}
