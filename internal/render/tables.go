package render

import (
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	xansi "github.com/charmbracelet/x/ansi"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/output"
	"github.com/djq-cli/djq/internal/sanitize"
)

// Decks writes one line per deck: name, question count and folder; JSON
// when the policy says so.
func Decks(w io.Writer, p Policy, rows []output.Deck) error {
	if p.Format == FormatJSON {
		return output.WriteJSON(w, output.NonNil(rows))
	}
	nameW, countW := 0, 0
	for _, r := range rows {
		nameW = max(nameW, len(r.Name))
		countW = max(countW, len(fmt.Sprint(r.Questions)))
	}
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%-*s  %*d questions  %s\n", nameW, r.Name, countW, r.Questions, sanitize.Name(r.Path))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Tags writes each tag with its count, most used first, and the count per
// deck when there are several decks. Markdown output (a pipe) is one tag a
// line, for scripts; pretty output fills as many columns as the width
// holds, down then across like ls, so that the tags fit on one screen.
func Tags(w io.Writer, p Policy, counts []bank.TagCount) error {
	if p.Format == FormatJSON {
		return output.WriteJSON(w, output.NonNil(counts))
	}
	width, countWidth := 0, 1
	decks := map[string]bool{}
	for _, tc := range counts {
		width = max(width, len(tc.Tag))
		countWidth = max(countWidth, len(fmt.Sprint(tc.Count)))
		for d := range tc.ByDeck {
			decks[d] = true
		}
	}
	if p.Format != FormatPretty {
		countWidth = 4
	}
	cells := make([]string, len(counts))
	for i, tc := range counts {
		cells[i] = fmt.Sprintf("%-*s  %*d", width, tc.Tag, countWidth, tc.Count)
		if len(decks) > 1 {
			var parts []string
			for _, d := range slices.Sorted(maps.Keys(tc.ByDeck)) {
				parts = append(parts, fmt.Sprintf("%s %d", d, tc.ByDeck[d]))
			}
			cells[i] += "  (" + strings.Join(parts, ", ") + ")"
		}
	}
	cols := 1
	if p.Format == FormatPretty {
		cols = columnsFor(cells, p.Width)
	}
	_, err := io.WriteString(w, inColumns(cells, cols))
	return err
}

// tagGap is the space between columns of tags.
const tagGap = 4

// columnsFor is how many columns of cells fit in width, at least one.
func columnsFor(cells []string, width int) int {
	cell := 0
	for _, c := range cells {
		cell = max(cell, xansi.StringWidth(c))
	}
	return max(1, min(len(cells), (width+tagGap)/(cell+tagGap)))
}

// inColumns lays cells out in cols columns, filled down then across, each
// column as wide as its widest cell; lines carry no trailing spaces.
func inColumns(cells []string, cols int) string {
	rows := (len(cells) + cols - 1) / max(cols, 1)
	widths := make([]int, cols)
	for i, c := range cells {
		widths[i/rows] = max(widths[i/rows], xansi.StringWidth(c))
	}
	var b strings.Builder
	for r := 0; r < rows; r++ {
		var line strings.Builder
		for c := 0; c < cols && c*rows+r < len(cells); c++ {
			cell := cells[c*rows+r]
			line.WriteString(cell)
			line.WriteString(strings.Repeat(" ", widths[c]-xansi.StringWidth(cell)+tagGap))
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
	return b.String()
}

// Folders is what djq paths shows, as data: the rows of djq's folders,
// then the deck folders that come from elsewhere. The text is render's to
// decide; whoever finds the folders only fills this in.
type Folders struct {
	// Rows are djq's own folders (cache, state, config, decks), and all
	// that --format json prints.
	Rows []output.Path
	// EnvDecks is $DJQ_DECKS as set ("" when unset).
	EnvDecks string
	// Added are the deck folders recorded by djq decks add, in the file
	// named Registry (decks.txt) in the config folder.
	Added    []string
	Registry string
}

// Paths writes djq's folders, saying which are not created yet and which
// variable moves a folder that cannot be had, then the deck folders from
// $DJQ_DECKS and from djq decks add.
func Paths(w io.Writer, p Policy, f Folders) error {
	if p.Format == FormatJSON {
		return output.WriteJSON(w, f.Rows)
	}
	var extra []string
	if f.EnvDecks != "" {
		extra = append(extra, fmt.Sprintf("%-7s %s  (DJQ_DECKS)", "decks", f.EnvDecks))
	}
	if len(f.Added) > 0 {
		extra = append(extra, fmt.Sprintf("%-7s %s  (added in %s)", "decks", strings.Join(f.Added, string(filepath.ListSeparator)), f.Registry))
	}
	var b strings.Builder
	for _, r := range f.Rows {
		path, note := sanitize.Name(r.Path), ""
		switch {
		case path == "":
			path, note = "(none)", "  set "+r.Env+" or HOME"
		case !r.Exists:
			note = "  (not created yet)"
		}
		fmt.Fprintf(&b, "%-7s %s%s\n", r.Name, path, note)
	}
	for _, e := range extra {
		b.WriteString(sanitize.Message(e) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// DeckCheck writes the report of djq decks check: each problem as
// FILE:LINE: MESSAGE, the form editors jump to, or one line that says the
// deck at dir is clean.
func DeckCheck(w io.Writer, dir string, questions int, problems bank.Problems) error {
	for _, p := range problems {
		if _, err := fmt.Fprintln(w, p.Error()); err != nil {
			return err
		}
	}
	if len(problems) > 0 {
		return nil
	}
	_, err := fmt.Fprintf(w, "%s: %d questions, no problems\n", sanitize.Name(dir), questions)
	return err
}
