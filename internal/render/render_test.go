package render

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/muesli/termenv"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/golden"
	"github.com/djq-cli/djq/internal/output"
)

func fixture() ([]*bank.Question, bank.Lookup) {
	q1 := &bank.Question{
		ID: 7, Deck: bank.DefaultDeck, Title: "How do you start an app?", Level: bank.Beginner,
		Tags: []string{"setup", "tooling"}, Summary: "Run startapp, then add the app to INSTALLED_APPS.",
		Related: []int{8, 99}, Docs: []string{"https://docs.djangoproject.com/en/stable/ref/django-admin/#startapp"},
		Body: "Run `python manage.py startapp polls` and list the app in **INSTALLED_APPS**.\n\n## Steps\n\n1. Create it.\n2. Register it.\n\n```python\nINSTALLED_APPS = [\n    \"polls\",\n]\n```\n\n## Follow-up questions\n\n- What does AppConfig.ready() do?",
	}
	q2 := &bank.Question{
		ID: 8, Deck: "interview", Title: "What does runserver do?", Level: bank.Advanced,
		Tags: []string{"tooling"}, Summary: "It serves the project for development only.",
		Body: "It starts a development server.\n\n```bash\npython manage.py runserver 0.0.0.0:8000\n```",
	}
	q3 := &bank.Question{ID: 8, Deck: bank.DefaultDeck, Title: "What does runserver do?", Level: bank.Beginner}
	byRef := map[bank.Ref]*bank.Question{{Deck: "django", ID: 7}: q1, {Deck: "django", ID: 8}: q3, {Deck: "interview", ID: 8}: q2}
	return []*bank.Question{q1, q2}, func(r bank.Ref) *bank.Question { return byRef[r] }
}

func TestQuestionsGolden(t *testing.T) {
	qs, lookup := fixture()
	tests := []struct {
		name   string
		policy Policy
	}{
		{"markdown.golden", Policy{Format: FormatMarkdown, Width: 80}},
		{"json.golden", Policy{Format: FormatJSON}},
		{"pretty-notty.golden", Policy{Format: FormatPretty, Style: "notty", Width: 60}},
		{"pretty-dark.golden", Policy{Format: FormatPretty, Style: "dark", Width: 60, Color: true, Profile: termenv.TrueColor}},
		{"pretty-light.golden", Policy{Format: FormatPretty, Style: "light", Width: 80, Color: true, Profile: termenv.TrueColor}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Questions(&buf, tt.policy, qs, lookup); err != nil {
				t.Fatal(err)
			}
			got := buf.String()
			if !tt.policy.Color && strings.Contains(got, "\x1b") {
				t.Errorf("output without colour contains an escape sequence")
			}
			for i, l := range strings.Split(got, "\n") {
				if strings.TrimRight(l, " \t") != l {
					t.Errorf("line %d has trailing whitespace: %q", i+1, l)
				}
			}
			golden.Check(t, tt.name, got)
		})
	}
}

func TestListGolden(t *testing.T) {
	qs, _ := fixture()
	tests := []struct {
		name   string
		policy Policy
	}{
		{"list-markdown.golden", Policy{Format: FormatMarkdown}},
		{"list-pretty.golden", Policy{Format: FormatPretty, Color: true, TTY: true, Width: 40}},
		{"list-json.golden", Policy{Format: FormatJSON}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := List(&buf, tt.policy, qs, ""); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, tt.name, buf.String())
		})
	}
}

func TestTrimLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain   ", "plain"},
		{"\x1b[37mtext\x1b[0m\x1b[37m \x1b[0m\x1b[37m \x1b[0m", "\x1b[37mtext\x1b[0m"},
		{"no padding", "no padding"},
		{"   ", ""},
	}
	for _, tt := range tests {
		if got := trimLine(tt.in); got != tt.want {
			t.Errorf("trimLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEscapeProse(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words", "plain words"},
		{"is_valid() and data__owner__name", "is_valid() and data__owner__name"},
		{"stored in __dict__, fast", `stored in \_\_dict\_\_, fast`},
		{"your clean_<field>() hooks", `your clean\_\<field>() hooks`},
		{"*args and a < b", `\*args and a < b`},
	}
	for _, tt := range tests {
		if got := escapeProse(tt.in); got != tt.want {
			t.Errorf("escapeProse(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestStatsHeader: the column titles are the bold header, not the empty
// cell before them; a new user gets one line.
func TestStatsHeader(t *testing.T) {
	s := output.Stats{Reviews: 3, Streak: 1, Levels: map[string]output.Counts{}, Decks: map[string]output.Counts{"django": {}},
		Days: []output.DayCount{{Date: "2026-11-30", Reviews: 3}}}
	var out strings.Builder
	if err := Stats(&out, Policy{Color: true}, s); err != nil {
		t.Fatal(err)
	}
	header := strings.Split(out.String(), "\n")[2]
	if !regexp.MustCompile(`^ {17}\x1b\[1m +new +learning +due today +mastered`).MatchString(header) {
		t.Errorf("header row %q: want the bold to start at the column titles", header)
	}
	out.Reset()
	if err := Stats(&out, Policy{}, output.Stats{Total: output.Counts{New: 160}}); err != nil || out.String() != "No reviews yet: 160 cards are new. Start with djq quiz.\n" {
		t.Errorf("new user: %q %v", out.String(), err)
	}
}

// TestDecideAsksForTheBackgroundOnlyWhenNeeded: the background query may
// wait for the terminal, so Decide calls it only for answers drawn pretty
// in colour with the style left to auto.
func TestDecideAsksForTheBackgroundOnlyWhenNeeded(t *testing.T) {
	tests := []struct {
		name      string
		flags     Flags
		colorAuto bool
		wantAsked bool
		wantStyle string
	}{
		{name: "answers in colour, style auto", flags: Flags{RendersAnswers: true}, colorAuto: true, wantAsked: true, wantStyle: "light"},
		{name: "a listing", flags: Flags{}, colorAuto: true, wantStyle: "auto"},
		{name: "a chosen style", flags: Flags{Style: "dark", RendersAnswers: true}, colorAuto: true, wantStyle: "dark"},
		{name: "no colour", flags: Flags{RendersAnswers: true}, wantStyle: "notty"},
		{name: "markdown", flags: Flags{Format: "markdown", RendersAnswers: true}, colorAuto: true, wantStyle: "auto"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			asked := false
			term := Terminal{StdoutTTY: true, Width: 80, ColorAuto: tt.colorAuto, LightBackground: func() bool { asked = true; return true }}
			p, err := Decide(term, tt.flags)
			if err != nil {
				t.Fatal(err)
			}
			if asked != tt.wantAsked || p.Style != tt.wantStyle {
				t.Errorf("asked %v, style %q; want %v, %q", asked, p.Style, tt.wantAsked, tt.wantStyle)
			}
		})
	}
}

// TestAppendLead: one blank line between a file's text and an appended
// answer, whatever the file ended with; nothing already there is undone.
func TestAppendLead(t *testing.T) {
	tests := []struct{ tail, want string }{
		{tail: "text", want: "\n\n"},
		{tail: "text  ", want: "\n\n"},
		{tail: "text\n", want: "\n"},
		{tail: "text\r\n", want: "\n"},
		{tail: "text\n   ", want: "\n"},
		{tail: "text\n\n", want: ""},
		{tail: "text\r\n\r\n", want: ""},
		{tail: "text\n \t\n", want: ""},
		{tail: "text\n\n\n\n", want: ""},
		{tail: "", want: "\n"}, // the end could not be read: as before
	}
	for _, tt := range tests {
		if got := AppendLead(tt.tail); got != tt.want {
			t.Errorf("AppendLead(%q) = %q, want %q", tt.tail, got, tt.want)
		}
	}
}
