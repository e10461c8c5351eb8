// Package render is the one place that decides how djq's output looks:
// pretty (glamour on a terminal), markdown (clean source for pipes and
// notes) or json (for scripts), with which style, width and colour.
//
// The decision is made once, from flags, environment and TTY state, by
// Decide; every command then passes the resulting Policy down explicitly.
package render

import (
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/glamour/styles"
	"github.com/muesli/termenv"

	"github.com/djq-cli/djq/internal/exitcode"
	"github.com/djq-cli/djq/internal/iostreams"
	"github.com/djq-cli/djq/internal/paths"
	"github.com/djq-cli/djq/internal/sanitize"
)

// Format is an output format.
type Format string

// The output formats. FormatAuto is resolved by Decide to pretty or markdown.
const (
	FormatAuto     Format = "auto"
	FormatPretty   Format = "pretty"
	FormatMarkdown Format = "markdown"
	FormatJSON     Format = "json"
)

// FormatNames lists the values --format accepts.
var FormatNames = []string{"auto", "pretty", "markdown", "json"}

// ColorNames lists the values --color accepts.
var ColorNames = []string{"auto", "always", "never"}

// StyleNames lists the built-in values --style accepts; a path to a glamour
// JSON style file is accepted too.
var StyleNames = []string{"auto", "dark", "light", Style16, "notty", "ascii", "dracula", "pink", "tokyo-night"}

// Width limits: below MinWidth nothing useful fits, above MaxWidth lines are
// too long to read; the terminal's own width is capped at DefaultMaxWidth.
const (
	MinWidth        = 20
	MaxWidth        = 500
	DefaultMaxWidth = 120
	// FallbackWidth is used for pretty output when stdout is not a terminal.
	FallbackWidth = 80
)

// Flags are the user's rendering choices as given on the command line.
type Flags struct {
	Format string
	Color  string
	Style  string
	// Width is --width; 0 means "not given".
	Width    int
	WidthSet bool
	// Hyperlinks is the user's choice for OSC 8 links in pretty output:
	// "auto" (or empty), "always" or "never". DJQ_HYPERLINKS=0 (or never,
	// false, off) turns them off and =1 (always, true, on) on when no flag
	// is given.
	Hyperlinks string
	// RendersAnswers is true for commands that render answers with
	// glamour; only they need the style, and so only they may ask the
	// terminal for its background colour.
	RendersAnswers bool
}

// Policy is the resolved rendering decision.
type Policy struct {
	Format Format
	// Color is true when escape sequences may be written.
	Color bool
	// Style is a glamour standard style name, or a path to a JSON style file.
	Style string
	// Width is the column count to wrap pretty output to.
	Width int
	// TTY is true when stdout is a terminal.
	TTY bool
	// Profile is the colour depth for pretty output: Ascii when colour is
	// off.
	Profile termenv.Profile
	// Hyperlinks is true when pretty output may wrap URLs in OSC 8
	// hyperlinks.
	Hyperlinks bool
	// AfterText is true when stdout is a non-empty regular file, as with
	// `djq show 21 >> notes.md`: Markdown output then starts with a blank
	// line so that its title does not stick to the text before it.
	AfterText bool
	// CacheDir is djq's cache folder; pretty output of one question is
	// cached under it. Empty turns the cache off (tests, no HOME).
	CacheDir string
}

// ParseFormat validates a --format value.
func ParseFormat(s string) (Format, error) {
	f := Format(strings.ToLower(strings.TrimSpace(s)))
	for _, n := range FormatNames {
		if string(f) == n {
			return f, nil
		}
	}
	return "", exitcode.Usagef("unknown format %s: valid formats are %s", sanitize.Quote(s), strings.Join(FormatNames, ", "))
}

// ParseColor validates a --color value.
func ParseColor(s string) (iostreams.ColorMode, error) {
	c := strings.ToLower(strings.TrimSpace(s))
	for _, n := range ColorNames {
		if c == n {
			return iostreams.ColorMode(c), nil
		}
	}
	return "", exitcode.Usagef("unknown color mode %s: valid modes are %s", sanitize.Quote(s), strings.Join(ColorNames, ", "))
}

// ParseStyle validates a --style value (or GLAMOUR_STYLE): a built-in style
// name or the path of an existing glamour JSON style file.
func ParseStyle(s, source string) (string, error) {
	name := strings.TrimSpace(s)
	lower := strings.ToLower(name)
	for _, n := range StyleNames {
		if lower == n {
			return n, nil
		}
	}
	if strings.HasSuffix(lower, ".json") {
		if st, err := os.Stat(name); err == nil && !st.IsDir() {
			return name, nil
		}
		return "", exitcode.Usagef("style file %s given by %s does not exist", sanitize.Quote(s), source)
	}
	return "", exitcode.Usagef("unknown style %s given by %s: valid styles are %s, or a glamour JSON style file", sanitize.Quote(s), source, strings.Join(StyleNames, ", "))
}

