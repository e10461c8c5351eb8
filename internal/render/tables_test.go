package render

import (
	"strings"
	"testing"

	"github.com/djq-cli/djq/internal/bank"
)

func TestDeckCheck(t *testing.T) {
	tests := []struct {
		name      string
		dir       string
		questions int
		problems  bank.Problems
		want      string
	}{
		{name: "clean deck", dir: "/home/x/decks/interview", questions: 12,
			want: "/home/x/decks/interview: 12 questions, no problems\n"},
		{name: "clean empty deck", dir: "decks/new", questions: 0,
			want: "decks/new: 0 questions, no problems\n"},
		{name: "problems, one a line, no summary", dir: "decks/interview", questions: 3,
			problems: bank.Problems{
				{File: "decks/interview/001-a.md", Line: 4, Msg: `unknown level "expert"`, Fatal: true},
				{File: "decks/interview/002-b.md", Line: 1, Msg: "summary is empty"},
				{File: "decks/interview", Msg: "cannot read deck: permission denied", Fatal: true},
			},
			want: "decks/interview/001-a.md:4: unknown level \"expert\"\n" +
				"decks/interview/002-b.md:1: summary is empty\n" +
				"decks/interview: cannot read deck: permission denied\n"},
		{name: "a warning alone is still a problem", dir: "d", questions: 1,
			problems: bank.Problems{{File: "d/x.md", Line: 5, Msg: `unknown field "colour"`}},
			want:     "d/x.md:5: unknown field \"colour\"\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := DeckCheck(&b, tt.dir, tt.questions, tt.problems); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("DeckCheck wrote\n%q\nwant\n%q", b.String(), tt.want)
			}
		})
	}
}
