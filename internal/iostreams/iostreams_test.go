package iostreams

import (
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
