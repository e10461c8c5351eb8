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
	"github.com/djq-cli/djq/internal/textwidth"
)

// statsTableWidth is the width of the stats table; pretty output narrower
// than it gets label: value lines instead, which wrap rather than break
// the table's rows apart.
const statsTableWidth = 53

// Stats writes quiz progress, as JSON when the policy says so: a table of card counts per level (and per
// deck when there are several), then a chart of the last days' reviews.
// A brand-new user gets one line instead of a chart of zeros.
func Stats(w io.Writer, p Policy, s output.Stats) error {
	if p.Format == FormatJSON {
		return output.WriteJSON(w, s)
	}
	// Only pretty output is fitted to the width: a pipe keeps one layout.
	width := 0
	if p.Format == FormatPretty {
		width = p.Width
	}
	var out strings.Builder
	if s.Reviews == 0 {
		writeWrapped(&out, fmt.Sprintf("No reviews yet: %d cards are new. Start with djq quiz.", s.Total.New), width)
		_, err := io.WriteString(w, out.String())
		return err
	}
	writeWrapped(&out, p.paint(boldStyle, "Progress:")+" "+keepPhrases(fmt.Sprintf("%d reviews in all, streak %d day%s", s.Reviews, s.Streak, pluralS(s.Streak))), width)
	out.WriteString("\n")
	rows := []string{}
	counts := []output.Counts{}
	for _, l := range bank.Levels {
		rows, counts = append(rows, string(l)), append(counts, s.Levels[string(l)])
	}
	if len(s.Decks) > 1 {
		for _, name := range slices.Sorted(maps.Keys(s.Decks)) {
			rows, counts = append(rows, "deck "+name), append(counts, s.Decks[name])
		}
	}
	rows, counts = append(rows, "all"), append(counts, s.Total)
	if width > 0 && width < statsTableWidth {
		for i, name := range rows {
			c := counts[i]
			// A count and its words stay on one line: wrap between counts.
			phrases := fmt.Sprintf("%d new, %d learning, %d due today, %d mastered", c.New, c.Learning, c.DueToday, c.Mastered)
			writeWrapped(&out, p.paint(boldStyle, name+":")+" "+keepPhrases(phrases), width)
		}
	} else {
		fmt.Fprintf(&out, "  %-14s %s\n", "", p.paint(boldStyle, fmt.Sprintf("%5s %9s %10s %9s", "new", "learning", "due today", "mastered")))
		for i, name := range rows {
			c := counts[i]
			fmt.Fprintf(&out, "  %-14s %5d %9d %10d %9d\n", name, c.New, c.Learning, c.DueToday, c.Mastered)
		}
	}
	writeChart(&out, p, s.Days, width)
	_, err := io.WriteString(w, out.String())
	return err
}

// writeChart draws the last days' reviews as bars, at most 30 columns
// long, shorter when the width asks for it.
func writeChart(out *strings.Builder, p Policy, days []output.DayCount, width int) {
	bar := lipgloss.NewStyle().Foreground(lipgloss.Green)
	most := 1
	for _, d := range days {
		most = max(most, d.Reviews)
	}
	fmt.Fprintf(out, "\n%s\n", p.paint(boldStyle, fmt.Sprintf("Reviews, last %d days:", len(days))))
	barWidth := 30
	if width > 0 {
		// "  Mon 02 Jan " before the bar, " 12" after it.
		barWidth = max(1, min(barWidth, width-len("  Mon 02 Jan  ")-len(fmt.Sprint(most))))
	}
	for _, d := range days {
		t, _ := time.Parse("2006-01-02", d.Date)
		n := (d.Reviews*barWidth + most - 1) / most
		fmt.Fprintf(out, "  %s %s %d\n", t.Format("Mon 02 Jan"), p.paint(bar, strings.Repeat("█", n)), d.Reviews)
	}
}

// keepPhrases joins the words of each comma-separated phrase with
// non-breaking spaces, so that writeWrapped breaks a line between phrases
// ("1 due today") only.
func keepPhrases(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, " ", "\u00a0"), ",\u00a0", ", ")
}

// writeWrapped writes line wrapped at width (not at all when width is 0),
// its later lines indented by two spaces.
func writeWrapped(out *strings.Builder, line string, width int) {
	if width <= 0 {
		out.WriteString(strings.ReplaceAll(line, "\u00a0", " ") + "\n")
		return
	}
	for i, l := range textwidth.WrapWords(line, width-2) {
		if i > 0 {
			l = "  " + l
		}
		out.WriteString(strings.ReplaceAll(l, "\u00a0", " ") + "\n")
	}
}

func pluralS(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
