package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/glamour/ansi"
	xansi "github.com/charmbracelet/x/ansi"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/sanitize"
	"github.com/djq-cli/djq/internal/textwidth"
)

// Pretty output is glamour's rendering of the question's Markdown with
// three things taken out of glamour's hands, because its wrapping gets them
// wrong (see issue 15):
//
//   - the summary quote, which glamour v1 wraps one column too wide so a
//     line loses its bar (glamour#172); djq wraps it as a paragraph two
//     columns narrower and draws the bar itself;
//   - fenced code blocks, which glamour's document-wide word wrap breaks
//     into the prose column; djq highlights them and continues long lines
//     inside the block behind a marker;
//   - URLs and inline code containing spaces, which glamour breaks at "-",
//     "." or a space; djq swaps each for a same-width placeholder word that
//     no wrapper breaks, and swaps the text back after rendering.
//
// The placeholders are plain ASCII words, so every wrapper measures them
// exactly as wide as the text they stand for.
const (
	tokenPrefix   = "djqx"
	blockPrefix   = "djqblock"
	summaryToken  = "djqsummary"
	titleToken    = "djqtitle"
	maxTokens     = 26 * 26
	minCodeTokenW = len(tokenPrefix) + 2
)

// atom is a piece of text that must stay on one line.
type atom struct {
	token, text string
	url         bool
}

// fenced is a code block taken out of the Markdown before glamour sees it.
type fenced struct {
	token, lang, code string
}

// protected is a question's Markdown with its atoms and code blocks
// replaced by placeholders.
type protected struct {
	atoms  []atom
	blocks []fenced
	// maxURL is the widest a URL placeholder may be: a longer URL still
	// comes back whole, on a line of its own that overflows, because a URL
	// that is split can be neither clicked nor copied.
	maxURL int
}

func (pr *protected) token(prefix string, width int) string {
	n := len(pr.atoms)
	if n >= maxTokens {
		return ""
	}
	t := prefix + string(rune('a'+n/26)) + string(rune('a'+n%26))
	if width < len(t) {
		return ""
	}
	return t + strings.Repeat("z", width-len(t))
}

// prepare replaces top-level fenced code blocks with placeholder paragraphs
// and protects atoms on every other line.
func (pr *protected) prepare(md string) string {
	lines := strings.Split(md, "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		m := fenceLine.FindStringSubmatch(l)
		if m == nil {
			out = append(out, pr.inline(l))
			continue
		}
		fence := m[1]
		lang := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), fence[:1]))
		if f := strings.Fields(lang); len(f) > 0 {
			lang = f[0]
		}
		var code []string
		j := i + 1
		for ; j < len(lines); j++ {
			t := strings.TrimSpace(lines[j])
			if strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
				break
			}
			code = append(code, lines[j])
		}
		tok := fmt.Sprintf("%s%c%c", blockPrefix, 'a'+len(pr.blocks)/26%26, 'a'+len(pr.blocks)%26)
		pr.blocks = append(pr.blocks, fenced{token: tok, lang: lang, code: strings.Join(code, "\n")})
		out = append(out, "", tok, "")
		i = j
	}
	return strings.Join(out, "\n")
}

var urlPattern = regexp.MustCompile(`<(https?://[^\s<>]+)>|\]\((https?://[^\s()]+)\)|(https?://[^\s<>()\[\]]+)`)

// Glamour wraps twice: paragraphs with reflow, which breaks after "-" but
// forgets to count the hyphen (a line comes out one column too wide per
// hyphen), and then the whole document with a wrapper that also breaks at
// ".", ",", ";" and "+", which is all the wrapping tight list items get.
// Between them they orphan a word or a "." at the start of a line and cut
// code like `annotate(n=Count(...)).filter(...)` after a dot. In prose and
// code spans djq swaps those characters for private-use runes, one column
// wide and no break opportunity for either wrapper, and swaps them back
// after rendering; spaces are then the only places a line breaks.
var (
	shield   = strings.NewReplacer("-", "\ue000", ".", "\ue001", ",", "\ue002", ";", "\ue003", "+", "\ue004")
	unshield = strings.NewReplacer("\ue000", "-", "\ue001", ".", "\ue002", ",", "\ue003", ";", "\ue004", "+", "\ue005", " ")
	// leadPunct is a space before punctuation, as in "(a, b, ...)": kept
	// unbreakable so the punctuation never starts a line.
	leadPunct = regexp.MustCompile(` ([.,;:)\]])`)
	entity    = regexp.MustCompile(`&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);`)
)