// Decide resolves the user's flags against the environment and the
// terminal. It never blocks for long: the terminal background is only
// queried when the style is auto, colour is on, and stdout is a terminal,
// and the query gives up after BackgroundQueryTimeout.
func Decide(ios *iostreams.IOStreams, fl Flags) (Policy, error) {
	format, err := ParseFormat(orDefault(fl.Format, "auto"))
	if err != nil {
		return Policy{}, err
	}
	colorMode, err := ParseColor(orDefault(fl.Color, "auto"))
	if err != nil {
		return Policy{}, err
	}
	styleSource := "--style"
	styleText := fl.Style
	if styleText == "" {
		styleText, styleSource = ios.Getenv("GLAMOUR_STYLE"), "GLAMOUR_STYLE"
	}
	style := "auto"
	if styleText != "" {
		if style, err = ParseStyle(styleText, styleSource); err != nil {
			return Policy{}, err
		}
	}
	if fl.WidthSet && (fl.Width < MinWidth || fl.Width > MaxWidth) {
		return Policy{}, exitcode.Usagef("invalid width %d: use a number of columns from %d to %d", fl.Width, MinWidth, MaxWidth)
	}

	p := Policy{TTY: ios.IsStdoutTTY(), Color: ios.ColorEnabled(colorMode)}
	if format == FormatAuto {
		// A user who forces colour through a pipe (`--color always | less -R`,
		// CLICOLOR_FORCE) wants the rendered view, not the source.
		if p.TTY || p.Color {
			format = FormatPretty
		} else {
			format = FormatMarkdown
		}
	}
	p.Format = format

	// Width: --width, else the terminal on stdout, else (pretty output
	// forced into a pipe) the controlling terminal the pipe is read in,
	// else COLUMNS, else 80. Terminal widths are capped for readability.
	switch {
	case fl.WidthSet:
		p.Width = fl.Width
	case ios.TerminalWidth() > 0:
		p.Width = min(ios.TerminalWidth(), DefaultMaxWidth)
	case format == FormatPretty && ios.ControllingTerminalWidth() > 0:
		p.Width = min(ios.ControllingTerminalWidth(), DefaultMaxWidth)
	case columns(ios) > 0:
		p.Width = min(columns(ios), DefaultMaxWidth)
	default:
		p.Width = FallbackWidth
	}
	p.Width = max(p.Width, MinWidth)

	if format == FormatPretty {
		switch {
		case !p.Color:
			style = styles.NoTTYStyle
		case style == "auto" && fl.RendersAnswers:
			style = autoStyle(ios)
		}
	}
	p.Style = style
	p.Profile = termenv.Ascii
	if p.Color {
		p.Profile = colorProfile(ios.Getenv)
	}
	if p.Hyperlinks, err = hyperlinks(ios, fl.Hyperlinks, p); err != nil {
		return Policy{}, err
	}
	p.AfterText = format == FormatMarkdown && ios.StdoutAppends()
	if format == FormatPretty && fl.RendersAnswers && ios.Getenv("DJQ_RENDER_CACHE") != "0" {
		p.CacheDir = paths.Resolve(ios.Getenv).Cache
	}
	return p, nil
}

// columns reads COLUMNS, or 0 when it is not a usable width.
func columns(ios *iostreams.IOStreams) int {
	n, err := strconv.Atoi(strings.TrimSpace(ios.Getenv("COLUMNS")))
	if err != nil || n < MinWidth || n > MaxWidth {
		return 0
	}
	return n
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// autoStyle picks dark or light for the terminal's background, dark when
// the terminal does not say.
func autoStyle(ios *iostreams.IOStreams) string {
	if ios.TerminalBackground() == iostreams.BackgroundLight {
		return styles.LightStyle
	}
	return styles.DarkStyle
}

// HyperlinkNames lists the values Flags.Hyperlinks and DJQ_HYPERLINKS
// accept.
var HyperlinkNames = []string{"auto", "always", "never"}

// hyperlinks decides whether pretty output carries OSC 8 links: only with
// colour on (not with NO_COLOR, --color never or TERM=dumb), and in auto
// mode only on a terminal whose TERM is known to handle them or ignore
// them cleanly. The Linux console and GNU screen print them as garbage.
func hyperlinks(ios *iostreams.IOStreams, flag string, p Policy) (bool, error) {
	value, source := flag, "--hyperlinks"
	if strings.TrimSpace(value) == "" {
		value, source = ios.Getenv("DJQ_HYPERLINKS"), "DJQ_HYPERLINKS"
	}
	switch strings.ToLower(strings.TrimSpace(value)) {
	case "", "auto":
	case "always", "1", "true", "on", "yes":
		return p.Format == FormatPretty && p.Color, nil
	case "never", "0", "false", "off", "no":
		return false, nil
	default:
		return false, exitcode.Usagef("unknown hyperlink mode %s given by %s: valid modes are %s", sanitize.Quote(value), source, strings.Join(HyperlinkNames, ", "))
	}
	if p.Format != FormatPretty || !p.Color || !p.TTY {
		return false, nil
	}
	t := ios.Getenv("TERM")
	return t != "" && t != "dumb" && t != "linux" && !strings.HasPrefix(t, "screen"), nil
}
