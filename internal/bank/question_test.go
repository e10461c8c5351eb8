package bank

import (
	"slices"
	"testing"

	"github.com/djq-cli/djq/internal/exitcode"
)

func TestDocsLinks(t *testing.T) {
	one := []string{"https://docs.djangoproject.com/en/stable/topics/db/queries/"}
	three := []string{
		"https://docs.djangoproject.com/en/stable/ref/models/querysets/",
		"https://docs.djangoproject.com/en/stable/topics/db/optimization/",
		"https://docs.djangoproject.com/en/stable/ref/models/expressions/",
	}
	tests := []struct {
		name     string
		deck     string
		docs     []string
		nth      int
		all      bool
		want     []string
		wantCode int
		wantMsg  string
	}{
		{name: "no links", docs: nil, nth: 1, wantCode: exitcode.NotFound, wantMsg: "question 35 has no docs links"},
		{name: "no links, all", docs: nil, all: true, wantCode: exitcode.NotFound, wantMsg: "question 35 has no docs links"},
		{name: "no links in a user deck", deck: "interview", docs: nil, nth: 1, wantCode: exitcode.NotFound, wantMsg: "question interview:35 has no docs links"},
		{name: "first of one", docs: one, nth: 1, want: one},
		{name: "past the only link", docs: one, nth: 2, wantCode: exitcode.Usage, wantMsg: "question 35 has 1 docs link: use a number from 1 to 1"},
		{name: "past the last of three", docs: three, nth: 4, wantCode: exitcode.Usage, wantMsg: "question 35 has 3 docs links: use a number from 1 to 3"},
		{name: "first of three", docs: three, nth: 1, want: three[:1]},
		{name: "second of three", docs: three, nth: 2, want: three[1:2]},
		{name: "last of three", docs: three, nth: 3, want: three[2:]},
		{name: "all of three", docs: three, all: true, want: three},
		{name: "all ignores the number", docs: three, nth: 9, all: true, want: three},
		{name: "all of one", docs: one, all: true, want: one},
		{name: "zero is no link number", docs: three, nth: 0, wantCode: exitcode.Usage, wantMsg: "question 35 has 3 docs links: use a number from 1 to 3"},
		{name: "a negative number", docs: one, nth: -1, wantCode: exitcode.Usage, wantMsg: "question 35 has 1 docs link: use a number from 1 to 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			deck := tt.deck
			if deck == "" {
				deck = DefaultDeck
			}
			q := &Question{ID: 35, Deck: deck, Title: "How do you avoid N+1 queries?", Level: Intermediate, Docs: tt.docs}
			got, err := q.DocsLinks(tt.nth, tt.all)
			if tt.wantMsg != "" {
				if err == nil {
					t.Fatalf("DocsLinks(%d, %v) = %q, want an error", tt.nth, tt.all, got)
				}
				if err.Error() != tt.wantMsg {
					t.Errorf("error %q, want %q", err, tt.wantMsg)
				}
				if code := exitcode.Of(err); code != tt.wantCode {
					t.Errorf("error exits %d, want %d", code, tt.wantCode)
				}
				if got != nil {
					t.Errorf("links %q returned with the error", got)
				}
				return
			}
			if err != nil {
				t.Fatalf("DocsLinks(%d, %v): %v", tt.nth, tt.all, err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("DocsLinks(%d, %v) = %q, want %q", tt.nth, tt.all, got, tt.want)
			}
		})
	}
}