// shielded reports whether s holds any swapped rune.
func shielded(s string) bool {
	return strings.ContainsAny(s, "\ue000\ue001\ue002\ue003\ue004\ue005")
}

// protect swaps the break characters in s, leaving HTML entities intact.
func protect(s string) string {
	if !strings.ContainsAny(s, "-.,;+:)]") {
		return s
	}
	s = leadPunct.ReplaceAllString(s, "\ue005$1")
	if !strings.Contains(s, "&") {
		return shield.Replace(s)
	}
	var b strings.Builder
	last := 0
	for _, m := range entity.FindAllStringIndex(s, -1) {
		b.WriteString(shield.Replace(s[last:m[0]]))
		b.WriteString(s[m[0]:m[1]])
		last = m[1]
	}
	b.WriteString(shield.Replace(s[last:]))
	return b.String()
}

var (
	// blockMarker is Markdown syntax at the start of a line that must
	// stay as typed: a list item's marker, and a heading's "## " (whose
	// space, before a heading text such as ".dockerignore", must not be
	// made unbreakable, or the line is no longer a heading).
	blockMarker = regexp.MustCompile(`^\s*(?:[-*+]|\d{1,9}[.)]|#{1,6})\s+`)
	// ruleLine is a thematic break, setext underline or table delimiter row.
	ruleLine = regexp.MustCompile(`^[\s|:=*_-]*$`)
)

// text protects URLs and break characters in text outside code spans.
func (pr *protected) text(s string) string {
	return protect(pr.urls(s))
}

// inline protects code spans that contain spaces, URLs and in-word
// hyphens on one line.
func (pr *protected) inline(l string) string {
	if !strings.ContainsAny(l, "`:-.,;+)]") || ruleLine.MatchString(l) {
		return l
	}
	// Table rows are laid out (and cells cut) by glamour's table writer,
	// not wrapped; a placeholder cut short could not be swapped back.
	if strings.HasPrefix(strings.TrimSpace(l), "|") {
		return l
	}
	var b strings.Builder
	if m := blockMarker.FindString(l); m != "" {
		b.WriteString(m)
		l = l[len(m):]
	}
	for len(l) > 0 {
		i := strings.IndexByte(l, '`')
		if i < 0 {
			b.WriteString(pr.text(l))
			break
		}
		b.WriteString(pr.text(l[:i]))
		l = l[i:]
		n := len(l) - len(strings.TrimLeft(l, "`"))
		ticks := l[:n]
		end := closingTicks(l[n:], n)
		if end < 0 {
			b.WriteString(ticks)
			l = l[n:]
			continue
		}
		content := l[n : n+end]
		l = l[n+end+n:]
		shown := content
		if len(shown) >= 2 && shown[0] == ' ' && shown[len(shown)-1] == ' ' && strings.TrimSpace(shown) != "" {
			shown = shown[1 : len(shown)-1]
		}
		if pr.maxURL > 0 && xansi.StringWidth(shown) > pr.maxURL && !strings.Contains(shown, "`") {
			b.WriteString("`" + longSpan(shown, pr.maxURL) + "`")
			continue
		}
		tok := ""
		if strings.Contains(shown, " ") && !strings.Contains(shown, "`") {
			if w := xansi.StringWidth(shown); w >= minCodeTokenW {
				tok = pr.token(tokenPrefix, w)
			}
		}
		if tok == "" {
			b.WriteString(ticks + protect(content) + ticks)
			continue
		}
		pr.atoms = append(pr.atoms, atom{token: tok, text: shown})
		b.WriteString("`" + tok + "`")
	}
	return b.String()
}

// closingTicks finds the run of exactly n backticks that closes a code
// span in s, returning its index or -1.
func closingTicks(s string, n int) int {
	for i := 0; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == '`' {
			j++
		}
		if j-i == n {
			return i
		}
		i = j
	}
	return -1
}

