package render

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/output"
)

// Stats writes quiz progress, as JSON when the policy says so: a table of card counts per level (and per
// deck when there are several), then a chart of the last days' reviews.
// A brand-new user gets one line instead of a chart of zeros.
func Stats(w io.Writer, p Policy, s output.Stats) error {
	if p.Format == FormatJSON {
		return output.WriteJSON(w, s)
	}
	var out strings.Builder
	if s.Reviews == 0 {
		fmt.Fprintf(&out, "No reviews yet: %d cards are new. Start with djq quiz.\n", s.Total.New)
		_, err := io.WriteString(w, out.String())
		return err
	}
	bar := lipgloss.NewStyle().Foreground(lipgloss.Green)
	fmt.Fprintf(&out, "%s %d reviews in all, streak %d day%s\n\n", p.paint(boldStyle, "Progress:"), s.Reviews, s.Streak, pluralS(s.Streak))
	row := func(name string, c output.Counts) {
		fmt.Fprintf(&out, "  %-14s %5d %9d %10d %9d\n", name, c.New, c.Learning, c.DueToday, c.Mastered)
	}
	fmt.Fprintf(&out, "  %-14s %s\n", "", p.paint(boldStyle, fmt.Sprintf("%5s %9s %10s %9s", "new", "learning", "due today", "mastered")))
	for _, l := range bank.Levels {
		row(string(l), s.Levels[string(l)])
	}
	if len(s.Decks) > 1 {
		for _, name := range slices.Sorted(maps.Keys(s.Decks)) {
			row("deck "+name, s.Decks[name])
		}
	}
	row("all", s.Total)
	most := 1
	for _, d := range s.Days {
		most = max(most, d.Reviews)
	}
	fmt.Fprintf(&out, "\n%s\n", p.paint(boldStyle, fmt.Sprintf("Reviews, last %d days:", len(s.Days))))
	const width = 30
	for _, d := range s.Days {
		t, _ := time.Parse("2006-01-02", d.Date)
		n := (d.Reviews*width + most - 1) / most
		fmt.Fprintf(&out, "  %s %s %d\n", t.Format("Mon 02 Jan"), p.paint(bar, strings.Repeat("█", n)), d.Reviews)
	}
	_, err := io.WriteString(w, out.String())
	return err
}

func pluralS(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
