// Package render is the one place that decides how djq's output looks:
// pretty (glamour on a terminal), markdown (clean source for pipes and
// notes) or json (for scripts), with which style, width and colour.
//
// The decision is made once, from flags and the facts about the terminal
// (a Terminal the command layer fills), by Decide; every command then
// passes the resulting Policy down explicitly. render is pure: it reads no
// file, no environment variable and no terminal, so every output is a
// function of (questions, policy) that tests can pin down exactly. What
// needs I/O (the facts, a style file's bytes, the cache of pretty output)
// is read or written by the caller (internal/renderenv,
// internal/rendercache).
package render

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/glamour/styles"
	"github.com/muesli/termenv"

	"github.com/djq-cli/djq/internal/errkind"
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
	// Style is a glamour standard style name, or the path of the JSON
	// style file whose bytes are StyleData (the path names it in errors).
	Style string
	// StyleData is the JSON style file's content when Style is a path.
	StyleData string
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
	// Lead is what Markdown output writes first when stdout is a file
	// that already holds text, as with `djq show 21 >> notes.md`: the
	// newlines that leave exactly one blank line between that text and
	// the new "# " title (see AppendLead).
	Lead string
	// Short draws each question's title and direct answer only (`djq
	// show --short`), for revision; set by the command, not by Decide.
	Short bool
}

// Terminal is what Decide needs to know about where output goes and the
// environment, read by the caller (internal/renderenv reads it from
// iostreams) so that render itself touches no terminal, file or variable.
type Terminal struct {
	// StdoutTTY is true when stdout is a terminal.
	StdoutTTY bool
	// ColorAuto is whether colour is on when --color is auto: NO_COLOR,
	// CLICOLOR_FORCE, TERM=dumb and the TTY state, as iostreams decides.
	ColorAuto bool
	// Width is the width of the terminal on stdout, 0 when stdout is not
	// one; ControllingWidth that of the controlling terminal (/dev/tty), 0
	// when there is none.
	Width, ControllingWidth int
	// Appends is true when stdout is a non-empty regular file; Tail is
	// its last bytes, "" when they could not be read.
	Appends bool
	Tail    string
	// Env holds the values of the variables in EnvNames ("" when unset).
	Env map[string]string
	// StyleFiles holds the content of JSON style files by path: the one
	// --style or GLAMOUR_STYLE names when the caller could read it. A style
	// path missing here does not exist.
	StyleFiles map[string]string
	// LightBackground asks the terminal whether its background is light.
	// It may wait for the terminal's answer, so Decide calls it only when
	// the style must follow the background; nil means dark.
	LightBackground func() bool
}

// EnvNames are the environment variables Decide and OnTerminal read from
// Terminal.Env.
var EnvNames = []string{"GLAMOUR_STYLE", "FZF_PREVIEW_COLUMNS", "COLUMNS", "COLORTERM", "TERM", "DJQ_HYPERLINKS", "NO_COLOR"}

// ColorMode is a --color value.
type ColorMode string

// The values --color accepts.
const (
	ColorAuto   ColorMode = "auto"
	ColorAlways ColorMode = "always"
	ColorNever  ColorMode = "never"
)

// ParseFormat validates a --format value.
func ParseFormat(s string) (Format, error) {
	f := Format(strings.ToLower(strings.TrimSpace(s)))
	for _, n := range FormatNames {
		if string(f) == n {
			return f, nil
		}
	}
	return "", errkind.Usagef("unknown format %s: valid formats are %s", sanitize.Quote(s), strings.Join(FormatNames, ", "))
}

// ParseColor validates a --color value.
func ParseColor(s string) (ColorMode, error) {
	c := strings.ToLower(strings.TrimSpace(s))
	for _, n := range ColorNames {
		if c == n {
			return ColorMode(c), nil
		}
	}
	return "", errkind.Usagef("unknown color mode %s: valid modes are %s", sanitize.Quote(s), strings.Join(ColorNames, ", "))
}

// StyleText is the style the user asked for and where it came from:
// --style, else GLAMOUR_STYLE, else "" (auto).
func StyleText(fl Flags, env map[string]string) (text, source string) {
	if fl.Style != "" {
		return fl.Style, "--style"
	}
	return env["GLAMOUR_STYLE"], "GLAMOUR_STYLE"
}