func (pr *protected) urls(s string) string {
	if !strings.Contains(s, "://") {
		return s
	}
	return urlPattern.ReplaceAllStringFunc(s, func(m string) string {
		sub := urlPattern.FindStringSubmatch(m)
		url, before, after := sub[1], "<", ">"
		switch {
		case sub[2] != "":
			url, before, after = sub[2], "](", ")"
		case sub[3] != "":
			url = strings.TrimRight(sub[3], ".,;:!?'\"")
			after = ">" + sub[3][len(url):]
		}
		scheme := url[:strings.Index(url, "://")+3]
		w := min(xansi.StringWidth(url), max(pr.maxURL, len(scheme)+minCodeTokenW))
		tok := pr.token(scheme+tokenPrefix, w)
		if tok == "" {
			return m
		}
		pr.atoms = append(pr.atoms, atom{token: tok, text: url, url: true})
		return before + tok + after
	})
}

// restore puts the atoms back into a rendered line, with OSC 8 hyperlinks
// around URLs when links is true.
func (pr *protected) restore(line string, links bool) string {
	if shielded(line) {
		line = unshield.Replace(line)
	}
	if strings.Contains(line, spanBreak) {
		line = strings.ReplaceAll(line, spanBreak, "")
	}
	if !strings.Contains(line, tokenPrefix) {
		return line
	}
	for _, a := range pr.atoms {
		if !strings.Contains(line, a.token) {
			continue
		}
		text := a.text
		if a.url && links {
			text = hyperlink(a.text, a.text)
		}
		line = strings.ReplaceAll(line, a.token, text)
	}
	return line
}

// hyperlink wraps text in an OSC 8 hyperlink to url. Terminals without
// support ignore the sequence and show the text.
func hyperlink(url, text string) string {
	return "\x1b]8;;" + url + "\x1b\\" + text + "\x1b]8;;\x1b\\"
}

// prettyRenderer renders questions for a terminal in one policy.
type prettyRenderer struct {
	p      Policy
	cfg    ansi.StyleConfig
	doc    *glamour.TermRenderer
	quote  *glamour.TermRenderer
	hl     *highlighter
	margin int
}

func newPretty(p Policy) (*prettyRenderer, error) {
	cfg, err := p.styleConfig()
	if err != nil {
		return nil, err
	}
	r := &prettyRenderer{p: p, cfg: cfg, hl: newHighlighter(cfg, p.Profile)}
	if cfg.Document.Margin != nil {
		r.margin = int(*cfg.Document.Margin)
	}
	mk := func(width int) (*glamour.TermRenderer, error) {
		tr, err := glamour.NewTermRenderer(
			glamour.WithStyles(cfg),
			glamour.WithWordWrap(width),
			glamour.WithColorProfile(p.Profile),
		)
		if err != nil {
			return nil, fmt.Errorf("loading style %s: %w", p.Style, err)
		}
		return tr, nil
	}
	if r.doc, err = mk(p.Width); err != nil {
		return nil, err
	}
	if r.quote, err = mk(p.Width - xansi.StringWidth(r.bar())); err != nil {
		return nil, err
	}
	return r, nil
}

// bar is the summary's left marker: the style's quote token, or a light
// vertical line.
func (r *prettyRenderer) bar() string {
	if t := r.cfg.BlockQuote.IndentToken; t != nil && strings.TrimSpace(*t) != "" {
		return *t
	}
	return "│ "
}

func (r *prettyRenderer) question(q *bank.Question, lookup bank.Lookup) (string, error) {
	d := docParts(q, lookup, true)
	pr := &protected{maxURL: r.p.Width - 2*r.margin - 4}
	md := "# " + titleToken + strings.TrimPrefix(d.head, "# "+q.Title)
	if d.summary != "" {
		md += summaryToken + "\n\n"
	}
	src := pr.prepare(md + d.rest)
	out, err := r.doc.Render(src)
	if err != nil {
		return "", fmt.Errorf("rendering question %s: %w", q.Ref(), err)
	}
	var summary []string
	if d.summary != "" {
		if summary, err = r.summary(pr, d.summary); err != nil {
			return "", fmt.Errorf("rendering question %s: %w", q.Ref(), err)
		}
	}
	blocks := map[string]fenced{}
	for _, b := range pr.blocks {
		blocks[b.token] = b
	}
	codeIndent := r.margin
	if m := r.cfg.CodeBlock.Margin; m != nil {
		codeIndent += int(*m)
	}
	if in := r.cfg.CodeBlock.Indent; in != nil {
		codeIndent += int(*in)
	}
	avail := max(r.p.Width-codeIndent-r.margin, 10)
	lines := hangListItems(strings.Split(out, "\n"), r.p.Width-r.margin)
	res := make([]string, 0, len(lines)+16)
	titled := false // the title is the document's first heading
	for _, l := range lines {
		if strings.Contains(l, "djq") {
			vis := strings.TrimSpace(xansi.Strip(l))
			if !titled && strings.HasSuffix(vis, titleToken) {
				res, titled = append(res, r.title(q.Title)...), true
				continue
			}
			if vis == summaryToken {
				res = append(res, summary...)
				continue
			}
			if b, ok := blocks[vis]; ok {
				res = append(res, r.hl.codeBlock(b.code, b.lang, codeIndent, avail)...)
				continue
			}
		}
		res = append(res, pr.restore(l, r.p.Hyperlinks))
	}
	return strings.Join(res, "\n"), nil
}

