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
	for _, s := range []string{"select_related", `"form valid" -formset +cbv`, "title:", "level:advanced tag:orm", `"unbalanced`, "+", "-", "\xff", strings.Repeat("a", 2000), "a_b_c-d.e+f", "_set", "N+1", "title:\"x\""} {
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
