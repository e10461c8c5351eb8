package iostreams

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestColorEnabled(t *testing.T) {
	tests := []struct {
		name string
		mode ColorMode
		tty  bool
		env  map[string]string
		want bool
	}{
		{"terminal", ColorAuto, true, nil, true},
		{"pipe", ColorAuto, false, nil, false},
		{"NO_COLOR", ColorAuto, true, map[string]string{"NO_COLOR": "1"}, false},
		{"CLICOLOR_FORCE through a pipe", ColorAuto, false, map[string]string{"CLICOLOR_FORCE": "1"}, true},
		{"CLICOLOR_FORCE=0", ColorAuto, false, map[string]string{"CLICOLOR_FORCE": "0"}, false},
		{"NO_COLOR beats CLICOLOR_FORCE", ColorAuto, false, map[string]string{"CLICOLOR_FORCE": "1", "NO_COLOR": "x"}, false},
		{"TERM=dumb", ColorAuto, true, map[string]string{"TERM": "dumb"}, false},
		{"always beats NO_COLOR", ColorAlways, false, map[string]string{"NO_COLOR": "1"}, true},
		{"never beats a terminal", ColorNever, true, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, _, _ := Test()
			s.SetStdoutTTY(tt.tty)
			s.SetEnv(tt.env)
			if got := s.ColorEnabled(tt.mode); got != tt.want {
				t.Errorf("ColorEnabled = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestParseOSC11(t *testing.T) {
	tests := []struct {
		in   string
		want Background
	}{
		{"\x1b]11;rgb:0000/0000/0000\x07", BackgroundDark},
		{"\x1b]11;rgb:ffff/ffff/ffff\x1b\\", BackgroundLight},
		{"\x1b]11;rgb:1e/1e/2e\x07\x1b[?62;c", BackgroundDark},
		{"\x1b[?1;2c", BackgroundUnknown},
		{"", BackgroundUnknown},
		{"\x1b]11;rgb:zz/00/00\x07", BackgroundUnknown},
	}
	for _, tt := range tests {
		if got := parseOSC11(tt.in); got != tt.want {
			t.Errorf("parseOSC11(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestTerminalBackground(t *testing.T) {
	s, _, _, _ := Test()
	s.SetStdoutTTY(true)
	s.SetEnv(map[string]string{"COLORFGBG": "0;15"})
	if got := s.TerminalBackground(); got != BackgroundLight {
		t.Errorf("COLORFGBG 0;15 = %v, want light", got)
	}
	s.SetEnv(map[string]string{"COLORFGBG": "15;0"})
	if got := s.TerminalBackground(); got != BackgroundDark {
		t.Errorf("COLORFGBG 15;0 = %v, want dark", got)
	}
	// Test streams have no terminal to ask: unknown, at once.
	s.SetEnv(map[string]string{"TERM": "xterm"})
	start := time.Now()
	if got := s.TerminalBackground(); got != BackgroundUnknown {
		t.Errorf("no terminal = %v, want unknown", got)
	}
	if d := time.Since(start); d > 50*time.Millisecond {
		t.Errorf("took %v", d)
	}
}

func TestTerminalCanPage(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want bool
	}{
		{"xterm", map[string]string{"TERM": "xterm-256color"}, true},
		{"dumb", map[string]string{"TERM": "dumb"}, false},
		{"unset", map[string]string{}, false},
		{"empty", map[string]string{"TERM": ""}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, _, _ := Test()
			s.SetStdoutTTY(true)
			s.SetHeight(5)
			s.SetEnv(tt.env)
			s.SetLookPath(func(string) (string, error) { return "/usr/bin/less", nil })
			if got := s.TerminalCanPage(); got != tt.want {
				t.Errorf("TerminalCanPage = %v, want %v", got, tt.want)
			}
			if got := s.usePager("a\nb\nc\nd\ne\nf\ng\n", PagerAlways); got != tt.want {
				t.Errorf("usePager(always) = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestConfirm(t *testing.T) {
	tests := []struct {
		name, input string
		want        bool
	}{
		{"y", "y\n", true},
		{"YES", "YES\n", true},
		{"yes with spaces", "  Yes \r\n", true},
		{"y at end of input", "y", true},
		{"n", "n\n", false},
		{"no", "no\n", false},
		{"empty line", "\n", false},
		{"EOF", "", false},
		{"something else", "yep\n", false},
		{"only the first line counts", "n\ny\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, in, out, errOut := Test()
			in.WriteString(tt.input)
			if got := s.Confirm("Delete deck interview?"); got != tt.want {
				t.Errorf("Confirm with %q = %v, want %v", tt.input, got, tt.want)
			}
			if got := errOut.String(); got != "Delete deck interview? [y/N] " {
				t.Errorf("prompt on stderr = %q", got)
			}
			if out.Len() != 0 {
				t.Errorf("Confirm wrote %q to stdout", out.String())
			}
		})
	}
}

func TestTermEnv(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want []string
	}{
		{"nothing set", map[string]string{"HOME": "/home/x"}, nil},
		{"all set, others left out", map[string]string{
			"TERM": "xterm-256color", "NO_COLOR": "1", "CLICOLOR_FORCE": "1", "COLORTERM": "truecolor", "TERM_PROGRAM": "iTerm.app",
			"HOME": "/home/x", "PAGER": "less", "COLUMNS": "80", "GLAMOUR_STYLE": "dark",
		}, []string{"CLICOLOR_FORCE=1", "COLORTERM=truecolor", "NO_COLOR=1", "TERM=xterm-256color", "TERM_PROGRAM=iTerm.app"}},
		{"some set", map[string]string{"TERM": "dumb", "COLORTERM": "24bit"}, []string{"COLORTERM=24bit", "TERM=dumb"}},
		{"set but empty is left out", map[string]string{"TERM": "xterm", "NO_COLOR": ""}, []string{"TERM=xterm"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, _, _ := Test()
			s.SetEnv(tt.env)
			got := s.TermEnv()
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("TermEnv = %q, want %q", got, tt.want)
			}
		})
	}
}

// failingWriter fails every write with err.
type failingWriter struct{ err error }

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }

func TestWriteOutputErrors(t *testing.T) {
	diskFull := errors.New("no space left on device")
	pipe := &os.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.EPIPE}
	tests := []struct {
		name     string
		err      error
		wantMsg  string
		wantPipe bool
	}{
		{"a failure says it was the writing", diskFull, "writing output: no space left on device", false},
		{"a closed pipe comes back as it is", pipe, pipe.Error(), true},
		{"a bare EPIPE comes back as it is", syscall.EPIPE, syscall.EPIPE.Error(), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, _, errOut := Test()
			s.Out = failingWriter{tt.err}
			err := s.WriteOutput("some output\n", PagerAuto)
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tt.wantMsg {
				t.Errorf("error %q, want %q", err, tt.wantMsg)
			}
			if !errors.Is(err, tt.err) {
				t.Errorf("error %v does not wrap %v", err, tt.err)
			}
			if got := errors.Is(err, syscall.EPIPE); got != tt.wantPipe {
				t.Errorf("errors.Is(err, EPIPE) = %v, want %v", got, tt.wantPipe)
			}
			if errOut.Len() != 0 {
				t.Errorf("stderr = %q", errOut.String())
			}
		})
	}

	s, _, out, _ := Test()
	if err := s.WriteOutput("all of it\n", PagerAuto); err != nil || out.String() != "all of it\n" {
		t.Errorf("WriteOutput = %v, stdout %q", err, out.String())
	}
}

// TestDebugWriter: libraries' own log lines (Bleve's) reach stderr only
// when DJQ_DEBUG asks for detail.
func TestDebugWriter(t *testing.T) {
	for _, tt := range []struct {
		debug string
		want  bool
	}{{"", false}, {"1", true}} {
		var b strings.Builder
		w := DebugWriter(func(string) string { return tt.debug }, &b)
		fmt.Fprint(w, "x")
		if got := b.String() == "x"; got != tt.want {
			t.Errorf("DJQ_DEBUG=%q: written %v, want %v", tt.debug, got, tt.want)
		}
	}
}
