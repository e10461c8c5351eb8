package sanitize

import (
	"strings"
	"testing"
	"time"
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
			if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f || Invisible(r) {
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

func TestTextInvisible(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"RLO", "abc\u202Edef", "abc<U+202E>def"},
		{"isolates", "\u2066x\u2069", "<U+2066>x<U+2069>"},
		{"zero width", "se\u200Bcret\u200D", "se<U+200B>cret<U+200D>"},
		{"marks", "\u200E\u200F\u061C", "<U+200E><U+200F><U+061C>"},
		{"separators and BOM", "a\u2028b\u2029c\uFEFF", "a<U+2028>b<U+2029>c<U+FEFF>"},
		{"neighbours kept", "\u2010\u2030\u2065", "\u2010\u2030\u2065"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.in); got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestMarkdown covers the encodings a renderer decodes after sanitising:
// character references, numeric and named, that stand for characters Text
// would not let through.
func TestMarkdown(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "a &lt;b&gt; &amp; &#233; &eacute;", "a &lt;b&gt; &amp; &#233; &eacute;"},
		{"decimal OSC 52", "x &#27;]52;c;cHduZWQ=&#7; y", "x  y"},
		{"hex OSC 2", "S &#x1b;]2;TITLE&#x07;", "S "},
		{"upper hex CSI", "a&#X1B;[31mred", "ared"},
		{"long hex", "a&#x00000000001b;[2Jb", "ab"},
		{"octal as goldmark reads it", "a&#033;[31mb", "ab"},
		{"zero padded decimal", "a&#0000027;[31mb", "ab"},
		{"C1 CSI", "a&#155;31mb&#x9b;1mc", "abc"},
		{"DEL and NUL", "a&#127;b&#0;c", "ab&#0;c"},
		{"carriage return", "seen&#13;hidden", "seenhidden"},
		{"bidi numeric", "t&#x202E;xet", "t<U+202E>xet"},
		{"named zero width", "a&ZeroWidthSpace;b&zwj;c&rlm;d", "a<U+200B>b<U+200D>c<U+200F>d"},
		{"tab and newline names kept", "a&Tab;b&NewLine;c", "a&Tab;b&NewLine;c"},
		{"reference joined by a dropped sequence", "a&#&#27;[m27;[31mb", "ab"},
		{"not a reference", "a & b &#; &#x; &nosuch; &#xg; &amp;#27;", "a & b &#; &#x; &nosuch; &#xg; &amp;#27;"},
		{"no semicolon, as html.UnescapeString reads it", "a &#27 b&#x1b[31mc &#011", "a c "},
		{"number too long to be a character", "a&#99999999999999999999;b&#x1000000000000001b;c", "a\uFFFDb\uFFFDc"},
		{"zero-padded safe number kept", "&#0000239;", "&#0000239;"},
		{"zero-padded C1 as octal", "a&#0000233;b c", "a c"},
		{"raw and encoded together", "\x1b[31m&#27;[0m", ""},
		{"nested deeper than resolved", strings.Repeat("&#", 6) + "&#27;[m" + strings.Repeat("27;[m", 6) + "x &lt;",
			"&amp;#&amp;#&amp;#27;[m27;[m27;[mx &amp;lt;"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Markdown(tt.in); got != tt.want {
				t.Errorf("Markdown(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTerminal(t *testing.T) {
	link := "\x1b]8;;https://docs.djangoproject.com/\x1b\\docs\x1b]8;;\x1b\\"
	tests := []struct{ name, in, want string }{
		{"SGR kept", "\x1b[1;38;5;203mtitle\x1b[0m", "\x1b[1;38;5;203mtitle\x1b[0m"},
		{"colon SGR kept", "\x1b[38:2:1:2:3mx", "\x1b[38:2:1:2:3mx"},
		{"OSC 8 kept", link, link},
		{"OSC 8 with BEL kept", "\x1b]8;;http://a\x07t\x1b]8;;\x07", "\x1b]8;;http://a\x07t\x1b]8;;\x07"},
		{"OSC 52 dropped", "a\x1b]52;c;cHduZWQ=\x07b", "ab"},
		{"OSC 2 dropped", "a\x1b]2;TITLE\x1b\\b", "ab"},
		{"cursor moves dropped", "a\x1b[2J\x1b[Hb\x1b[?25l", "ab"},
		{"private SGR-like dropped", "a\x1b[>4;2mb", "ab"},
		{"C1 dropped", "a\u009b31mb\u009d0;x\u009cc", "abc"},
		{"bell and CR dropped", "a\x07b\rc", "abc"},
		{"OSC 8 with control in URL dropped", "a\x1b]8;;http://x\x08y\x1b\\b", "ab"},
		{"invisible shown", "a\u202Eb", "a<U+202E>b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Terminal(tt.in); got != tt.want {
				t.Errorf("Terminal(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestQuoteEchoName(t *testing.T) {
	long := strings.Repeat("a", 100000)
	tests := []struct{ name, got, want string }{
		{"quote short", Quote("expert"), `"expert"`},
		{"quote escapes", Quote("x\x1b]2;T\a\u202E"), `"x\x1b]2;T\a\u202e"`},
		{"quote cuts", Quote(long), `"` + strings.Repeat("a", 60) + `…" (100000 bytes)`},
		{"quote cuts runes", Quote(strings.Repeat("é", 61)), `"` + strings.Repeat("é", 60) + `…" (122 bytes)`},
		{"echo bare", Echo("select_related"), "select_related"},
		{"echo long", Echo(long), `"` + strings.Repeat("a", 60) + `…" (100000 bytes)`},
		{"echo unsafe", Echo("a\x1bb"), `"a\x1bb"`},
		{"name bare", Name("/tmp/deck/001-a b.md"), "/tmp/deck/001-a b.md"},
		{"name escape", Name("008-\x1b]2;X\a.md"), `"008-\x1b]2;X\a.md"`},
		{"name bidi", Name("a\u202Egnp.md"), `"a\u202egnp.md"`},
		{"name newline", Name("a\nb"), `"a\nb"`},
		{"name invalid UTF-8", Name("a\xffb"), `"a\xffb"`},
		{"name long is cut with its size", Name(long), `"` + strings.Repeat("a", NameMax) + `…" (100000 bytes)`},
		{"name at the limit is kept", Name(strings.Repeat("b", NameMax)), strings.Repeat("b", NameMax)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestMessage(t *testing.T) {
	long := strings.Repeat("é", MessageMax)
	tests := []struct{ name, in, want string }{
		{"plain", `unknown tag "x": tags are a, b`, `unknown tag "x": tags are a, b`},
		{"escapes shown", "skipping 008-\x1b]2;X\a.md: bad", `skipping 008-\x1b]2;X\a.md: bad`},
		{"line break shown", "a\nb\tc\r", `a\nb\tc\r`},
		{"C1 and bidi shown", "a\u009bb\u202Ec", `a\u009bb\u202ec`},
		{"invalid UTF-8 shown", "a\xffb", `a\xffb`},
		{"cut at a rune", long, strings.Repeat("é", MessageMax/2) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Message(tt.in); got != tt.want {
				t.Errorf("Message(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestMarkdownDeepNesting: references nested as deep as a 1 MB file allows
// take linear time, not a round per level.
func TestMarkdownDeepNesting(t *testing.T) {
	n := 100_000
	s := strings.Repeat("&#", n) + "&#27;[m" + strings.Repeat("27;[m", n)
	start := time.Now()
	out := Markdown(s)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Markdown took %v", d)
	}
	if strings.Contains(out, "\x1b") || strings.Contains(out, "&#") {
		t.Errorf("a reference survived: %.80q", out)
	}
}