// title draws the question's title as the style's H1: glamour wraps a long
// title without the first line's padding and background (issue 26), so
// djq wraps it itself and gives every line the prefix's width, the suffix
// and the heading's colours. A visible marker ("# " in notty) starts the
// first line only; later lines are indented to the text.
func (r *prettyRenderer) title(text string) []string {
	h, head, doc := r.cfg.H1, r.cfg.Heading, r.cfg.Document
	prefix, suffix := orDefault(h.Prefix, head.Prefix), orDefault(h.Suffix, head.Suffix)
	st := mergePrimitive(mergePrimitive(ansi.StylePrimitive{Color: doc.Color, BackgroundColor: doc.BackgroundColor}, head.StylePrimitive), h.StylePrimitive)
	seq := sgr(r.p.Profile, st)
	pw := xansi.StringWidth(prefix)
	avail := max(r.p.Width-2*r.margin-pw-xansi.StringWidth(suffix), 10)
	pad := strings.Repeat(" ", r.margin)
	var out []string
	for i, l := range textwidth.WrapWords(text, avail) {
		body := prefix + l + suffix
		if i > 0 {
			body = strings.Repeat(" ", pw) + l + suffix
		}
		if seq != "" {
			body = seq + body + "\x1b[0m"
		}
		out = append(out, pad+body)
	}
	return out
}

// mergePrimitive is glamour's cascade of two styles: what child sets wins.
func mergePrimitive(parent, child ansi.StylePrimitive) ansi.StylePrimitive {
	set := func(p, c *bool) *bool {
		if c != nil {
			return c
		}
		return p
	}
	out := parent
	if child.Color != nil {
		out.Color = child.Color
	}
	if child.BackgroundColor != nil {
		out.BackgroundColor = child.BackgroundColor
	}
	out.Bold, out.Italic = set(parent.Bold, child.Bold), set(parent.Italic, child.Italic)
	out.Underline, out.Faint = set(parent.Underline, child.Underline), set(parent.Faint, child.Faint)
	return out
}

// summary renders the summary as a paragraph narrower by the bar's width
// and puts the bar after the document margin of every line.
func (r *prettyRenderer) summary(pr *protected, text string) ([]string, error) {
	out, err := r.quote.Render(pr.prepare(text))
	if err != nil {
		return nil, err
	}
	bar := r.bar()
	if seq := sgr(r.p.Profile, r.quoteStyle()); seq != "" {
		bar = seq + bar + "\x1b[0m"
	}
	pad := strings.Repeat(" ", r.margin)
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if strings.TrimSpace(xansi.Strip(l)) == "" {
			continue
		}
		body := xansi.TruncateLeft(l, r.margin, "")
		lines = append(lines, pad+bar+pr.restore(body, r.p.Hyperlinks))
	}
	return lines, nil
}

func (r *prettyRenderer) quoteStyle() ansi.StylePrimitive {
	st := r.cfg.BlockQuote.StylePrimitive
	if st.Color == nil {
		st.Color = r.cfg.Document.Color
	}
	return ansi.StylePrimitive{Color: st.Color, BackgroundColor: st.BackgroundColor}
}

// PrettyVersion changes whenever pretty output changes for the same input, so
// that no cached output written by an older djq is ever served (see
// Identity).
const PrettyVersion = "render-5"

