package search

import (
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/search"

	"github.com/djq-cli/djq/internal/hit"
)

// locate builds the match locations of words in text, as the index
// reports them.
func locate(text string, words ...string) search.TermLocationMap {
	locs := search.TermLocationMap{}
	lower := strings.ToLower(text)
	for _, w := range words {
		for i := 0; ; {
			j := strings.Index(lower[i:], w)
			if j < 0 {
				break
			}
			locs[w] = append(locs[w], &search.Location{Start: uint64(i + j), End: uint64(i + j + len(w))})
			i += j + len(w)
		}
	}
	return locs
}

func TestSnippetBlocks(t *testing.T) {
	md := "Intro paragraph about caching views.\n\n## Per-view cache\n\nThe cache_page decorator caches a whole view for a number of seconds.\n\n```python\nfrom django.views.decorators.cache import cache_page\n\n@cache_page(60 * 15)\ndef my_view(request):\n    ...\n```\n\n## Low-level API\n\nUse the cache object for anything else."
	summary := "Django caches whole sites, single views, template fragments or any value."
	body, blocks := plainText(md)
	marked := func(s hit.Snippet) []string {
		var out []string
		for _, m := range s.Marks {
			out = append(out, s.Text[m[0]:m[1]])
		}
		return out
	}
	tests := []struct {
		name          string
		bodyWords     []string
		summaryWords  []string
		want, notWant []string
		wantMark      string
		wantNoMarks   bool
	}{
		{name: "prose wins over code and headings", bodyWords: []string{"cache_page"}, want: []string{"The cache_page decorator"}, notWant: []string{"Per-view", "import", "⏎"}, wantMark: "cache_page"},
		{name: "code only: code lines, not prose", bodyWords: []string{"my_view"}, want: []string{"def my_view(request):"}, notWant: []string{"Low-level", "seconds"}, wantMark: "my_view"},
		{name: "several code lines are joined with a line mark", bodyWords: []string{"decorators", "my_view"}, want: []string{"import cache_page ⏎ @cache_page(60 * 15) ⏎ def my_view"}, wantMark: "my_view"},
		{name: "a window never crosses into the next heading", bodyWords: []string{"seconds"}, notWant: []string{"python", "from django", "Low-level"}, wantMark: "seconds"},
		{name: "summary match: the summary, marked", summaryWords: []string{"fragments"}, want: []string{summary[:20]}, wantMark: "fragments"},
		{name: "title or asked match only: the summary", want: []string{summary[:20]}, wantNoMarks: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := makeSnippet(body, blocks, summary, locate(body, tt.bodyWords...), locate(summary, tt.summaryWords...), 80, nil)
			for _, w := range tt.want {
				if !strings.Contains(s.Text, w) {
					t.Errorf("snippet %q does not contain %q", s.Text, w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(s.Text, w) {
					t.Errorf("snippet %q contains %q", s.Text, w)
				}
			}
			if tt.wantNoMarks && len(s.Marks) > 0 {
				t.Errorf("snippet %q marks %v", s.Text, marked(s))
			}
			if tt.wantMark != "" && !strings.Contains(strings.Join(marked(s), " "), tt.wantMark) {
				t.Errorf("snippet %q marks %v, want %q marked", s.Text, marked(s), tt.wantMark)
			}
			if strings.ContainsAny(s.Text, "\n\t") {
				t.Errorf("snippet has raw whitespace: %q", s.Text)
			}
		})
	}
}

// TestSnippetsShowAMatch checks, over real searches, that a snippet marks a
// matched word whenever the answer's text (not only its title or
// asked-as phrasings) matched.
func TestSnippetsShowAMatch(t *testing.T) {
	ix := memIndex(t)
	for _, q := range []string{"signals", "select_related", "caching", "csrf token", "check --deploy", "how do I avoid n+1 queries", "bulk_create"} {
		res, err := ix.Search(t.Context(), Request{Query: q, Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			if len(h.Snippet.Marks) == 0 {
				t.Errorf("%q: the snippet of %s marks nothing: %q", q, h.Ref, h.Snippet.Text)
			}
		}
	}
}
