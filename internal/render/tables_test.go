package render

import (
	"io"
	"strings"
	"testing"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/buildinfo"
	"github.com/djq-cli/djq/internal/output"
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

// TestPaths: render draws djq paths from data rows alone: missing
// folders, ones not created yet, deck folders from $DJQ_DECKS and from
// decks add, hostile bytes sanitised, and JSON with the folder rows only.
func TestPaths(t *testing.T) {
	rows := []output.Path{
		{Name: "cache", Path: "/c", Exists: true, Env: "DJQ_CACHE_DIR"},
		{Name: "state", Path: "/s/state.json", Env: "DJQ_STATE_DIR"},
		{Name: "config", Env: "DJQ_CONFIG_DIR"},
	}
	tests := []struct {
		name   string
		policy Policy
		f      Folders
		want   string
	}{
		{name: "folders", f: Folders{Rows: rows},
			want: "cache   /c\nstate   /s/state.json  (not created yet)\nconfig  (none)  set DJQ_CONFIG_DIR or HOME\n"},
		{name: "deck folders from elsewhere", f: Folders{Rows: rows[:1], EnvDecks: "/d1", Added: []string{"/a", "/b"}, Registry: "decks.txt"},
			want: "cache   /c\ndecks   /d1  (DJQ_DECKS)\ndecks   /a:/b  (added in decks.txt)\n"},
		{name: "escapes in a path are not passed through", f: Folders{Rows: []output.Path{{Name: "cache", Path: "/bad\x1b]2;x\a", Exists: true}}, EnvDecks: "/e\x1b[31m"},
			want: "cache   \"/bad\\x1b]2;x\\a\"\ndecks   /e\\x1b[31m  (DJQ_DECKS)\n"},
		{name: "json is the folder rows", policy: Policy{Format: FormatJSON}, f: Folders{Rows: rows[:1], EnvDecks: "/d1"},
			want: "[\n  {\n    \"name\": \"cache\",\n    \"path\": \"/c\",\n    \"exists\": true,\n    \"env\": \"DJQ_CACHE_DIR\"\n  }\n]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := Paths(&b, tt.policy, tt.f); err != nil {
				t.Fatal(err)
			}
			if got := b.String(); got != tt.want {
				t.Errorf("Paths =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// TestVersionAndStatsFormats: text or JSON is the policy's choice, made in
// render for version and stats as for every other output.
func TestVersionAndStatsFormats(t *testing.T) {
	info := buildinfo.Info{Version: "v1.2.3", Commit: "abc", Date: "2026-12-01"}
	stats := output.Stats{Total: output.Counts{New: 3}}
	tests := []struct {
		name string
		draw func(w io.Writer, p Policy) error
		p    Policy
		want string
		// part: want is only part of the output.
		part bool
	}{
		{"version text", func(w io.Writer, p Policy) error { return Version(w, p, info) }, Policy{Format: FormatMarkdown}, info.String() + "\n", false},
		{"version json", func(w io.Writer, p Policy) error { return Version(w, p, info) }, Policy{Format: FormatJSON},
			"{\n  \"version\": \"v1.2.3\",\n  \"commit\": \"abc\",\n  \"date\": \"2026-12-01\"\n}\n", false},
		{"stats text", func(w io.Writer, p Policy) error { return Stats(w, p, stats) }, Policy{Format: FormatPretty},
			"No reviews yet: 3 cards are new. Start with djq quiz.\n", false},
		{"stats json", func(w io.Writer, p Policy) error { return Stats(w, p, stats) }, Policy{Format: FormatJSON},
			`"total": {` + "\n    \"new\": 3,", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := tt.draw(&b, tt.p); err != nil {
				t.Fatal(err)
			}
			if got := b.String(); got != tt.want && !(tt.part && strings.Contains(got, tt.want)) {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}
