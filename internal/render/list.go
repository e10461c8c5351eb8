package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/djq-cli/djq/internal/bank"
)

// ANSI styles used for list and search lines. They are only written when
// the policy allows colour.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiRed    = "\x1b[31m"
)

func levelColor(l bank.Level) string {
	switch l {
	case bank.Beginner:
		return ansiGreen
	case bank.Intermediate:
		return ansiYellow
	default:
		return ansiRed
	}
}

// paint wraps s in an ANSI style when colour is on.
func (p Policy) paint(style, s string) string {
	if !p.Color || s == "" {
		return s
	}
	return style + s + ansiReset
}

// List writes one line per question: ref, level and title. Pretty output
// colours the level and cuts titles to the terminal width; markdown output
// is the same columns as plain text, easy to grep and cut.
func List(w io.Writer, p Policy, qs []*bank.Question) error {
	if p.Format == FormatJSON {
		objs := make([]QuestionJSON, len(qs))
		for i, q := range qs {
			objs[i] = ToJSON(q, false)
		}
		return writeJSON(w, objs)
	}
	refWidth, numeric := 0, true
	for _, q := range qs {
		refWidth = max(refWidth, len(q.Ref()))
		numeric = numeric && q.Deck == bank.DefaultDeck
	}
	const levelWidth = len("intermediate")
	var b strings.Builder
	for _, q := range qs {
		ref := alignRef(q.Ref(), refWidth, numeric)
		level := fmt.Sprintf("%-*s", levelWidth, q.Level)
		title := q.Title
		if p.Format == FormatPretty && p.TTY {
			title = runewidth.Truncate(title, max(p.Width-refWidth-levelWidth-4, 10), "…")
		}
		line := p.paint(ansiBold, ref) + "  " + p.paint(levelColor(q.Level), level) + "  " + title
		b.WriteString(strings.TrimRight(line, " "))
		b.WriteString("\n")
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
