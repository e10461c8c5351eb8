package render

import (
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/charmbracelet/glamour/ansi"
	xansi "github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// contMarker starts the continuation of a code line too long for the
// terminal. It sits at the line's own indentation, inside the block, so
// the code never spills into the prose column, and a reader sees at once
// that the line goes on.
const contMarker = "↪ "

// segment is a run of code text in one style.
type segment struct {
	sgr  string
	text string
}

// codeLine is one source line of a code block, split into styled runs.
type codeLine []segment

func (l codeLine) plain() string {
	var b strings.Builder
	for _, s := range l {
		b.WriteString(s.text)
	}
	return b.String()
}

// tokenStyles maps chroma token types to a style's primitives, the same
// table glamour registers as its chroma theme.
func tokenStyles(c *ansi.Chroma) map[chroma.TokenType]ansi.StylePrimitive {
	return map[chroma.TokenType]ansi.StylePrimitive{
		chroma.Text: c.Text, chroma.Error: c.Error, chroma.Comment: c.Comment,
		chroma.CommentPreproc: c.CommentPreproc, chroma.Keyword: c.Keyword,
		chroma.KeywordReserved: c.KeywordReserved, chroma.KeywordNamespace: c.KeywordNamespace,
		chroma.KeywordType: c.KeywordType, chroma.Operator: c.Operator,
		chroma.Punctuation: c.Punctuation, chroma.Name: c.Name, chroma.NameBuiltin: c.NameBuiltin,
		chroma.NameTag: c.NameTag, chroma.NameAttribute: c.NameAttribute, chroma.NameClass: c.NameClass,
		chroma.NameConstant: c.NameConstant, chroma.NameDecorator: c.NameDecorator,
		chroma.NameException: c.NameException, chroma.NameFunction: c.NameFunction,
		chroma.NameOther: c.NameOther, chroma.Literal: c.Literal, chroma.LiteralNumber: c.LiteralNumber,
		chroma.LiteralDate: c.LiteralDate, chroma.LiteralString: c.LiteralString,
		chroma.LiteralStringEscape: c.LiteralStringEscape, chroma.GenericDeleted: c.GenericDeleted,
		chroma.GenericEmph: c.GenericEmph, chroma.GenericInserted: c.GenericInserted,
		chroma.GenericStrong: c.GenericStrong, chroma.GenericSubheading: c.GenericSubheading,
	}
}

// highlighter turns code into styled lines for one style and colour
// profile. It converts each token type's colour once, which is what keeps
// 16- and 256-colour output as fast as true colour.
type highlighter struct {
	profile termenv.Profile
	plain   string // the block's own colour, for unstyled text
	styles  map[chroma.TokenType]ansi.StylePrimitive
	seqs    map[chroma.TokenType]string
}

func newHighlighter(cfg ansi.StyleConfig, profile termenv.Profile) *highlighter {
	h := &highlighter{profile: profile, seqs: map[chroma.TokenType]string{}}
	if profile == termenv.Ascii {
		return h
	}
	h.plain = sgr(profile, cfg.CodeBlock.StylePrimitive)
	if cfg.CodeBlock.Chroma != nil {
		h.styles = tokenStyles(cfg.CodeBlock.Chroma)
	}
	return h
}

// seq is the escape sequence for a token type: its own style, else its
// sub-category's, else its category's, else the block's colour.
func (h *highlighter) seq(t chroma.TokenType) string {
	if s, ok := h.seqs[t]; ok {
		return s
	}
	s := h.plain
	for _, tt := range []chroma.TokenType{t, t.SubCategory(), t.Category()} {
		if st, ok := h.styles[tt]; ok && st != (ansi.StylePrimitive{}) {
			s = sgr(h.profile, st)
			break
		}
	}
	h.seqs[t] = s
	return s
}

// lines splits code into styled lines. Without colour, or without a known
// language, each line is one plain run.
func (h *highlighter) lines(code, lang string) []codeLine {
	code = strings.TrimSuffix(expandTabs(code), "\n")
	var lexer chroma.Lexer
	if h.profile != termenv.Ascii && h.styles != nil && lang != "" {
		lexer = lexers.Get(lang)
	}
	if lexer == nil {
		var out []codeLine
		for _, l := range strings.Split(code, "\n") {
			out = append(out, codeLine{{sgr: h.plain, text: l}})
		}
		return out
	}
	toks, err := tokenise(lexer, lang, code)
	if err != nil {
		return h.lines(code, "")
	}
	out := []codeLine{nil}
	for _, tok := range toks {
		parts := strings.Split(tok.Value, "\n")
		for i, part := range parts {
			if i > 0 {
				out = append(out, nil)
			}
			if part != "" {
				out[len(out)-1] = append(out[len(out)-1], segment{sgr: h.seq(tok.Type), text: part})
			}
		}
	}
	// The tokeniser's own final newline leaves one empty line at the end.
	if len(out) > 1 && len(out[len(out)-1]) == 0 {
		out = out[:len(out)-1]
	}
	return out
}

// tokenCache keeps each code block's tokens for the life of the process:
// lexing is the dearest part of highlighting, and the same block is
// rendered again at another width (browse on resize) or in another style.
// Tokens do not depend on either.
var tokenCache sync.Map // lang + "\x00" + code -> []chroma.Token

func tokenise(lexer chroma.Lexer, lang, code string) ([]chroma.Token, error) {
	key := lang + "\x00" + code
	if v, ok := tokenCache.Load(key); ok {
		return v.([]chroma.Token), nil
	}
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code+"\n")
	if err != nil {
		return nil, err
	}
	toks := it.Tokens()
	tokenCache.Store(key, toks)
	return toks, nil
}

