package render

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/glamour/styles"
	"github.com/muesli/termenv"

	"github.com/djq-cli/djq/internal/sanitize"
)

// Style16 is djq's 16-colour style: every colour is an ANSI index (0–15),
// so the terminal's own palette applies and termenv never searches for the
// nearest colour (which costs more than the rest of a render). It is used
// for dark, light and auto whenever the terminal advertises 16 colours.
const Style16 = "16color"

// djqStyles are the styles djq ships, derived from glamour's: headings
// without the literal "##" markers, inline code without the padding spaces
// that leave punctuation alone at the start of a wrapped line, and body
// text in the terminal's own foreground colour.
var djqStyles = map[string]func() ansi.StyleConfig{
	styles.DarkStyle:  func() ansi.StyleConfig { return djqStyle(styles.DarkStyleConfig) },
	styles.LightStyle: func() ansi.StyleConfig { return djqStyle(styles.LightStyleConfig) },
	Style16:           style16,
}

// djqStyle derives one of djq's styles from glamour's. Body text keeps the
// terminal's default foreground: it is what the user chose to read in,
// and glamour styles every run of text and every padding space with it,
// which made a third of the cost of rendering.
func djqStyle(base ansi.StyleConfig) ansi.StyleConfig {
	cfg := plainHeadings(tightCode(base))
	cfg.Document.Color = nil
	return cfg
}

// styleConfig resolves the policy's style to a glamour style: djq's own for
// dark, light and 16color (and 16color for dark or light at 16 colours),
// glamour's for its other names, or a JSON style file.
func (p Policy) styleConfig() (ansi.StyleConfig, error) {
	name := p.Style
	if name == "" || name == styles.AutoStyle {
		name = styles.DarkStyle
	}
	if StylePath(name) != "" {
		// The caller read the file (Policy.StyleData): render reads none.
		var cfg ansi.StyleConfig
		if err := json.Unmarshal([]byte(p.StyleData), &cfg); err != nil {
			return ansi.StyleConfig{}, fmt.Errorf("loading style %s: %w", name, err)
		}
		return cfg, nil
	}
	if p.Profile == termenv.ANSI && (name == styles.DarkStyle || name == styles.LightStyle) {
		name = Style16
	}
	if mk, ok := djqStyles[name]; ok {
		return mk(), nil
	}
	if cfg, ok := styles.DefaultStyles[name]; ok {
		// pink pads inline code like dark did: the pad orphans a "," or
		// "." at the start of a line.
		return tightCode(*cfg), nil
	}
	return ansi.StyleConfig{}, fmt.Errorf("unknown style %s", sanitize.Quote(name))
}

func ptr[T any](v T) *T { return &v }

// plainHeadings drops the "## " prefixes: colour and weight already mark a
// heading on a terminal. The H1 keeps its padding, which frames its
// background. Only new pointers and strings are assigned, so glamour's own
// style values stay untouched.
func plainHeadings(cfg ansi.StyleConfig) ansi.StyleConfig {
	for _, h := range []*ansi.StyleBlock{&cfg.H2, &cfg.H3, &cfg.H4, &cfg.H5, &cfg.H6} {
		h.Prefix = ""
	}
	return cfg
}

// tightCode removes the space glamour pads inline code with on each side:
// the background colour marks the span, and the trailing pad is a break
// opportunity that orphans the punctuation after the span.
func tightCode(cfg ansi.StyleConfig) ansi.StyleConfig {
	cfg.Code.Prefix, cfg.Code.Suffix = "", ""
	return cfg
}

// style16 is the dark style's layout with ANSI colour indices. Text keeps
// the terminal's default colour, so the same style reads on dark and light
// backgrounds. Nothing a user must read is drawn in black (30) or bright
// black (90), which many dark palettes (Solarized, Gruvbox, the Linux
// console) show barely apart from the background: names and punctuation
// in code keep the default colour (issue 26 found names in bright black),
// operators are red, comments are faint (SGR 2: a dimmer shade of the
// user's own foreground, or plain text where faint is not supported),
// keywords bright blue (plain blue is hard to read on black). Only the
// horizontal rule, a decoration, stays bright black.
func style16() ansi.StyleConfig {
	cfg := djqStyle(styles.DarkStyleConfig)
	c := ptr[string]
	cfg.Heading.Color = c("12")
	cfg.H1.Color, cfg.H1.BackgroundColor = c("15"), c("4")
	cfg.H6.Color = c("2")
	cfg.HorizontalRule.Color = c("8")
	cfg.Link.Color = c("6")
	cfg.LinkText.Color = c("2")
	cfg.Image.Color = c("5")
	cfg.ImageText.Color = nil
	cfg.Code.Color, cfg.Code.BackgroundColor = c("1"), nil
	cfg.CodeBlock.Color = nil
	cfg.CodeBlock.Chroma = &ansi.Chroma{
		Text:                ansi.StylePrimitive{},
		Error:               ansi.StylePrimitive{Color: c("15"), BackgroundColor: c("1")},
		Comment:             ansi.StylePrimitive{Faint: ptr(true)},
		CommentPreproc:      ansi.StylePrimitive{Color: c("3")},
		Keyword:             ansi.StylePrimitive{Color: c("12")},
		KeywordReserved:     ansi.StylePrimitive{Color: c("5")},
		KeywordNamespace:    ansi.StylePrimitive{Color: c("5")},
		KeywordType:         ansi.StylePrimitive{Color: c("12")},
		Operator:            ansi.StylePrimitive{Color: c("1")},
		Punctuation:         ansi.StylePrimitive{},
		NameBuiltin:         ansi.StylePrimitive{Color: c("5")},
		NameTag:             ansi.StylePrimitive{Color: c("5")},
		NameAttribute:       ansi.StylePrimitive{Color: c("6")},
		NameClass:           ansi.StylePrimitive{Bold: ptr(true), Underline: ptr(true)},
		NameDecorator:       ansi.StylePrimitive{Color: c("3")},
		NameFunction:        ansi.StylePrimitive{Color: c("2")},
		LiteralNumber:       ansi.StylePrimitive{Color: c("6")},
		LiteralString:       ansi.StylePrimitive{Color: c("3")},
		LiteralStringEscape: ansi.StylePrimitive{Color: c("6")},
		GenericDeleted:      ansi.StylePrimitive{Color: c("1")},
		GenericEmph:         ansi.StylePrimitive{Italic: ptr(true)},
		GenericInserted:     ansi.StylePrimitive{Color: c("2")},
		GenericStrong:       ansi.StylePrimitive{Bold: ptr(true)},
		GenericSubheading:   ansi.StylePrimitive{Bold: ptr(true)},
	}
	return cfg
}

// sgr returns the escape sequence that turns on primitive st at profile,
// or "" when it sets nothing or colour is off. Each colour is converted
// once here, not once per styled run.
func sgr(profile termenv.Profile, st ansi.StylePrimitive) string {
	if profile == termenv.Ascii {
		return ""
	}
	s := profile.String()
	if st.Color != nil {
		s = s.Foreground(profile.Color(*st.Color))
	}
	if st.BackgroundColor != nil {
		s = s.Background(profile.Color(*st.BackgroundColor))
	}
	if st.Bold != nil && *st.Bold {
		s = s.Bold()
	}
	if st.Faint != nil && *st.Faint {
		s = s.Faint()
	}
	if st.Italic != nil && *st.Italic {
		s = s.Italic()
	}
	if st.Underline != nil && *st.Underline {
		s = s.Underline()
	}
	seq, _, _ := strings.Cut(s.Styled("\x00"), "\x00")
	return seq
}
