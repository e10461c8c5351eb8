package renderenv

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/muesli/termenv"

	"github.com/djq-cli/djq/internal/exitcode"
	"github.com/djq-cli/djq/internal/iostreams"
	"github.com/djq-cli/djq/internal/render"
)

// TestDecide is render.Decide over real streams: the table that pinned
// the decision before render stopped reading the streams itself.
func TestDecide(t *testing.T) {
	tests := []struct {
		name    string
		flags   render.Flags
		tty     bool
		width   int
		env     map[string]string
		want    render.Policy
		wantErr string
		// listing commands do not render answers and never need a style
		listing bool
		// ttyWidth is the controlling terminal's width; appends marks
		// stdout as a non-empty regular file.
		ttyWidth int
		appends  bool
	}{
		{name: "DJQ_HYPERLINKS=0 turns links off", tty: true, width: 80, env: map[string]string{"TERM": "xterm", "DJQ_HYPERLINKS": "0"},
			want: render.Policy{Format: render.FormatPretty, Style: "dark", Width: 80, TTY: true, Color: true, Profile: termenv.ANSI}},
		{name: "the hyperlinks flag beats DJQ_HYPERLINKS", flags: render.Flags{Hyperlinks: "always"}, tty: true, width: 80, env: map[string]string{"TERM": "linux", "DJQ_HYPERLINKS": "0"},
			want: render.Policy{Format: render.FormatPretty, Style: "dark", Width: 80, TTY: true, Color: true, Profile: termenv.ANSI, Hyperlinks: true}},
		{name: "no links on the Linux console", tty: true, width: 80, env: map[string]string{"TERM": "linux"},
			want: render.Policy{Format: render.FormatPretty, Style: "dark", Width: 80, TTY: true, Color: true, Profile: termenv.ANSI}},
		{name: "no links when NO_COLOR", tty: true, width: 80, env: map[string]string{"TERM": "xterm", "NO_COLOR": "1"},
			want: render.Policy{Format: render.FormatPretty, Style: "notty", Width: 80, TTY: true, Profile: termenv.Ascii}},
		{name: "no links into a pipe in auto mode", flags: render.Flags{Color: "always"}, ttyWidth: 132, env: map[string]string{"TERM": "xterm"},
			want: render.Policy{Format: render.FormatPretty, Style: "dark", Width: 120, Color: true, Profile: termenv.ANSI}},
		{name: "pretty into a pipe takes the controlling terminal's width", flags: render.Flags{Color: "always"}, ttyWidth: 100,
			want: render.Policy{Format: render.FormatPretty, Style: "dark", Width: 100, Color: true, Profile: termenv.ANSI}},
		{name: "--width beats the controlling terminal", flags: render.Flags{Color: "always", Width: 64, WidthSet: true}, ttyWidth: 100,
			want: render.Policy{Format: render.FormatPretty, Style: "dark", Width: 64, Color: true, Profile: termenv.ANSI}},
		{name: "COLUMNS without a controlling terminal", flags: render.Flags{Color: "always"}, env: map[string]string{"COLUMNS": "70"},
			want: render.Policy{Format: render.FormatPretty, Style: "dark", Width: 70, Color: true, Profile: termenv.ANSI}},
		{name: "a bad COLUMNS is ignored", flags: render.Flags{Color: "always"}, env: map[string]string{"COLUMNS": "wide"},
			want: render.Policy{Format: render.FormatPretty, Style: "dark", Width: 80, Color: true, Profile: termenv.ANSI}},
		{name: "markdown appended to a file starts with a blank line", appends: true,
			want: render.Policy{Format: render.FormatMarkdown, Style: "auto", Width: 80, Profile: termenv.Ascii, Lead: "\n"}},
		{name: "bad DJQ_HYPERLINKS", env: map[string]string{"DJQ_HYPERLINKS": "maybe"}, wantErr: `unknown hyperlink mode "maybe" given by DJQ_HYPERLINKS: valid modes are auto, always, never`},
		{name: "a listing on a terminal does not resolve the style", tty: true, width: 80, listing: true, env: map[string]string{"TERM": "xterm"},
			want: render.Policy{Format: render.FormatPretty, Style: "auto", Width: 80, TTY: true, Color: true, Profile: termenv.ANSI, Hyperlinks: true}},
		{name: "pipe defaults to markdown", want: render.Policy{Format: render.FormatMarkdown, Style: "auto", Width: 80, Profile: termenv.Ascii}},
		{name: "terminal defaults to pretty", tty: true, width: 100, env: map[string]string{"TERM": "xterm-256color"},
			want: render.Policy{Format: render.FormatPretty, Style: "dark", Width: 100, TTY: true, Color: true, Profile: termenv.ANSI256, Hyperlinks: true}},
		{name: "terminal width is capped at 120", tty: true, width: 300, env: map[string]string{"TERM": "xterm"},
			want: render.Policy{Format: render.FormatPretty, Style: "dark", Width: 120, TTY: true, Color: true, Profile: termenv.ANSI, Hyperlinks: true}},
		{name: "NO_COLOR on a terminal renders without colour", tty: true, width: 90, env: map[string]string{"NO_COLOR": "1", "TERM": "xterm"},
			want: render.Policy{Format: render.FormatPretty, Style: "notty", Width: 90, TTY: true, Profile: termenv.Ascii}},
		{name: "--color never beats CLICOLOR_FORCE", flags: render.Flags{Color: "never"}, env: map[string]string{"CLICOLOR_FORCE": "1"},
			want: render.Policy{Format: render.FormatMarkdown, Style: "auto", Width: 80, Profile: termenv.Ascii}},
		{name: "CLICOLOR_FORCE through a pipe renders pretty", env: map[string]string{"CLICOLOR_FORCE": "1", "COLORTERM": "truecolor"},
			want: render.Policy{Format: render.FormatPretty, Style: "dark", Width: 80, Color: true, Profile: termenv.TrueColor}},
		{name: "--color always through a pipe renders pretty", flags: render.Flags{Color: "always"},
			want: render.Policy{Format: render.FormatPretty, Style: "dark", Width: 80, Color: true, Profile: termenv.ANSI}},
		{name: "COLORFGBG light background", tty: true, width: 80, env: map[string]string{"COLORFGBG": "0;15", "TERM": "xterm"},
			want: render.Policy{Format: render.FormatPretty, Style: "light", Width: 80, TTY: true, Color: true, Profile: termenv.ANSI, Hyperlinks: true}},
		{name: "GLAMOUR_STYLE", tty: true, width: 80, env: map[string]string{"GLAMOUR_STYLE": "dracula", "TERM": "xterm"},
			want: render.Policy{Format: render.FormatPretty, Style: "dracula", Width: 80, TTY: true, Color: true, Profile: termenv.ANSI, Hyperlinks: true}},
		{name: "--style beats GLAMOUR_STYLE", flags: render.Flags{Style: "light", Format: "pretty"}, env: map[string]string{"GLAMOUR_STYLE": "dracula"},
			want: render.Policy{Format: render.FormatPretty, Style: "notty", Width: 80, Profile: termenv.Ascii}},
		{name: "explicit width", flags: render.Flags{Width: 72, WidthSet: true}, tty: true, width: 200, env: map[string]string{"TERM": "xterm"},
			want: render.Policy{Format: render.FormatPretty, Style: "dark", Width: 72, TTY: true, Color: true, Profile: termenv.ANSI, Hyperlinks: true}},
		{name: "json stays json on a terminal", flags: render.Flags{Format: "JSON"}, tty: true, width: 80, env: map[string]string{"TERM": "xterm"},
			want: render.Policy{Format: render.FormatJSON, Style: "auto", Width: 80, TTY: true, Color: true, Profile: termenv.ANSI}},
		{name: "bad format", flags: render.Flags{Format: "yaml"}, wantErr: `unknown format "yaml": valid formats are auto, pretty, markdown, json`},
		{name: "bad color", flags: render.Flags{Color: "sometimes"}, wantErr: `unknown color mode "sometimes": valid modes are auto, always, never`},
		{name: "bad style", flags: render.Flags{Style: "neon"}, wantErr: `unknown style "neon" given by --style`},
		{name: "bad GLAMOUR_STYLE", env: map[string]string{"GLAMOUR_STYLE": "neon"}, wantErr: `given by GLAMOUR_STYLE`},
		{name: "missing style file", flags: render.Flags{Style: "/nonexistent/x.json"}, wantErr: `style file "/nonexistent/x.json" given by --style does not exist`},
		{name: "width 0", flags: render.Flags{Width: 0, WidthSet: true}, wantErr: "invalid width 0: use a number of columns from 20 to 500"},
		{name: "width 5", flags: render.Flags{Width: 5, WidthSet: true}, wantErr: "invalid width 5"},
		{name: "width 100000", flags: render.Flags{Width: 100000, WidthSet: true}, wantErr: "invalid width 100000"},
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

// TestWidthPrecedence is the one order every command's width follows:
// --width, FZF_PREVIEW_COLUMNS, COLUMNS, the terminal on stdout, the
// controlling terminal (pretty into a pipe), 80. Variables that are not
// a positive whole number are skipped, not errors.
func TestWidthPrecedence(t *testing.T) {
	tests := []struct {
		name         string
		flag         int // 0: --width not given
		fzf, columns string
		tty, ctl     int // terminal on stdout, controlling terminal
		format       string
		want         int
	}{
		{name: "--width beats everything", flag: 40, fzf: "50", columns: "60", tty: 70, ctl: 90, want: 40},
		{name: "--width is not capped", flag: 300, tty: 70, want: 300},
		{name: "FZF_PREVIEW_COLUMNS beats COLUMNS and the terminal", fzf: "50", columns: "60", tty: 70, want: 50},
		{name: "COLUMNS beats the terminal on stdout", columns: "60", tty: 100, want: 60},
		{name: "COLUMNS beats the controlling terminal", columns: "60", ctl: 100, format: "pretty", want: 60},
		{name: "the terminal on stdout", tty: 100, ctl: 90, want: 100},
		{name: "the controlling terminal for pretty in a pipe", ctl: 90, format: "pretty", want: 90},
		{name: "markdown in a pipe ignores the controlling terminal", ctl: 90, want: 80},
		{name: "nothing known: 80", want: 80},
		{name: "a bad FZF_PREVIEW_COLUMNS is skipped", fzf: "abc", columns: "60", want: 60},
		{name: "a bad COLUMNS is skipped", columns: "abc", tty: 100, want: 100},
		{name: "COLUMNS=0 is skipped", columns: "0", tty: 100, want: 100},
		{name: "a negative COLUMNS is skipped", columns: "-5", want: 80},
		{name: "a narrow pane is drawn at the minimum", fzf: "12", tty: 100, want: render.MinWidth},
		{name: "variables are capped like terminals", columns: "300", want: render.DefaultMaxWidth},
		{name: "terminals are capped", tty: 300, want: render.DefaultMaxWidth},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			ios.SetStdoutTTY(tt.tty > 0)
			ios.SetWidth(tt.tty)
			ios.SetControllingTerminalWidth(tt.ctl)
			ios.SetEnv(map[string]string{"FZF_PREVIEW_COLUMNS": tt.fzf, "COLUMNS": tt.columns})
			got, err := Decide(ios, render.Flags{Width: tt.flag, WidthSet: tt.flag != 0, Format: tt.format})
			if err != nil {
				t.Fatal(err)
			}
			if got.Width != tt.want {
				t.Errorf("width %d, want %d", got.Width, tt.want)
			}
		})
	}
}