func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	return strings.ReplaceAll(s, "\t", "    ")
}

// codeBlock renders a fenced code block: indent is the block's left edge
// (document margin plus code margin), avail the columns the code may use.
// A line longer than avail continues on the next line at its own
// indentation behind contMarker; it is broken after a space or comma when
// one falls in the last part of the line, so words and arguments stay whole.
func (h *highlighter) codeBlock(code, lang string, indent, avail int) []string {
	pad := strings.Repeat(" ", indent)
	marker := contMarker
	if h.profile != termenv.Ascii {
		marker = h.seq(chroma.Comment) + contMarker + "\x1b[0m"
	}
	var out []string
	for _, l := range h.lines(code, lang) {
		plain := l.plain()
		if xansi.StringWidth(plain) <= avail {
			out = append(out, pad+h.join(l))
			continue
		}
		lead := len(plain) - len(strings.TrimLeft(plain, " "))
		room := avail - lead - xansi.StringWidth(contMarker)
		if room < avail/2 {
			lead, room = 0, avail-xansi.StringWidth(contMarker)
		}
		first := true
		for len(l) > 0 {
			limit := avail
			if !first {
				limit = room
			}
			head, rest := splitLine(l, limit)
			if first {
				out = append(out, pad+h.join(head))
			} else {
				out = append(out, pad+strings.Repeat(" ", lead)+marker+h.join(head))
			}
			first = false
			l = rest
		}
	}
	return out
}

// join writes a line's runs with their escape sequences, closing each.
func (h *highlighter) join(l codeLine) string {
	var b strings.Builder
	for _, s := range l {
		if s.sgr == "" {
			b.WriteString(s.text)
			continue
		}
		b.WriteString(s.sgr)
		b.WriteString(s.text)
		b.WriteString("\x1b[0m")
	}
	return b.String()
}

// splitLine cuts a line to at most limit columns and drops the spaces at
// the cut; rest is nil when all fits. It breaks at the first of these
// that exists (issue 26 found identifiers cut in two, "order_" / "by(",
// where a space was a few columns back):
//
//  1. a space or comma in the last 40% of the room;
//  2. after an opening bracket, ".", "=" or ":" in the last 40%;
//  3. a space or comma anywhere after the first two columns of code;
//  4. that punctuation anywhere;
//  5. the limit itself, inside a word.
//
// A break that would leave a comment's "#" alone at the end of the line
// moves before the "#", so the comment continues whole.
func splitLine(l codeLine, limit int) (head, rest codeLine) {
	plain := []rune(l.plain())
	if xansi.StringWidth(string(plain)) <= limit {
		return l, nil
	}
	// The rune index where the width reaches limit.
	cut := len([]rune(xansi.Truncate(string(plain), limit, "")))
	lead := 0
	for lead < len(plain) && plain[lead] == ' ' {
		lead++
	}
	best := -1
	for _, tier := range []struct {
		breaks string
		from   int
	}{
		{" ,", cut * 6 / 10}, {"([{.=:", cut * 6 / 10}, {" ,", lead + 2}, {"([{.=:", lead + 2},
	} {
		for i := cut; i > tier.from && i > 0; i-- {
			if i > lead+1 && strings.ContainsRune(tier.breaks, plain[i-1]) {
				best = i
				break
			}
		}
		if best > 0 {
			break
		}
	}
	if best > 0 {
		cut = best
	}
	if h := strings.TrimRight(string(plain[:cut]), " "); strings.HasSuffix(h, " #") {
		if c := len([]rune(h)) - 1; strings.TrimSpace(string(plain[:c])) != "" {
			cut = c
		}
	}
	cut = max(cut, 1)
	head, rest = splitRunes(l, cut)
	head = trimRightSpaces(head)
	rest = trimLeftSpaces(rest)
	return head, rest
}

func splitRunes(l codeLine, n int) (head, rest codeLine) {
	for i, s := range l {
		r := []rune(s.text)
		if n >= len(r) {
			head = append(head, s)
			n -= len(r)
			continue
		}
		if n > 0 {
			head = append(head, segment{s.sgr, string(r[:n])})
		}
		rest = append(codeLine{{s.sgr, string(r[n:])}}, l[i+1:]...)
		return head, rest
	}
	return head, nil
}

func trimLeftSpaces(l codeLine) codeLine {
	for len(l) > 0 {
		t := strings.TrimLeft(l[0].text, " ")
		if t != "" {
			l[0].text = t
			return l
		}
		l = l[1:]
	}
	return l
}

func trimRightSpaces(l codeLine) codeLine {
	for len(l) > 0 {
		i := len(l) - 1
		t := strings.TrimRight(l[i].text, " ")
		if t != "" {
			l[i].text = t
			return l
		}
		l = l[:i]
	}
	return l
}
