package search

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSearch runs arbitrary queries through the parser and the whole search
// on the built-in index: a query is either a QueryError or a result, never
// a panic or another error.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"select_related", `"form valid" -formset +cbv`, "title:", "level:advanced tag:orm", `"unbalanced`, "+", "-", "\xff", strings.Repeat("a", 2000), "a_b_c-d.e+f", "_set", "N+1", "title:\"x\"", "check --deploy", "--", "prefetch releted", "how do I avoid n+1 queries"} {
		f.Add(s)
	}
	ix := memIndex(f)
	f.Fuzz(func(t *testing.T, q string) {
		res, err := ix.Search(t.Context(), Request{Query: q, Limit: 5})
		if err != nil {
			if _, ok := err.(*QueryError); !ok {
				t.Fatalf("query %q: unexpected error %v", q, err)
			}
			return
		}
		for _, h := range res.Hits {
			if !utf8.ValidString(h.Snippet.Text) {
				t.Fatalf("query %q: invalid UTF-8 snippet", q)
			}
			for _, m := range h.Snippet.Marks {
				if m[0] < 0 || m[1] > len(h.Snippet.Text) || m[0] >= m[1] {
					t.Fatalf("query %q: bad mark %v", q, m)
				}
			}
		}
	})
}

// FuzzPlainText checks the block map of any Markdown (user decks are
// untrusted): blocks lie within the text, in order, without overlapping,
// and survive encoding.
func FuzzPlainText(f *testing.F) {
	for _, s := range []string{"## H\n\npara\n\n```\ncode\n\nmore\n```\n> q", "```", "#", "\n\n\n", "- a\n- b\n```go\nx\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		text, blocks := plainText(md)
		prev := 0
		for _, b := range blocks {
			if b.start < prev || b.end < b.start || b.end > len(text) {
				t.Fatalf("block %+v out of order or bounds (text %d bytes, previous end %d)", b, len(text), prev)
			}
			prev = b.end
		}
		if got := decodeBlocks(encodeBlocks(blocks)); len(got) != len(blocks) {
			t.Fatalf("%d blocks decode as %d", len(blocks), len(got))
		}
	})
}
