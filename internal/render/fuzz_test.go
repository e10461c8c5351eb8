package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/djq-cli/djq/internal/bank"
)

// FuzzParseRender feeds arbitrary bytes through the question parser and
// every renderer that runs without colour, and checks there is no panic
// and no escape or control character from the content in the output.
func FuzzParseRender(f *testing.F) {
	f.Add([]byte("---\nid: 1\ntitle: T?\nlevel: beginner\n---\nbody\n"))
	f.Add([]byte("---\nid: 2\ntitle: \"a\\e[31mred\"\nlevel: advanced\ntags: [\"x\\a\"]\n---\n\x1b]52;c;Zm9v\x07 text\r\n```python\nx\x1b[2J\n```\n"))
	f.Add([]byte("---\nid: 3\ntitle: \u009b31m\nlevel: intermediate\nsummary: \"\\x1b]8;;http://x\\x1b\\\\\"\n---\n# h\n\n| a | b |\n|---|---|\n| \x1b | \x07 |\n"))
	f.Add([]byte("\xef\xbb\xbf---\r\nid: 4\r\ntitle: CRLF?\r\nlevel: beginner\r\n---\r\nbody\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		q, _ := bank.Parse("f.md", data)
		if q == nil {
			return
		}
		q.Deck = bank.DefaultDeck
		for _, p := range []Policy{
			{Format: FormatMarkdown, Width: 80},
			{Format: FormatJSON},
			{Format: FormatPretty, Style: "notty", Width: 40},
		} {
			var buf bytes.Buffer
			if err := Questions(&buf, p, []*bank.Question{q}, nil); err != nil {
				continue // a rendering error is reported, not a crash
			}
			out := buf.String()
			for _, bad := range []string{"\x1b", "\x07", "\r", "\u009b", "\u009d"} {
				if strings.Contains(out, bad) {
					t.Fatalf("format %s: output contains %q\ninput %q\noutput %q", p.Format, bad, data, out)
				}
			}
			var lb bytes.Buffer
			if err := List(&lb, p, []*bank.Question{q}, ""); err == nil && strings.Contains(lb.String(), "\x1b") {
				t.Fatalf("list output contains ESC for %q", data)
			}
		}
	})
}
