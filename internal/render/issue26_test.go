package render

import (
	"regexp"
	"strings"
	"testing"

	xansi "github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/djq-cli/djq/internal/bank"
)

var sgrSeq = regexp.MustCompile(`\x1b\[([0-9;]*)m`)

// TestSixteenColourIsReadable renders the code-heavy answers in the
// 16-colour style and finds no black (30) or bright black (90) foreground:
// names in code used to be drawn in bright black, which common dark
// palettes show barely apart from the background.
func TestSixteenColourIsReadable(t *testing.T) {
	b := builtinBank(t)
	for _, id := range []int{35, 50, 78} {
		q, err := b.Get(bank.Ref{Deck: bank.DefaultDeck, ID: id})
		if err != nil {
			t.Fatal(err)
		}
		for _, style := range []string{"dark", "light", Style16} {
			p := Policy{Format: FormatPretty, Style: style, Color: true, Profile: termenv.ANSI, Width: 80}
			out, err := Pretty(p, []*bank.Question{q}, b.Lookup)
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(out, "\n") {
				for _, m := range sgrSeq.FindAllStringSubmatch(line, -1) {
					for _, param := range strings.Split(m[1], ";") {
						if param == "90" || param == "30" {
							t.Errorf("%d (%s): SGR %s on %q", id, style, param, xansi.Strip(line))
						}
					}
				}
			}
		}
	}
}

// TestSplitCodeLine pins where a code line too long for the block breaks.
func TestSplitCodeLine(t *testing.T) {
	for _, tc := range []struct {
		name, line string
		limit      int
		head, rest string
	}{
		{"space in the last part", "books = Book.objects.all() for a in b", 30, "books = Book.objects.all()", "for a in b"},
		{"a dot before an identifier", `published = Book.objects.filter(published=True).order_by("-pub_date")`, 54,
			`published = Book.objects.filter(published=True).`, `order_by("-pub_date")`},
		{"a comment's # moves down", `print(book.author.name, book.author.hometown)  # no further queries`, 48,
			`print(book.author.name, book.author.hometown)`, `# no further queries`},
		{"no break at hand", strings.Repeat("x", 40), 30, strings.Repeat("x", 30), strings.Repeat("x", 10)},
		{"fits", "short", 30, "short", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			head, rest := splitLine(codeLine{{text: tc.line}}, tc.limit)
			if head.plain() != tc.head || rest.plain() != tc.rest {
				t.Errorf("splitLine(%q, %d) = %q / %q, want %q / %q", tc.line, tc.limit, head.plain(), rest.plain(), tc.head, tc.rest)
			}
		})
	}
}

// TestLongInlineCodeBreaks: inline code wider than the text column breaks
// after ", " or a "." between names and stays within the width.
func TestLongInlineCodeBreaks(t *testing.T) {
	for _, tc := range []struct {
		span string
		want []string
	}{
		{"JsonResponse(data, encoder=DjangoJSONEncoder, safe=True)", []string{"JsonResponse(data, ", "encoder=DjangoJSONEncoder, ", "safe=True)"}},
		{`Author.objects.select_related("home town")`, []string{"Author.", "objects.", `select_related("home town")`}},
		{"curl -sI https://example.com/x.y", []string{"curl ", "-sI ", "https://example.com/x.y"}},
		{"SeparateDatabaseAndState(state_operations=[RemoveField(...)], x)", []string{"SeparateDatabaseAndState(", "state_operations=[", "RemoveField(...)], ", "x)"}},
	} {
		if got := spanPieces(tc.span, 30); strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("spanPieces(%q) = %q, want %q", tc.span, got, tc.want)
		}
	}
	q := &bank.Question{Deck: bank.DefaultDeck, ID: 1, Title: "Responses", Level: "beginner",
		Body: "Call `JsonResponse(data, encoder=DjangoJSONEncoder, safe=True, json_dumps_params=None, **kwargs)` to send JSON.\n"}
	for _, w := range []int{40, 60, 80} {
		out, err := Pretty(Policy{Format: FormatPretty, Style: "notty", Profile: termenv.Ascii, Width: w}, []*bank.Question{q}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(out, "\n") {
			if xansi.StringWidth(l) > w {
				t.Errorf("at %d columns: %q is wider", w, l)
			}
		}
		if !strings.Contains(noSpace(strings.ReplaceAll(out, "\n", "")), noSpace("JsonResponse(data, encoder=DjangoJSONEncoder, safe=True, json_dumps_params=None, **kwargs)")) {
			t.Errorf("at %d columns: the span lost text:\n%s", w, out)
		}
	}
}

// TestTitleWrapsWithItsPadding: a title longer than the line keeps the
// first line's padding and background on every line.
func TestTitleWrapsWithItsPadding(t *testing.T) {
	q := &bank.Question{Deck: bank.DefaultDeck, ID: 35, Level: "advanced",
		Title: "What is the difference between select_related and prefetch_related?"}
	for _, st := range checkStyles {
		p := st.policy
		p.Width = 60
		out, err := Pretty(p, []*bank.Question{q}, nil)
		if err != nil {
			t.Fatal(err)
		}
		cfg, _ := p.styleConfig()
		vis := strings.Split(xansi.Strip(out), "\n")
		if problems := checkTitle(out, vis, p, cfg, int(*cfg.Document.Margin)); len(problems) > 0 {
			t.Errorf("%s: %s\n%s", st.name, strings.Join(problems, "\n"), out)
		}
	}
}
