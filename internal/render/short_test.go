package render

import (
	"strings"
	"testing"

	"github.com/djq-cli/djq/internal/bank"
)

// TestShortDirectAnswer checks what `djq show --short` keeps: the summary,
// else the body's first paragraph of prose, and never the detail, related
// questions or docs links.
func TestShortDirectAnswer(t *testing.T) {
	tests := []struct {
		name, summary, body, want string
	}{
		{"summary wins", "The direct answer.", "First paragraph.\n\n## More\n\nDetail.", "> The direct answer."},
		{"first paragraph without a summary", "", "\nFirst line\nsecond line.\n\nDetail.", "> First line second line."},
		{"stops at a heading", "", "Intro.\n## Heading\nDetail.", "> Intro."},
		{"nothing when the body opens with code", "", "```python\nx = 1\n```\n", ""},
		{"nothing when the body opens with a list", "", "- one\n- two\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := &bank.Question{ID: 7, Deck: bank.DefaultDeck, Title: "T?", Level: bank.Beginner, Summary: tt.summary,
				Body: tt.body, Related: []int{1}, Docs: []string{"https://docs.djangoproject.com/"}}
			var b strings.Builder
			p := Policy{Format: FormatMarkdown, Short: true}
			if err := Questions(&b, p, []*bank.Question{q}, func(bank.Ref) *bank.Question { return q }); err != nil {
				t.Fatal(err)
			}
			got := b.String()
			want := "# T?\n\nQuestion 7 · beginner\n"
			if tt.want != "" {
				want += "\n" + tt.want + "\n"
			}
			if got != want {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}
