package render

import (
	"fmt"
	"io"
	"strings"

	"charm.land/lipgloss/v2"

	xansi "github.com/charmbracelet/x/ansi"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/output"
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
// colours the level and cuts titles to the terminal width; markdown output
// is the same columns as plain text, easy to grep and cut.
func List(w io.Writer, p Policy, qs []*bank.Question) error { return ListWith(w, p, qs, false) }

// ListWith is List with, when summaries is true (`djq list --summary`),
// each line followed by the question's summary; JSON always carries it.
func ListWith(w io.Writer, p Policy, qs []*bank.Question, summaries bool) error {
	if p.Format == FormatJSON {
		return output.WriteJSON(w, output.Questions(qs, false))
	}
	refWidth, numeric := 0, true
	for _, q := range qs {
		refWidth = max(refWidth, len(q.Ref()))
		numeric = numeric && q.Deck == bank.DefaultDeck
	}
	const levelWidth = len("intermediate")
	rows := make([]string, len(qs))
	for i, q := range qs {
		ref := alignRef(q.Ref(), refWidth, numeric)
		level := fmt.Sprintf("%-*s", levelWidth, q.Level)
		title := q.Title
		if p.Format == FormatPretty && p.TTY {
			title = xansi.Truncate(title, max(p.Width-refWidth-levelWidth-4, 10), "…")
		}
		line := p.paint(boldStyle, ref) + "  " + p.paint(LevelStyle(q.Level), level) + "  " + title
		rows[i] = strings.TrimRight(line, " ")
	}
	if summaries {
		return writeSummaries(w, p, qs, rows, refWidth+levelWidth+4)
	}
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(r + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// alignRef right-aligns bare ids (they read as numbers) and left-aligns
// NAME:ID refs, which read as words.
func alignRef(ref string, width int, numeric bool) string {
	if numeric {
		return fmt.Sprintf("%*s", width, ref)
	}
	return fmt.Sprintf("%-*s", width, ref)
}
