package sanitize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "select_related()\n\tcode", "select_related()\n\tcode"},
		{"unicode", "café – naïve “quotes” 日本", "café – naïve “quotes” 日本"},
		{"SGR colour", "a\x1b[31mred\x1b[0m b", "ared b"},
		{"cursor movement", "x\x1b[2J\x1b[Hy", "xy"},
		{"OSC 52 clipboard", "a\x1b]52;c;ZXZpbA==\x07b", "ab"},
		{"OSC 8 link ST", "\x1b]8;;https://evil\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"DCS", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"C1 CSI", "a\u009b31mb", "ab"},
		{"C1 OSC", "a\u009d52;c;x\u009cb", "ab"},
		{"other C1", "a\u0085b\u0084c", "abc"},
		{"bare CR", "visible\rhidden", "visiblehidden"},
		{"CRLF kept as LF", "a\r\nb", "a\nb"},
		{"bell and backspace", "a\x07b\x08c\x00d\x7fe", "abcde"},
		{"charset escape", "a\x1b(Bb", "ab"},
		{"unterminated CSI", "a\x1b[31", "a"},
		{"unterminated OSC", "a\x1b]52;c;abc", "a"},
		{"lone ESC at end", "a\x1b", "a"},
		{"invalid UTF-8", "a\xffb", "a\uFFFDb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.in); got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"plain", "a\x1b[31mb", "\x1b]52;c;x\x07", "\u009b1m", "\r", "\xff\xfe", "\x1b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Text(s)
		if strings.ContainsRune(out, 0x1b) || strings.ContainsRune(out, '\r') {
			t.Fatalf("Text(%q) = %q keeps ESC or CR", s, out)
		}
		for _, r := range out {
			if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f {
				t.Fatalf("Text(%q) = %q keeps control %U", s, out, r)
			}
		}
		if !utf8.ValidString(out) {
			t.Fatalf("Text(%q) is not valid UTF-8", s)
		}
		if Text(out) != out {
			t.Fatalf("Text is not idempotent on %q", s)
		}
	})
}
