package render

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/muesli/termenv"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/sanitize"
)

// hostileFiles are deck files that try every encoding of a terminal escape
// a renderer might decode after djq sanitised the source: HTML character
// references (decimal, hex, octal as goldmark reads "&#033;", named), YAML
// escapes in double-quoted strings, JSON \u escapes in a flow mapping, raw
// C1 controls, bidi overrides and zero-width characters.
var hostileFiles = map[string]string{
	"entities": "---\nid: 1\ntitle: \"T &#x1b;[31mred &#x202E;gnp.exe &ZeroWidthSpace;\"\nlevel: beginner\ntags: [\"t&#27;[5m\"]\n" +
		"summary: \"S &#27;]2;TITLE&#7;\"\ndocs: [\"https://example.com/&#27;]52;c;ZG9jcw==&#7;\"]\n---\n" +
		"Body &#27;]52;c;cHduZWQ=&#7; and &#x9b;31m C1, &#033;[2J octal, &#0000027;[H padded, &#x00000001b;[?25l long hex.\n\n" +
		"A [link](http://x.example/&#27;]8;;http://evil&#7;) and **bold &#x1B;]0;B&#x7;** and `code &#27;[31m`.\n\n" +
		"| a | b |\n|---|---|\n| &#27;]2;cell&#7; | &#155;1m |\n\n- item &#27;]52;c;aXRlbQ==&#7;\n",
	"yaml": "---\nid: 2\ntitle: \"Y \\e]2;YT\\a \\x1b[31m \\u001b[1m \\U0000001b[4m\"\nlevel: intermediate\n" +
		"summary: \"\\e]52;c;eWFtbA==\\a\\u009b31m\\u202e\"\ntags: [\"\\e[31mtag\"]\nasked: [\"\\e]2;asked\\a\"]\n---\n" +
		"Raw \x1b]52;c;cmF3\x07 ESC, \u009d0;c1\u009c OSC, \u202Ebidi\u202C, zero\u200Bwidth, \u2066iso\u2069, line\u2028sep, bom\uFEFF.\n",
	"json": "---\n{\"id\": 3, \"title\": \"J \\u001b]2;JT\\u0007 \\u202e\", \"level\": \"advanced\", \"summary\": \"\\u001b[2J\\u009b1m\"}\n---\n" +
		"JSON body &#x1b;]52;c;anNvbg==&#x07;\n",
}

// hostilePayloads must not appear in any output: they are what the
// escapes above carry, so seeing one means a sequence survived as text or
// as a control.
var hostilePayloads = []string{"cHduZWQ=", "ZG9jcw==", "aXRlbQ==", "eWFtbA==", "cmF3", "anNvbg==", "TITLE", "]52;", "]2;", "]0;"}

func hostileQuestions(t testing.TB) []*bank.Question {
	t.Helper()
	var qs []*bank.Question
	for _, name := range []string{"entities", "yaml", "json"} {
		q, ps := bank.Parse(name+".md", []byte(hostileFiles[name]))
		if q == nil {
			t.Fatalf("%s does not parse: %v", name, ps)
		}
		q.Deck = "evil"
		qs = append(qs, q)
	}
	return qs
}

// checkStyled reports the first thing in out that is not text, a tab, a
// newline, an SGR sequence (ESC [ digits m) or an OSC 8 hyperlink to an
// http(s) URL without controls, and any bidi or invisible character. It is written apart from
// sanitize.Terminal so that it checks that function too.
func checkStyled(out string) error {
	for i := 0; i < len(out); {
		r, size := utf8.DecodeRuneInString(out[i:])
		switch {
		case r == 0x1b:
			n, err := styledSequence(out[i:])
			if err != nil {
				return fmt.Errorf("at byte %d: %w: %q", i, err, out[i:min(len(out), i+40)])
			}
			i += n
			continue
		case r == utf8.RuneError && size == 1:
			return fmt.Errorf("invalid UTF-8 at byte %d", i)
		case r < 0x20 && r != '\n' && r != '\t', r == 0x7f, r >= 0x80 && r <= 0x9f:
			return fmt.Errorf("control %U at byte %d", r, i)
		case sanitize.Invisible(r):
			return fmt.Errorf("invisible %U at byte %d", r, i)
		}
		i += size
	}
	return nil
}

func styledSequence(s string) (int, error) {
	switch {
	case strings.HasPrefix(s, "\x1b["):
		j := 2
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
			j++
		}
		if j < len(s) && s[j] == 'm' {
			return j + 1, nil
		}
		return 0, fmt.Errorf("CSI that is not SGR")
	case strings.HasPrefix(s, "\x1b]8;;"):
		end := strings.Index(s, "\x1b\\")
		if end < 0 {
			return 0, fmt.Errorf("unterminated OSC 8")
		}
		url := s[5:end]
		web := strings.HasPrefix(url, "http://") || strings.HasPrefix(url, "https://")
		if url != "" && !web || strings.IndexFunc(url, func(r rune) bool { return r < 0x20 || r >= 0x7f && r <= 0x9f }) >= 0 {
			return 0, fmt.Errorf("OSC 8 to %q", url)
		}
		return end + 2, nil
	}
	return 0, fmt.Errorf("escape sequence that is neither SGR nor OSC 8")
}

