package render

import (
	"fmt"
	"io"
	"strings"

	"charm.land/lipgloss/v2"

	xansi "github.com/charmbracelet/x/ansi"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/output"
	"github.com/djq-cli/djq/internal/textwidth"
)

// Styles for list and search lines, in lipgloss v2 like browse. They are
// applied only when the policy allows colour; the level colours are ANSI
// indices so that a terminal's own palette (and 16-colour terminals) apply.
var (
	boldStyle   = lipgloss.NewStyle().Bold(true)
	levelStyles = map[bank.Level]lipgloss.Style{
		bank.Beginner:     lipgloss.NewStyle().Foreground(lipgloss.Green),
		bank.Intermediate: lipgloss.NewStyle().Foreground(lipgloss.Yellow),
		bank.Advanced:     lipgloss.NewStyle().Foreground(lipgloss.Red),
	}
)

// LevelStyle is the colour of a level wherever djq shows one.
func LevelStyle(l bank.Level) lipgloss.Style {
	if st, ok := levelStyles[l]; ok {
		return st
	}
	return levelStyles[bank.Advanced]
}

// paint renders s in style when colour is on, and returns it bare otherwise.
func (p Policy) paint(style lipgloss.Style, s string) string {
	if !p.Color || s == "" {
		return s
	}
	return style.Render(s)
}

// List writes one line per question: ref, level and title. Pretty output
// colours the level and fits titles to the width; markdown output is the
// same columns as plain text, easy to grep and cut, whatever the filter.
// level is the --level filter: when set, pretty output leaves out the
// level column, which would only repeat it.
func List(w io.Writer, p Policy, qs []*bank.Question, level bank.Level) error {
	return ListWith(w, p, qs, ListOptions{Level: level})
}

// ListOptions are the list command's choices that change its lines.
type ListOptions struct {
	// Level is the --level filter (see List).
	Level bank.Level
	// Summaries follows each entry with the question's summary, wrapped
	// and indented under the title (`djq list --summary`); JSON always
	// carries it.
	Summaries bool
}

// ListWith is List with the options of `djq list`.
func ListWith(w io.Writer, p Policy, qs []*bank.Question, o ListOptions) error {
	if p.Format == FormatJSON {
		return output.WriteJSON(w, output.Questions(qs, false))
	}
	refWidth, numeric := 0, true
	for _, q := range qs {
		refWidth = max(refWidth, len(q.Ref()))
		numeric = numeric && q.Deck == bank.DefaultDeck
	}
	pretty := p.Format == FormatPretty
	levelWidth := len("intermediate") + 2
	if pretty && o.Level != "" {
		levelWidth = 0
	}
	// Narrow: every entry wraps its title, so that entries look alike.
	narrow := p.Width-refWidth-2-levelWidth < narrowTitle
	rows := make([]string, len(qs))
	for i, q := range qs {
		ref := p.paint(boldStyle, alignRef(q.Ref(), refWidth, numeric)) + "  "
		lvl := ""
		if levelWidth > 0 {
			lvl = p.paint(LevelStyle(q.Level), string(q.Level)) + strings.Repeat(" ", levelWidth-len(q.Level))
		}
		if !pretty {
			rows[i] = strings.TrimRight(ref+lvl+q.Title, " ")
			continue
		}
		rows[i] = strings.TrimSuffix(listEntry(ref, lvl, q.Title, refWidth+2, p.Width, narrow), "\n")
	}
	if o.Summaries {
		indent := refWidth + 2 + levelWidth
		if narrow && pretty {
			indent = refWidth + 2
		}
		return writeSummaries(w, p, qs, rows, indent)
	}
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(r + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// narrowTitle is the fewest columns a title gets beside the ref and level
// before a list entry wraps it instead of cutting it: at 40 columns a
// title beside the level column would keep 12 characters.
const narrowTitle = 40

// listEntry is one question in pretty output, indent the columns its ref
// takes. A wide list keeps the title on the line, cut with "…" if it must
// be; a narrow one wraps it whole, under the ref and level, or beside the
// ref when there is no level column.
func listEntry(ref, lvl, title string, indent, width int, narrow bool) string {
	if !narrow {
		room := width - indent - xansi.StringWidth(lvl)
		return strings.TrimRight(ref+lvl+xansi.Truncate(title, max(room, 10), "…"), " ") + "\n"
	}
	var lines []string
	for _, l := range textwidth.WrapWords(title, max(width-indent, 10)) {
		// A word wider than the room (a long identifier) is broken too.
		lines = append(lines, strings.Split(xansi.Hardwrap(l, max(width-indent, 10), true), "\n")...)
	}
	pad := strings.Repeat(" ", indent)
	var b strings.Builder
	if lvl != "" {
		b.WriteString(strings.TrimRight(ref+lvl, " ") + "\n")
		ref = pad
	}
	for i, l := range lines {
		if i > 0 {
			ref = pad
		}
		b.WriteString(ref + l + "\n")
	}
	return b.String()
}

// alignRef right-aligns bare ids (they read as numbers) and left-aligns
// NAME:ID refs, which read as words.
func alignRef(ref string, width int, numeric bool) string {
	if numeric {
		return fmt.Sprintf("%*s", width, ref)
	}
	return fmt.Sprintf("%-*s", width, ref)
}
