package hit

import (
	"strings"
	"testing"
)

func TestSnippetFormat(t *testing.T) {
	upper := func(s ...string) string { return "[" + strings.ToUpper(strings.Join(s, "")) + "]" }
	for _, tt := range []struct {
		name string
		s    Snippet
		mark func(...string) string
		want string
	}{
		{"no marks", Snippet{Text: "use select_related"}, upper, "use select_related"},
		{"nil mark is plain text", Snippet{Text: "use select_related", Marks: [][2]int{{4, 18}}}, nil, "use select_related"},
		{"one mark", Snippet{Text: "use select_related", Marks: [][2]int{{4, 18}}}, upper, "use [SELECT_RELATED]"},
		{"two marks", Snippet{Text: "a b c", Marks: [][2]int{{0, 1}, {4, 5}}}, upper, "[A] b [C]"},
		{"overlapping mark skipped", Snippet{Text: "abcdef", Marks: [][2]int{{0, 3}, {2, 4}}}, upper, "[ABC]def"},
		{"mark past the end skipped", Snippet{Text: "abc", Marks: [][2]int{{1, 9}}}, upper, "abc"},
	} {
		if got := tt.s.Format(tt.mark); got != tt.want {
			t.Errorf("%s: Format = %q, want %q", tt.name, got, tt.want)
		}
	}
}