// StylePath is the path of the JSON style file text names, or "" when it
// names a built-in style: the caller reads that file into
// Terminal.StyleFiles.
func StylePath(text string) string {
	if name := strings.TrimSpace(text); strings.HasSuffix(strings.ToLower(name), ".json") {
		return name
	}
	return ""
}

// ParseStyle validates a --style value (or GLAMOUR_STYLE): a built-in style
// name or the path of a glamour JSON style file present in files (the
// caller read it; a path it could not read does not exist).
func ParseStyle(s, source string, files map[string]string) (string, error) {
	name := strings.TrimSpace(s)
	lower := strings.ToLower(name)
	for _, n := range StyleNames {
		if lower == n {
			return n, nil
		}
	}
	if path := StylePath(name); path != "" {
		if _, ok := files[path]; ok {
			return path, nil
		}
		return "", errkind.Usagef("style file %s given by %s does not exist", sanitize.Quote(s), source)
	}
	return "", errkind.Usagef("unknown style %s given by %s: valid styles are %s, or a glamour JSON style file", sanitize.Quote(s), source, strings.Join(StyleNames, ", "))
}

// Decide resolves the user's flags against the terminal and the
// environment t describes. It never blocks for long: the terminal
// background is only asked for (t.LightBackground) when the style is auto,
// colour is on, and the command renders answers.
func Decide(t Terminal, fl Flags) (Policy, error) {
	format, err := ParseFormat(orDefault(fl.Format, "auto"))
	if err != nil {
		return Policy{}, err
	}
	colorMode, err := ParseColor(orDefault(fl.Color, "auto"))
	if err != nil {
		return Policy{}, err
	}
	styleText, styleSource := StyleText(fl, t.Env)
	style := "auto"
	if styleText != "" {
		if style, err = ParseStyle(styleText, styleSource, t.StyleFiles); err != nil {
			return Policy{}, err
		}
	}
	if fl.WidthSet && (fl.Width < MinWidth || fl.Width > MaxWidth) {
		return Policy{}, errkind.Usagef("invalid width %d: use a number of columns from %d to %d", fl.Width, MinWidth, MaxWidth)
	}

	p := Policy{TTY: t.StdoutTTY, Color: colorMode == ColorAlways || colorMode == ColorAuto && t.ColorAuto}
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
	p.Width = decideWidth(t, fl, format)

	if format == FormatPretty {
		switch {
		case !p.Color:
			style = styles.NoTTYStyle
		case style == "auto" && fl.RendersAnswers:
			style = autoStyle(t)
		}
	}
	p.Style = style
	p.StyleData = t.StyleFiles[style]
	p.Profile = termenv.Ascii
	if p.Color {
		p.Profile = colorProfile(t.Env)
	}
	if p.Hyperlinks, err = hyperlinks(t.Env, fl.Hyperlinks, p); err != nil {
		return Policy{}, err
	}
	if t.Appends {
		p.Lead = AppendLead(t.Tail)
	}
	return p, nil
}

// AppendLead is what to write before a Markdown document appended to a
// file whose text ends with tail, so that one blank line, never more,
// separates them: nothing after a blank line (a line of only spaces counts,
// and djq never rewrites what is already there), "\n" after a final
// newline, "\n\n" after a last line without one. An unknown end ("": the
// file could not be read back) is taken to be a final newline, which is
// how djq and most editors leave files.
func AppendLead(tail string) string {
	if tail == "" {
		return "\n"
	}
	newlines := 0
	for i := len(tail) - 1; i >= 0 && newlines < 2; i-- {
		switch tail[i] {
		case '\n':
			newlines++
		case ' ', '\t', '\r':
		default:
			return "\n\n"[newlines:]
		}
	}
	return "\n\n"[newlines:]
}

