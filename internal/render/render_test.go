package render

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/muesli/termenv"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/exitcode"
	"github.com/djq-cli/djq/internal/golden"
	"github.com/djq-cli/djq/internal/iostreams"
	"github.com/djq-cli/djq/internal/state"
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
			if err := List(&buf, tt.policy, qs); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, tt.name, buf.String())
		})
	}
}

func TestDecide(t *testing.T) {
	tests := []struct {
		name    string
		flags   Flags
		tty     bool
		width   int
		env     map[string]string
		want    Policy
		wantErr string
		// listing commands do not render answers and never need a style
		listing bool
		// ttyWidth is the controlling terminal's width; appends marks
		// stdout as a non-empty regular file.
		ttyWidth int
		appends  bool
	}{
		{name: "DJQ_HYPERLINKS=0 turns links off", tty: true, width: 80, env: map[string]string{"TERM": "xterm", "DJQ_HYPERLINKS": "0"},
			want: Policy{Format: FormatPretty, Style: "dark", Width: 80, TTY: true, Color: true, Profile: termenv.ANSI}},
		{name: "the hyperlinks flag beats DJQ_HYPERLINKS", flags: Flags{Hyperlinks: "always"}, tty: true, width: 80, env: map[string]string{"TERM": "linux", "DJQ_HYPERLINKS": "0"},
			want: Policy{Format: FormatPretty, Style: "dark", Width: 80, TTY: true, Color: true, Profile: termenv.ANSI, Hyperlinks: true}},
		{name: "no links on the Linux console", tty: true, width: 80, env: map[string]string{"TERM": "linux"},
			want: Policy{Format: FormatPretty, Style: "dark", Width: 80, TTY: true, Color: true, Profile: termenv.ANSI}},
		{name: "no links when NO_COLOR", tty: true, width: 80, env: map[string]string{"TERM": "xterm", "NO_COLOR": "1"},
			want: Policy{Format: FormatPretty, Style: "notty", Width: 80, TTY: true, Profile: termenv.Ascii}},
		{name: "no links into a pipe in auto mode", flags: Flags{Color: "always"}, ttyWidth: 132, env: map[string]string{"TERM": "xterm"},
			want: Policy{Format: FormatPretty, Style: "dark", Width: 120, Color: true, Profile: termenv.ANSI}},
		{name: "pretty into a pipe takes the controlling terminal's width", flags: Flags{Color: "always"}, ttyWidth: 100, env: map[string]string{"COLUMNS": "70"},
			want: Policy{Format: FormatPretty, Style: "dark", Width: 100, Color: true, Profile: termenv.ANSI}},
		{name: "--width beats the controlling terminal", flags: Flags{Color: "always", Width: 64, WidthSet: true}, ttyWidth: 100,
			want: Policy{Format: FormatPretty, Style: "dark", Width: 64, Color: true, Profile: termenv.ANSI}},
		{name: "COLUMNS without a controlling terminal", flags: Flags{Color: "always"}, env: map[string]string{"COLUMNS": "70"},
			want: Policy{Format: FormatPretty, Style: "dark", Width: 70, Color: true, Profile: termenv.ANSI}},
		{name: "a bad COLUMNS is ignored", flags: Flags{Color: "always"}, env: map[string]string{"COLUMNS": "wide"},
			want: Policy{Format: FormatPretty, Style: "dark", Width: 80, Color: true, Profile: termenv.ANSI}},
		{name: "markdown appended to a file starts with a blank line", appends: true,
			want: Policy{Format: FormatMarkdown, Style: "auto", Width: 80, Profile: termenv.Ascii, AfterText: true}},
		{name: "bad DJQ_HYPERLINKS", env: map[string]string{"DJQ_HYPERLINKS": "maybe"}, wantErr: `unknown hyperlink mode "maybe" given by DJQ_HYPERLINKS: valid modes are auto, always, never`},
		{name: "a listing on a terminal does not resolve the style", tty: true, width: 80, listing: true, env: map[string]string{"TERM": "xterm"},
			want: Policy{Format: FormatPretty, Style: "auto", Width: 80, TTY: true, Color: true, Profile: termenv.ANSI, Hyperlinks: true}},
		{name: "pipe defaults to markdown", want: Policy{Format: FormatMarkdown, Style: "auto", Width: 80, Profile: termenv.Ascii}},
		{name: "terminal defaults to pretty", tty: true, width: 100, env: map[string]string{"TERM": "xterm-256color"},
			want: Policy{Format: FormatPretty, Style: "dark", Width: 100, TTY: true, Color: true, Profile: termenv.ANSI256, Hyperlinks: true}},
		{name: "terminal width is capped at 120", tty: true, width: 300, env: map[string]string{"TERM": "xterm"},
			want: Policy{Format: FormatPretty, Style: "dark", Width: 120, TTY: true, Color: true, Profile: termenv.ANSI, Hyperlinks: true}},
		{name: "NO_COLOR on a terminal renders without colour", tty: true, width: 90, env: map[string]string{"NO_COLOR": "1", "TERM": "xterm"},
			want: Policy{Format: FormatPretty, Style: "notty", Width: 90, TTY: true, Profile: termenv.Ascii}},
		{name: "--color never beats CLICOLOR_FORCE", flags: Flags{Color: "never"}, env: map[string]string{"CLICOLOR_FORCE": "1"},
			want: Policy{Format: FormatMarkdown, Style: "auto", Width: 80, Profile: termenv.Ascii}},
		{name: "CLICOLOR_FORCE through a pipe renders pretty", env: map[string]string{"CLICOLOR_FORCE": "1", "COLORTERM": "truecolor"},
			want: Policy{Format: FormatPretty, Style: "dark", Width: 80, Color: true, Profile: termenv.TrueColor}},
		{name: "--color always through a pipe renders pretty", flags: Flags{Color: "always"},
			want: Policy{Format: FormatPretty, Style: "dark", Width: 80, Color: true, Profile: termenv.ANSI}},
		{name: "COLORFGBG light background", tty: true, width: 80, env: map[string]string{"COLORFGBG": "0;15", "TERM": "xterm"},
			want: Policy{Format: FormatPretty, Style: "light", Width: 80, TTY: true, Color: true, Profile: termenv.ANSI, Hyperlinks: true}},
		{name: "GLAMOUR_STYLE", tty: true, width: 80, env: map[string]string{"GLAMOUR_STYLE": "dracula", "TERM": "xterm"},
			want: Policy{Format: FormatPretty, Style: "dracula", Width: 80, TTY: true, Color: true, Profile: termenv.ANSI, Hyperlinks: true}},
		{name: "--style beats GLAMOUR_STYLE", flags: Flags{Style: "light", Format: "pretty"}, env: map[string]string{"GLAMOUR_STYLE": "dracula"},
			want: Policy{Format: FormatPretty, Style: "notty", Width: 80, Profile: termenv.Ascii}},
		{name: "explicit width", flags: Flags{Width: 72, WidthSet: true}, tty: true, width: 200, env: map[string]string{"TERM": "xterm"},
			want: Policy{Format: FormatPretty, Style: "dark", Width: 72, TTY: true, Color: true, Profile: termenv.ANSI, Hyperlinks: true}},
		{name: "json stays json on a terminal", flags: Flags{Format: "JSON"}, tty: true, width: 80, env: map[string]string{"TERM": "xterm"},
			want: Policy{Format: FormatJSON, Style: "auto", Width: 80, TTY: true, Color: true, Profile: termenv.ANSI}},
		{name: "bad format", flags: Flags{Format: "yaml"}, wantErr: `unknown format "yaml": valid formats are auto, pretty, markdown, json`},
		{name: "bad color", flags: Flags{Color: "sometimes"}, wantErr: `unknown color mode "sometimes": valid modes are auto, always, never`},
		{name: "bad style", flags: Flags{Style: "neon"}, wantErr: `unknown style "neon" given by --style`},
		{name: "bad GLAMOUR_STYLE", env: map[string]string{"GLAMOUR_STYLE": "neon"}, wantErr: `given by GLAMOUR_STYLE`},
		{name: "missing style file", flags: Flags{Style: "/nonexistent/x.json"}, wantErr: `style file "/nonexistent/x.json" given by --style does not exist`},
		{name: "width 0", flags: Flags{Width: 0, WidthSet: true}, wantErr: "invalid width 0: use a number of columns from 20 to 500"},
		{name: "width 5", flags: Flags{Width: 5, WidthSet: true}, wantErr: "invalid width 5"},
		{name: "width 100000", flags: Flags{Width: 100000, WidthSet: true}, wantErr: "invalid width 100000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			ios.SetStdoutTTY(tt.tty)
			ios.SetWidth(tt.width)
			ios.SetEnv(tt.env)
			ios.SetControllingTerminalWidth(tt.ttyWidth)
			ios.SetStdoutAppends(tt.appends)
			fl := tt.flags
			fl.RendersAnswers = !tt.listing
			got, err := Decide(ios, fl)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want it to contain %q", err, tt.wantErr)
				}
				if code := exitcode.Of(err); code != exitcode.Usage {
					t.Errorf("err %T maps to exit %d, want %d (usage)", err, code, exitcode.Usage)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Decide = %+v, want %+v", got, tt.want)
			}
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
	s := state.Stats{Reviews: 3, Streak: 1, Levels: map[string]state.Counts{}, Decks: map[string]state.Counts{"django": {}},
		Days: []state.DayCount{{Date: "2026-11-30", Reviews: 3}}}
	var out strings.Builder
	if err := Stats(&out, Policy{Color: true}, s); err != nil {
		t.Fatal(err)
	}
	header := strings.Split(out.String(), "\n")[2]
	if !regexp.MustCompile(`^ {17}\x1b\[1m +new +learning +due today +mastered`).MatchString(header) {
		t.Errorf("header row %q: want the bold to start at the column titles", header)
	}
	out.Reset()
	if err := Stats(&out, Policy{}, state.Stats{Total: state.Counts{New: 160}}); err != nil || out.String() != "No reviews yet: 160 cards are new. Start with djq quiz.\n" {
		t.Errorf("new user: %q %v", out.String(), err)
	}
}