func TestOnTerminal(t *testing.T) {
	tests := []struct {
		name string
		in   render.Policy
		tty  bool
		env  map[string]string
		want render.Policy
	}{
		{name: "stdout redirected: colour follows the terminal",
			in:   render.Policy{Format: render.FormatMarkdown, Style: "auto", Width: 80, Profile: termenv.Ascii},
			want: render.Policy{Format: render.FormatPretty, Color: true, Style: "dark", Width: 80, Profile: termenv.ANSI256}},
		{name: "empty style becomes dark",
			in:   render.Policy{Format: render.FormatMarkdown, Style: "", Width: 80},
			want: render.Policy{Format: render.FormatPretty, Color: true, Style: "dark", Width: 80, Profile: termenv.ANSI256}},
		{name: "notty becomes dark with colour",
			in:   render.Policy{Format: render.FormatMarkdown, Style: "notty", Width: 80},
			want: render.Policy{Format: render.FormatPretty, Color: true, Style: "dark", Width: 80, Profile: termenv.ANSI256}},
		{name: "a chosen style is kept",
			in:   render.Policy{Format: render.FormatMarkdown, Style: "light", Width: 72, Hyperlinks: true, StyleData: "{}"},
			want: render.Policy{Format: render.FormatPretty, Color: true, Style: "light", Width: 72, Profile: termenv.ANSI256, Hyperlinks: true, StyleData: "{}"}},
		{name: "NO_COLOR with stdout redirected", env: map[string]string{"NO_COLOR": "1"},
			in:   render.Policy{Format: render.FormatMarkdown, Style: "dark", Width: 80},
			want: render.Policy{Format: render.FormatPretty, Style: "notty", Width: 80, Profile: termenv.Ascii}},
		{name: "TERM=dumb with stdout redirected", env: map[string]string{"TERM": "dumb"},
			in:   render.Policy{Format: render.FormatJSON, Style: "auto", Width: 80},
			want: render.Policy{Format: render.FormatPretty, Style: "notty", Width: 80, Profile: termenv.Ascii}},
		{name: "terminal stdout without colour stays without", tty: true, env: map[string]string{"TERM": "xterm"},
			in:   render.Policy{Format: render.FormatPretty, Style: "light", Width: 90, TTY: true},
			want: render.Policy{Format: render.FormatPretty, Style: "notty", Width: 90, TTY: true, Profile: termenv.Ascii}},
		{name: "terminal stdout with colour keeps it", tty: true, env: map[string]string{"TERM": "xterm"},
			in:   render.Policy{Format: render.FormatPretty, Color: true, Style: "auto", Width: 90, TTY: true, Profile: termenv.TrueColor},
			want: render.Policy{Format: render.FormatPretty, Color: true, Style: "dark", Width: 90, TTY: true, Profile: termenv.ANSI256}},
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

// TestDecideStyleFile: the JSON style file is read here and its bytes
// handed to render; a folder or a missing file does not exist as a style.
func TestDecideStyleFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "mine.json")
	if err := os.WriteFile(file, []byte(`{"document":{"margin":1}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "folder.json"), 0o700); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, style, env, wantData, wantErr string
	}{
		{name: "--style file", style: file, wantData: `{"document":{"margin":1}}`},
		{name: "GLAMOUR_STYLE file", env: file, wantData: `{"document":{"margin":1}}`},
		{name: "a folder is no style file", style: filepath.Join(dir, "folder.json"), wantErr: "does not exist"},
		{name: "missing file from GLAMOUR_STYLE", env: filepath.Join(dir, "none.json"), wantErr: "given by GLAMOUR_STYLE does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			ios.SetEnv(map[string]string{"GLAMOUR_STYLE": tt.env})
			p, err := Decide(ios, render.Flags{Style: tt.style, Color: "always", RendersAnswers: true})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || p.StyleData != tt.wantData || render.StylePath(p.Style) == "" {
				t.Errorf("Decide = %+v, %v; want the file's bytes", p, err)
			}
		})
	}
}
