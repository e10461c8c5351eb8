package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/djq-cli/djq/internal/iostreams"
)

func TestOnTerminal(t *testing.T) {
	tests := []struct {
		name string
		in   Policy
		tty  bool
		env  map[string]string
		want Policy
	}{
		{name: "stdout redirected: colour follows the terminal",
			in:   Policy{Format: FormatMarkdown, Style: "auto", Width: 80, Profile: termenv.Ascii},
			want: Policy{Format: FormatPretty, Color: true, Style: "dark", Width: 80, Profile: termenv.ANSI256}},
		{name: "empty style becomes dark",
			in:   Policy{Format: FormatMarkdown, Style: "", Width: 80},
			want: Policy{Format: FormatPretty, Color: true, Style: "dark", Width: 80, Profile: termenv.ANSI256}},
		{name: "notty becomes dark with colour",
			in:   Policy{Format: FormatMarkdown, Style: "notty", Width: 80},
			want: Policy{Format: FormatPretty, Color: true, Style: "dark", Width: 80, Profile: termenv.ANSI256}},
		{name: "a chosen style is kept",
			in:   Policy{Format: FormatMarkdown, Style: "light", Width: 72, Hyperlinks: true, CacheDir: "/c"},
			want: Policy{Format: FormatPretty, Color: true, Style: "light", Width: 72, Profile: termenv.ANSI256, Hyperlinks: true, CacheDir: "/c"}},
		{name: "NO_COLOR with stdout redirected", env: map[string]string{"NO_COLOR": "1"},
			in:   Policy{Format: FormatMarkdown, Style: "dark", Width: 80},
			want: Policy{Format: FormatPretty, Style: "notty", Width: 80, Profile: termenv.Ascii}},
		{name: "TERM=dumb with stdout redirected", env: map[string]string{"TERM": "dumb"},
			in:   Policy{Format: FormatJSON, Style: "auto", Width: 80},
			want: Policy{Format: FormatPretty, Style: "notty", Width: 80, Profile: termenv.Ascii}},
		{name: "terminal stdout without colour stays without", tty: true, env: map[string]string{"TERM": "xterm"},
			in:   Policy{Format: FormatPretty, Style: "light", Width: 90, TTY: true},
			want: Policy{Format: FormatPretty, Style: "notty", Width: 90, TTY: true, Profile: termenv.Ascii}},
		{name: "terminal stdout with colour keeps it", tty: true, env: map[string]string{"TERM": "xterm"},
			in:   Policy{Format: FormatPretty, Color: true, Style: "auto", Width: 90, TTY: true, Profile: termenv.TrueColor},
			want: Policy{Format: FormatPretty, Color: true, Style: "dark", Width: 90, TTY: true, Profile: termenv.ANSI256}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			ios.SetStdoutTTY(tt.tty)
			ios.SetEnv(tt.env)
			if got := OnTerminal(tt.in, ios); got != tt.want {
				t.Errorf("OnTerminal = %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestAnswer(t *testing.T) {
	qs, _ := fixture()
	q := qs[0]
	plain := Policy{Format: FormatPretty, Style: "notty", Profile: termenv.Ascii, Width: 100}
	tests := []struct {
		name  string
		width int
		// wantWidth bounds every line but a link, which cannot wrap.
		wantWidth int
	}{
		{"narrow", 40, 40},
		{"wide", 90, 90},
		{"zero keeps the policy's width", 0, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Answer(plain, q, tt.width)
			if !strings.Contains(got, "# "+q.Title) {
				t.Errorf("answer does not show the title %q:\n%s", q.Title, got)
			}
			if !strings.Contains(got, "INSTALLED_APPS") {
				t.Errorf("answer lost its body:\n%s", got)
			}
			if strings.Contains(got, "\x1b") {
				t.Errorf("answer without colour has escape sequences")
			}
			if strings.Contains(got, "Related questions") {
				t.Errorf("answer shows related questions")
			}
			for _, l := range strings.Split(got, "\n") {
				if w := ansi.StringWidth(l); w > tt.wantWidth && !strings.Contains(l, "://") {
					t.Errorf("line is %d columns, want at most %d: %q", w, tt.wantWidth, l)
				}
			}
		})
	}

	narrow, wide := Answer(plain, q, 40), Answer(plain, q, 90)
	if strings.Count(narrow, "\n") <= strings.Count(wide, "\n") {
		t.Errorf("width 40 takes %d lines, width 90 %d: the width is not applied", strings.Count(narrow, "\n"), strings.Count(wide, "\n"))
	}
	if Answer(plain, q, 5) != Answer(plain, q, MinWidth) {
		t.Errorf("a width below %d is not raised to it", MinWidth)
	}
}
