package render

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/glamour/ansi"
	xansi "github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/djq-cli/djq/data"
	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/golden"
)

// builtinBank loads the bank that ships in the binary.
func builtinBank(tb testing.TB) *bank.Bank {
	tb.Helper()
	d, probs := bank.LoadDeck(data.Questions, data.QuestionsDir, bank.DefaultDeck, "")
	if probs.HasFatal() {
		tb.Fatal(probs)
	}
	b, err := bank.New(d)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// checkStyles are the styles the whole-bank check renders in: every style
// djq has (dark and light at true colour and 256 colours, the 16-colour
// style, notty and ascii without colour) and glamour's own that --style
// accepts.
var checkStyles = []struct {
	name   string
	policy Policy
}{
	{"dark", Policy{Format: FormatPretty, Style: "dark", Color: true, Profile: termenv.TrueColor, Hyperlinks: true}},
	{"dark256", Policy{Format: FormatPretty, Style: "dark", Color: true, Profile: termenv.ANSI256}},
	{"light", Policy{Format: FormatPretty, Style: "light", Color: true, Profile: termenv.ANSI256, Hyperlinks: true}},
	{"lighttrue", Policy{Format: FormatPretty, Style: "light", Color: true, Profile: termenv.TrueColor}},
	{"16color", Policy{Format: FormatPretty, Style: "dark", Color: true, Profile: termenv.ANSI, Hyperlinks: true}},
	{"notty", Policy{Format: FormatPretty, Style: "notty", Profile: termenv.Ascii}},
	{"ascii", Policy{Format: FormatPretty, Style: "ascii", Profile: termenv.Ascii}},
	{"dracula", Policy{Format: FormatPretty, Style: "dracula", Color: true, Profile: termenv.TrueColor}},
	{"pink", Policy{Format: FormatPretty, Style: "pink", Color: true, Profile: termenv.ANSI256}},
	{"tokyo-night", Policy{Format: FormatPretty, Style: "tokyo-night", Color: true, Profile: termenv.TrueColor}},
}

// goldenStyles are the styles TestBankGolden pins (the first of each kind).
var goldenStyles = []string{"dark", "light", "16color", "notty"}

// stylesNamed picks checkStyles by name, in the order given.
func stylesNamed(names ...string) []struct {
	name   string
	policy Policy
} {
	var out []struct {
		name   string
		policy Policy
	}
	for _, n := range names {
		for _, st := range checkStyles {
			if st.name == n {
				out = append(out, st)
			}
		}
	}
	return out
}

var checkWidths = []int{60, 72, 80, 100, 120}

// TestWholeBankRendersCleanly renders every question of the bank at every
// width and style and checks the visible text (escape codes stripped)
// against the flaws issue 15 counted: over-long lines, code wrapped into
// prose, split URLs, a summary whose lines lose their bar, and punctuation
// orphaned at the start of a line.
func TestWholeBankRendersCleanly(t *testing.T) {
	b := builtinBank(t)
	qs := b.Questions()
	if len(qs) < 100 {
		t.Fatalf("only %d questions in the bank", len(qs))
	}
	for _, q := range qs {
		t.Run(q.Ref(), func(t *testing.T) {
			t.Parallel()
			src := sourceFacts(q)
			widths, styles := checkWidths, checkStyles
			if raceEnabled {
				widths = []int{checkWidths[0], checkWidths[len(checkWidths)-1]}
				styles = stylesNamed(goldenStyles...)
			}
			for _, st := range styles {
				for _, w := range widths {
					p := st.policy
					p.Width = w
					out, err := Pretty(p, []*bank.Question{q}, b.Lookup)
					if err != nil {
						t.Fatalf("%s/%d: %v", st.name, w, err)
					}
					for _, problem := range checkRendered(out, p, q, src) {
						t.Errorf("%s at %d columns: %s", st.name, w, problem)
					}
				}
			}
		})
	}
}

// facts are what the check needs from a question's source.
type facts struct {
	codeLines []string // non-blank lines of fenced code, tabs expanded
	urls      []string // docs links and URLs in the answer's prose
	spans     []string // inline code spans as shown
	headings  []string // heading lines ("## Docs")
}

var (
	spanPattern = regexp.MustCompile("`+([^`]+)`+")
	bareURL     = regexp.MustCompile(`https?://[^\s<>()\[\]]+`)
)

func sourceFacts(q *bank.Question) facts {
	var f facts
	inFence := false
	for _, l := range strings.Split(q.Body, "\n") {
		if fenceLine.MatchString(l) {
			inFence = !inFence
			continue
		}
		if inFence {
			if strings.TrimSpace(l) != "" {
				f.codeLines = append(f.codeLines, strings.TrimRight(expandTabs(l), " "))
			}
			continue
		}
		for _, m := range spanPattern.FindAllStringSubmatch(l, -1) {
			f.spans = append(f.spans, strings.TrimSpace(m[1]))
		}
		if headingLine.MatchString(l) {
			f.headings = append(f.headings, strings.TrimSpace(l))
			// A heading may start with punctuation (".dockerignore").
			f.spans = append(f.spans, strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), "#")))
		}
		for _, u := range bareURL.FindAllString(spanPattern.ReplaceAllString(l, ""), -1) {
			f.urls = append(f.urls, strings.TrimRight(u, ".,;:!?'\""))
		}
	}
	for _, m := range spanPattern.FindAllStringSubmatch(q.Summary, -1) {
		f.spans = append(f.spans, strings.TrimSpace(m[1]))
	}
	f.urls = append(f.urls, q.Docs...)
	if len(q.Related) > 0 {
		f.headings = append(f.headings, "## Related questions")
	}
	if len(q.Docs) > 0 {
		f.headings = append(f.headings, "## Docs")
	}
	return f
}

