package render

import (
	"fmt"
	"github.com/djq-cli/djq/internal/hit"
	"io"
	"strings"

	xansi "github.com/charmbracelet/x/ansi"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/output"
	"github.com/djq-cli/djq/internal/textwidth"
)

// SearchHits writes results best first: a line with ref, level and title,
// then an indented snippet with the matched words in bold on a terminal
// and plain when piped.
func SearchHits(w io.Writer, p Policy, hits []hit.Hit) error {
	if p.Format == FormatJSON {
		return output.WriteJSON(w, output.Hits(hits))
	}
	refWidth, numeric := 0, true
	for _, h := range hits {
		refWidth = max(refWidth, len(h.Ref))
		numeric = numeric && h.Deck == bank.DefaultDeck
	}
	const levelWidth = len("intermediate")
	indent := strings.Repeat(" ", refWidth+2)
	fit := p.Format == FormatPretty
	var b strings.Builder
	for i, h := range hits {
		if i > 0 {
			b.WriteString("\n")
		}
		title := h.Title
		if fit {
			title = xansi.Truncate(title, max(p.Width-refWidth-levelWidth-4, 10), "…")
		}
		fmt.Fprintf(&b, "%s  %s  %s\n",
			p.paint(boldStyle, alignRef(h.Ref, refWidth, numeric)),
			p.paint(LevelStyle(bank.Level(h.Level)), fmt.Sprintf("%-*s", levelWidth, h.Level)),
			p.paint(boldStyle, title))
		snip := h.Snippet
		if snip.Text == "" {
			continue
		}
		var text string
		if p.Color {
			text = snip.Format(boldStyle.Render)
		} else {
			text = snip.Text
		}
		if fit {
			for _, line := range textwidth.WrapWords(text, max(p.Width-len(indent), 20)) {
				b.WriteString(indent + line + "\n")
			}
		} else {
			b.WriteString(indent + text + "\n")
		}
	}
	_, err := io.WriteString(w, trimTrailingSpace(b.String()))
	return err
}

// SnippetLen is how many characters of context a search hit's snippet
// gets: about two lines of the terminal when hits are drawn there, else 0
// (search's default length), since a pipe has no width to fill.
func SnippetLen(p Policy) int {
	if p.Format == FormatPretty {
		return max(40, min(p.Width*2-12, 220))
	}
	return 0
}