// decideWidth is the one precedence for the width of every command's
// pretty output: --width, then FZF_PREVIEW_COLUMNS (fzf sets it for its
// preview pane, which is narrower than the terminal fzf runs in), then
// COLUMNS, then the terminal on stdout, then (pretty output forced into a
// pipe) the controlling terminal the pipe is read in, then 80. The
// variables come before the terminal because whoever sets them knows where
// the text goes better than the terminal does. --width is taken as given;
// the variables and terminals describe the space there is, so they are
// capped at DefaultMaxWidth for readability like the terminal's own width.
func decideWidth(t Terminal, fl Flags, format Format) int {
	w := FallbackWidth
	switch {
	case fl.WidthSet:
		return fl.Width
	case EnvColumns(t.Env["FZF_PREVIEW_COLUMNS"]) > 0:
		w = EnvColumns(t.Env["FZF_PREVIEW_COLUMNS"])
	case EnvColumns(t.Env["COLUMNS"]) > 0:
		w = EnvColumns(t.Env["COLUMNS"])
	case t.StdoutTTY && t.Width > 0:
		w = t.Width
	case format == FormatPretty && t.ControllingWidth > 0:
		w = t.ControllingWidth
	}
	return max(min(w, DefaultMaxWidth), MinWidth)
}

// EnvColumns reads a width variable (COLUMNS, FZF_PREVIEW_COLUMNS), or 0
// when it is not a positive whole number: like other tools, djq ignores a
// variable it cannot use rather than failing a command the user did not
// mistype. A value below MinWidth is a narrow pane, drawn at MinWidth.
func EnvColumns(v string) int {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 1 {
		return 0
	}
	return max(n, MinWidth)
}

// WidthFlag is --width as a flag value: a number of columns from MinWidth
// to MaxWidth, checked as it is parsed so that `--width abc` and
// `--width 0` get the same one-line usage error naming the range.
type WidthFlag int

// Set parses and checks one --width value.
func (w *WidthFlag) Set(s string) error {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < MinWidth || n > MaxWidth {
		return errkind.Usagef("invalid width %s: use %s", sanitize.Quote(s), w.Valid())
	}
	*w = WidthFlag(n)
	return nil
}

// String is the value as given, for help's defaults.
func (w *WidthFlag) String() string { return strconv.Itoa(int(*w)) }

// Type is the value's name in help: --width columns.
func (w *WidthFlag) Type() string { return "columns" }

// Valid says which values --width takes, for the usage error.
func (w *WidthFlag) Valid() string {
	return fmt.Sprintf("a number of columns from %d to %d", MinWidth, MaxWidth)
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// autoStyle picks dark or light for the terminal's background, dark when
// the terminal does not say.
func autoStyle(t Terminal) string {
	if t.LightBackground != nil && t.LightBackground() {
		return styles.LightStyle
	}
	return styles.DarkStyle
}

// colorProfile reads the colour depth the terminal advertises. It sits
// beside Decide because the profile is part of the one rendering decision.
func colorProfile(env map[string]string) termenv.Profile {
	ct := strings.ToLower(env["COLORTERM"])
	t := strings.ToLower(env["TERM"])
	switch {
	case ct == "truecolor" || ct == "24bit":
		return termenv.TrueColor
	case strings.Contains(t, "256color"):
		return termenv.ANSI256
	default:
		return termenv.ANSI
	}
}

// HyperlinkNames lists the values Flags.Hyperlinks and DJQ_HYPERLINKS
// accept.
var HyperlinkNames = []string{"auto", "always", "never"}

// hyperlinks decides whether pretty output carries OSC 8 links: only with
// colour on (not with NO_COLOR, --color never or TERM=dumb), and in auto
// mode only on a terminal whose TERM is known to handle them or ignore
// them cleanly. The Linux console and GNU screen print them as garbage.
func hyperlinks(env map[string]string, flag string, p Policy) (bool, error) {
	value, source := flag, "--hyperlinks"
	if strings.TrimSpace(value) == "" {
		value, source = env["DJQ_HYPERLINKS"], "DJQ_HYPERLINKS"
	}
	switch strings.ToLower(strings.TrimSpace(value)) {
	case "", "auto":
	case "always", "1", "true", "on", "yes":
		return p.Format == FormatPretty && p.Color, nil
	case "never", "0", "false", "off", "no":
		return false, nil
	default:
		return false, errkind.Usagef("unknown hyperlink mode %s given by %s: valid modes are %s", sanitize.Quote(value), source, strings.Join(HyperlinkNames, ", "))
	}
	if p.Format != FormatPretty || !p.Color || !p.TTY {
		return false, nil
	}
	t := env["TERM"]
	return t != "" && t != "dumb" && t != "linux" && !strings.HasPrefix(t, "screen"), nil
}