func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' {
			return -1
		}
		return r
	}, s)
}

func alnum(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

func leadingSpaces(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// checkRendered returns every problem found in one rendered question.
func checkRendered(out string, p Policy, q *bank.Question, src facts) []string {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if !p.Color && strings.Contains(out, "\x1b") {
		add("escape sequence without colour")
	}
	for _, leftover := range []string{tokenPrefix, blockPrefix, summaryToken, "\ue000", "\ue001", "\ue002", "\ue003", "\ue004"} {
		if strings.Contains(out, leftover) {
			add("placeholder %q left in the output", leftover)
		}
	}
	vis := strings.Split(xansi.Strip(out), "\n")
	cfg, err := p.styleConfig()
	if err != nil {
		return []string{err.Error()}
	}
	deref := func(u *uint) int {
		if u == nil {
			return 0
		}
		return int(*u)
	}
	margin := deref(cfg.Document.Margin)
	codeIndent := margin + deref(cfg.CodeBlock.Margin) + deref(cfg.CodeBlock.Indent)

	// Code: join each line with the continuation lines after it, then
	// every source line must be one of those logical lines, starting at
	// the block's indentation plus its own.
	isCode := make([]bool, len(vis))
	logical := map[string]bool{}
	for i := 0; i < len(vis); i++ {
		l := vis[i]
		j := i + 1
		for j < len(vis) && strings.HasPrefix(strings.TrimLeft(vis[j], " "), contMarker) {
			if leadingSpaces(vis[j]) < codeIndent {
				add("code continuation outside the block: %q", vis[j])
			}
			l += strings.TrimPrefix(strings.TrimLeft(vis[j], " "), contMarker)
			j++
		}
		logical[noSpace(l)] = true
		if j > i+1 {
			for k := i; k < j; k++ {
				isCode[k] = true
			}
		}
	}
	for _, c := range src.codeLines {
		if !logical[noSpace(c)] {
			add("code line not found whole or continued in its block: %q", c)
		}
	}
	codeSet := map[string]bool{}
	for _, c := range src.codeLines {
		codeSet[c] = true
	}
	for i, l := range vis {
		if leadingSpaces(l) >= codeIndent && codeSet[l[codeIndent:]] {
			isCode[i] = true
		}
	}

	// URLs stay whole on one line.
	for _, u := range src.urls {
		if !strings.Contains(strings.Join(vis, "\n"), u) {
			add("URL split or missing: %s", u)
		}
	}

	problems = append(problems, checkContinuations(vis, codeIndent, strings.Join(src.codeLines, "\n"))...)
	problems = append(problems, checkHeadings(vis, isCode, cfg, src.headings)...)
	problems = append(problems, checkTitle(out, vis, p, cfg, margin)...)

	// Width: only a URL, or a piece of a code span with no place to break
	// (spanPieces), wider than the text column may push a line past the
	// width.
	room := p.Width - 2*margin - 4
	var unbreakable []string
	for _, s := range src.spans {
		for _, piece := range spanPieces(s, room) {
			unbreakable = append(unbreakable, strings.TrimSpace(piece))
		}
	}
	for i, l := range vis {
		if xansi.StringWidth(l) <= p.Width {
			continue
		}
		ok := false
		for _, a := range append(append([]string{}, src.urls...), unbreakable...) {
			if xansi.StringWidth(a) > room && strings.Contains(l, a) {
				ok = true
			}
		}
		if !ok {
			add("line %d is %d columns wide: %q", i+1, xansi.StringWidth(l), l)
		}
	}

	// The summary follows the meta line; all its lines carry the bar.
	bar := strings.TrimSpace(cfgBar(cfg))
	for i, l := range vis {
		if !strings.HasPrefix(strings.TrimSpace(l), "Question "+q.Ref()+" ·") {
			continue
		}
		k := i + 1
		for k < len(vis) && strings.TrimSpace(vis[k]) != "" {
			k++ // the meta line wrapped (long tag lists at narrow widths)
		}
		for k < len(vis) && strings.TrimSpace(vis[k]) == "" {
			k++
		}
		var text strings.Builder
		n := 0
		for ; k < len(vis) && strings.TrimSpace(vis[k]) != ""; k++ {
			t := strings.TrimSpace(vis[k])
			if !strings.HasPrefix(t, bar) {
				add("summary line without its bar: %q", vis[k])
			}
			text.WriteString(strings.TrimPrefix(t, bar))
			n++
		}
		// Compare letters and digits only (wrapping moves spaces); the
		// summary is escaped, so nothing of it may go missing as markup
		// (<tag>, __strong__).
		want := q.Summary
		if q.Summary != "" && alnum(text.String()) != alnum(want) {
			add("summary text differs:\n got %q\nwant %q", text.String(), want)
		}
		break
	}

	// No line of prose starts with orphaned punctuation.
	for i, l := range vis {
		t := strings.TrimLeft(l, " ")
		if t == "" || isCode[i] || !strings.ContainsAny(t[:1], ".,;:)") {
			continue
		}
		ok := false
		for _, s := range src.spans {
			if strings.HasPrefix(t, s) || strings.HasPrefix(t, "`"+s) {
				ok = true
			}
		}
		if !ok {
			add("line %d starts with orphaned punctuation: %q", i+1, l)
		}
	}
	return problems
}

// cfgBar is the summary bar the renderer uses for a style.
func cfgBar(cfg ansi.StyleConfig) string { return (&prettyRenderer{cfg: cfg}).bar() }

// TestBankGolden pins the rendering of a few real answers in every style:
// 35 (long code lines, docs URLs), 21 (inline code before punctuation) and
// 69 (a summary that used to lose its bar).
func TestBankGolden(t *testing.T) {
	b := builtinBank(t)
	for _, id := range []int{21, 35, 69} {
		q, err := b.Get(bank.Ref{Deck: bank.DefaultDeck, ID: id})
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range stylesNamed(goldenStyles...) {
			name := fmt.Sprintf("bank-%03d-%s.golden", id, st.name)
			t.Run(name, func(t *testing.T) {
				p := st.policy
				p.Width = 80
				out, err := Pretty(p, []*bank.Question{q}, b.Lookup)
				if err != nil {
					t.Fatal(err)
				}
				golden.Check(t, name, out)
			})
		}
	}
}

// TestNarrowGolden pins issue 26's cases at 60 columns: 35's long title
// and code lines (no "order_" / "by(", no lone "#"), and 50's inline code
// wider than the line.
func TestNarrowGolden(t *testing.T) {
	b := builtinBank(t)
	for _, id := range []int{35, 50} {
		q, err := b.Get(bank.Ref{Deck: bank.DefaultDeck, ID: id})
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range stylesNamed("dark", "16color", "notty") {
			name := fmt.Sprintf("bank-%03d-60-%s.golden", id, st.name)
			t.Run(name, func(t *testing.T) {
				p := st.policy
				p.Width = 60
				out, err := Pretty(p, []*bank.Question{q}, b.Lookup)
				if err != nil {
					t.Fatal(err)
				}
				golden.Check(t, name, out)
			})
		}
	}
}

// TestWholeBankMarkdownIsLintClean checks what `djq show N >> notes.md`
// writes for every question, against the markdownlint defaults that can
// be checked line by line: the document starts with its "# " title and
// ends with exactly one newline (MD041, MD047), headings and fences have
// blank lines around them (MD022, MD031), no two blank lines follow each
// other (MD012), no line ends in spaces (MD009). Appending starts with one
// blank line, so the next title never sticks to the text before it.
func TestWholeBankMarkdownIsLintClean(t *testing.T) {
	b := builtinBank(t)
	for _, q := range b.Questions() {
		md := Markdown(q, b.Lookup)
		if !strings.HasPrefix(md, "# ") {
			t.Errorf("%s: does not start with its title: %.40q", q.Ref(), md)
		}
		if !strings.HasSuffix(md, "\n") || strings.HasSuffix(md, "\n\n") {
			t.Errorf("%s: does not end with exactly one newline", q.Ref())
		}
		lines := strings.Split(strings.TrimSuffix(md, "\n"), "\n")
		inFence := false
		for i, l := range lines {
			blankBefore := i == 0 || lines[i-1] == ""
			blankAfter := i == len(lines)-1 || lines[i+1] == ""
			if strings.TrimRight(l, " \t") != l {
				t.Errorf("%s line %d: trailing whitespace", q.Ref(), i+1)
			}
			if fenceLine.MatchString(l) {
				if !inFence && !blankBefore || inFence && !blankAfter {
					t.Errorf("%s line %d: fence without a blank line around it (MD031)", q.Ref(), i+1)
				}
				inFence = !inFence
				continue
			}
			if inFence {
				continue
			}
			if headingLine.MatchString(l) && (!blankBefore || !blankAfter) {
				t.Errorf("%s line %d: heading without blank lines around it (MD022): %q", q.Ref(), i+1, l)
			}
			if l == "" && i > 0 && lines[i-1] == "" {
				t.Errorf("%s line %d: two blank lines (MD012)", q.Ref(), i+1)
			}
		}
	}
	qs := b.Questions()[:2]
	var first, second strings.Builder
	if err := Questions(&first, Policy{Format: FormatMarkdown}, qs[:1], b.Lookup); err != nil {
		t.Fatal(err)
	}
	if err := Questions(&second, Policy{Format: FormatMarkdown, Lead: AppendLead(first.String())}, qs[1:], b.Lookup); err != nil {
		t.Fatal(err)
	}
	notes := first.String() + second.String()
	if !strings.Contains(notes, "\n\n# "+qs[1].Title+"\n") {
		t.Errorf("the appended answer's title is not set off by a blank line")
	}
}

// BenchmarkPretty renders answer 35 at 80 columns, uncached, at each
// colour depth: the 16-colour style must cost no more than true colour.
func BenchmarkPretty(b *testing.B) {
	bk := builtinBank(b)
	q, err := bk.Get(bank.Ref{Deck: bank.DefaultDeck, ID: 35})
	if err != nil {
		b.Fatal(err)
	}
	for _, st := range []struct {
		name string
		p    Policy
	}{
		{"truecolor", Policy{Format: FormatPretty, Style: "dark", Color: true, Profile: termenv.TrueColor}},
		{"256color", Policy{Format: FormatPretty, Style: "dark", Color: true, Profile: termenv.ANSI256}},
		{"16color", Policy{Format: FormatPretty, Style: "dark", Color: true, Profile: termenv.ANSI}},
		{"notty", Policy{Format: FormatPretty, Style: "notty", Profile: termenv.Ascii}},
	} {
		b.Run(st.name, func(b *testing.B) {
			p := st.p
			p.Width = 80
			for b.Loop() {
				if _, err := Pretty(p, []*bank.Question{q}, bk.Lookup); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