// Pretty renders questions for a terminal: glamour with djq's fixes for
// wrapping, its own code blocks, and hyperlinks when the policy allows.
//
// The result goes through sanitize.Terminal: deck text was sanitised
// before rendering, and this keeps anything a renderer decodes from it
// from reaching the terminal as more than colour or a link.
func Pretty(p Policy, qs []*bank.Question, lookup bank.Lookup) (string, error) {
	r, err := newPretty(p)
	if err != nil {
		return "", err
	}
	var out strings.Builder
	for i, q := range qs {
		if i > 0 {
			out.WriteString("\n")
		}
		s, err := r.question(q, lookup)
		if err != nil {
			return "", err
		}
		out.WriteString(s)
	}
	text := out.String()
	if !p.Color {
		text = joinBoldRuns(text)
	}
	return sanitize.Terminal(trimTrailingSpace(text)), nil
}

// Identity is everything Pretty's output for q depends on, as bytes: a
// cache of pretty output (internal/rendercache) keys its entries by a hash
// of it, so a changed question, related title, style, width, colour depth
// or PrettyVersion gets a new key and stale output is never served. Render knows
// its own inputs; the cache knows nothing of them.
func Identity(p Policy, q *bank.Question, lookup bank.Lookup) ([]byte, error) {
	cfg, err := p.styleConfig()
	if err != nil {
		return nil, err
	}
	style, err := json.Marshal(cfg)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\x00%d\x00%d\x00%t\x00%t\x00", PrettyVersion, p.Width, p.Profile, p.Color, p.Hyperlinks)
	b.Write(style)
	b.WriteByte(0)
	b.WriteString(q.Ref())
	b.WriteByte(0)
	b.WriteString(Markdown(q, lookup))
	return b.Bytes(), nil
}

// Block starts that render's own passes look for.
var (
	headingLine = regexp.MustCompile(`^ {0,3}#{1,6}(\s|$)`)
	fenceLine   = regexp.MustCompile("^ {0,3}(```+|~~~+)")
)

// spanBreak stands where a long code span may break without a space: after
// a "." between names. Both wrappers break at it (it is a Unicode space);
// restore removes it, so a line that does not break there loses nothing
// but one column of slack.
const spanBreak = "\u2008"

// longSpan prepares inline code wider than the text column (issue 26:
// `JsonResponse(data, encoder=..., **kwargs)` overflowed and the terminal
// broke it at column 0). It may break only where spanPieces allows: its
// other spaces and its punctuation are shielded, and a break after a "."
// is marked with spanBreak.
func longSpan(s string, room int) string {
	var b strings.Builder
	for _, piece := range spanPieces(s, room) {
		body := strings.TrimSuffix(piece, " ")
		b.WriteString(protect(strings.ReplaceAll(body, " ", "\ue005")))
		if body != piece {
			b.WriteString(" ")
		} else {
			b.WriteString(spanBreak)
		}
	}
	return strings.TrimSuffix(b.String(), spanBreak)
}

// spanPieces cuts inline code at the places a long span may break: after a
// space outside a double-quoted string (", " of an argument list, the
// words of a shell command) that no punctuation follows, and after a "."
// that joins two names (a method chain, a dotted path) outside a URL. A
// piece still wider than room is cut again after "(", "[" or "=", so that
// `SeparateDatabaseAndState(state_operations=[...` fits too. Each piece
// keeps its trailing space.
func spanPieces(s string, room int) []string {
	var out []string
	start, quoted, inURL := 0, false, false
	for i := 1; i < len(s); i++ {
		switch c := s[i-1]; {
		case c == '"':
			quoted = !quoted
		case c == ' ':
			inURL = false
		case c == ':' && strings.HasPrefix(s[i:], "//"):
			inURL = true
		}
		afterSpace := s[i-1] == ' ' && !strings.ContainsRune(" .,;:)]}", rune(s[i])) && !quoted && i >= 2 && s[i-2] != ' '
		afterDot := s[i-1] == '.' && i >= 2 && isNameByte(s[i-2]) && isNameStart(s[i]) && !inURL
		if afterSpace || afterDot {
			out = append(out, s[start:i])
			start = i
		}
	}
	out = append(out, s[start:])
	var fine []string
	for _, p := range out {
		if xansi.StringWidth(p) <= room {
			fine = append(fine, p)
			continue
		}
		last := 0
		for i := 1; i < len(p)-1; i++ {
			if strings.ContainsRune("([=", rune(p[i-1])) && isNameStart(p[i]) || p[i-1] == '[' && p[i] != ']' {
				fine = append(fine, p[last:i])
				last = i
			}
		}
		fine = append(fine, p[last:])
	}
	return fine
}

func isNameByte(c byte) bool { return isNameStart(c) || c >= '0' && c <= '9' || c == ')' || c == ']' }

func isNameStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}