// hostilePolicies are the ways a question reaches a terminal: without
// colour (no ESC may appear at all), and with colour and hyperlinks.
var hostilePolicies = []struct {
	name  string
	p     Policy
	color bool
}{
	{"notty", Policy{Format: FormatPretty, Style: "notty", Width: 60, Profile: termenv.Ascii}, false},
	{"dark", Policy{Format: FormatPretty, Style: "dark", Width: 60, Color: true, TTY: true, Profile: termenv.TrueColor, Hyperlinks: true}, true},
	{"light 16 colours", Policy{Format: FormatPretty, Style: "light", Width: 40, Color: true, TTY: true, Profile: termenv.ANSI, Hyperlinks: true}, true},
}

// checkOutput applies checkStyled, and with colour off also wants no ESC
// at all, and no payload of a hostile escape anywhere.
func checkOutput(t *testing.T, what, out string, color bool) {
	t.Helper()
	if !color && strings.Contains(out, "\x1b") {
		t.Errorf("%s: ESC in output without colour:\n%q", what, out)
	}
	if err := checkStyled(out); err != nil {
		t.Errorf("%s: %v", what, err)
	}
	for _, p := range hostilePayloads {
		if strings.Contains(out, p) {
			t.Errorf("%s: payload %q survived:\n%q", what, p, out)
		}
	}
}

// TestHostileDeckRendering renders the hostile questions every way a
// terminal sees them: show and random (Pretty), the quiz's answer and
// browse's preview (Answer), the list, and the renderer before its final
// filter, so the source sanitising is checked on its own.
func TestHostileDeckRendering(t *testing.T) {
	qs := hostileQuestions(t)
	for _, hp := range hostilePolicies {
		t.Run(hp.name, func(t *testing.T) {
			out, err := Pretty(hp.p, qs, nil)
			if err != nil {
				t.Fatal(err)
			}
			checkOutput(t, "Pretty", out, hp.color)
			r, err := newPretty(hp.p)
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range qs {
				raw, err := r.question(q, nil)
				if err != nil {
					t.Fatal(err)
				}
				checkOutput(t, "unfiltered "+q.File, raw, hp.color)
				checkOutput(t, "Answer "+q.File, Answer(hp.p, q, 50), hp.color)
			}
			var lb bytes.Buffer
			if err := List(&lb, hp.p, qs, ""); err != nil {
				t.Fatal(err)
			}
			checkOutput(t, "List", lb.String(), hp.color)
		})
	}
	for _, f := range []Format{FormatMarkdown, FormatJSON} {
		var buf bytes.Buffer
		if err := Questions(&buf, Policy{Format: f, Width: 80}, qs, nil); err != nil {
			t.Fatal(err)
		}
		checkOutput(t, string(f), buf.String(), false)
		if strings.Contains(buf.String(), `\u001b`) || strings.Contains(buf.String(), `\u0007`) {
			t.Errorf("%s: an escaped control survived:\n%s", f, buf.String())
		}
	}
}

// TestHostileDeckVisible: bidi and zero-width characters show as <U+XXXX>
// in the title, whether written raw, as a YAML or JSON escape or as a
// character reference.
func TestHostileDeckVisible(t *testing.T) {
	qs := hostileQuestions(t)
	for _, tt := range []struct {
		q    *bank.Question
		want string
	}{
		{qs[0], "<U+202E>gnp.exe <U+200B>"},
		{qs[1], "<U+202E>bidi<U+202C>, zero<U+200B>width, <U+2066>iso<U+2069>, line<U+2028>sep, bom<U+FEFF>"},
		{qs[2], "J  <U+202E>"},
	} {
		if !strings.Contains(tt.q.Title+tt.q.Body, tt.want) {
			t.Errorf("%s: title %q body %q lack %q", tt.q.File, tt.q.Title, tt.q.Body, tt.want)
		}
	}
}

// TestBuiltinPrettyIsStyledOnly: djq's own output passes the checker, so
// the final filter takes nothing from a real answer.
func TestBuiltinPrettyIsStyledOnly(t *testing.T) {
	qs := builtinBank(t).Questions()
	for _, hp := range hostilePolicies[1:] {
		r, err := newPretty(hp.p)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range qs {
			out, err := r.question(q, nil)
			if err != nil {
				t.Fatal(err)
			}
			if err := checkStyled(out); err != nil {
				t.Fatalf("%s %s: %v", hp.name, q.Ref(), err)
			}
			if got := sanitize.Terminal(out); got != out {
				t.Fatalf("%s %s: sanitize.Terminal changed djq's own output", hp.name, q.Ref())
			}
		}
	}
}

// FuzzPrettyOutput feeds arbitrary deck files through the parser and the
// pretty renderer, before and after its final filter: without colour no
// ESC may appear; with colour every ESC starts an SGR sequence or one of
// djq's OSC 8 hyperlinks, and no other control, C1 or invisible character
// gets through.
func FuzzPrettyOutput(f *testing.F) {
	for _, name := range []string{"entities", "yaml", "json"} {
		f.Add([]byte(hostileFiles[name]))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		q, _ := bank.Parse("f.md", data)
		if q == nil {
			return
		}
		q.Deck = "evil"
		for _, hp := range hostilePolicies[:2] {
			r, err := newPretty(hp.p)
			if err != nil {
				t.Fatal(err)
			}
			raw, err := r.question(q, nil)
			if err != nil {
				return
			}
			out, err := Pretty(hp.p, []*bank.Question{q}, nil)
			if err != nil {
				return
			}
			for what, s := range map[string]string{"unfiltered": raw, "Pretty": out} {
				if !hp.color && strings.Contains(s, "\x1b") {
					t.Fatalf("%s %s: ESC without colour\ninput %q\noutput %q", hp.name, what, data, s)
				}
				if err := checkStyled(s); err != nil {
					t.Fatalf("%s %s: %v\ninput %q", hp.name, what, err, data)
				}
			}
		}
	})
}
