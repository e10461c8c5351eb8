package cli

import (
	"bufio"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/render"
	"github.com/djq-cli/djq/internal/state"
)

// masteredDays is the stability, in days, from which a card counts as
// mastered (Anki calls such cards mature).
const masteredDays = 21

// chartDays is how many days the review chart covers.
const chartDays = 14

func newStatsCmd(f *Factory) *cobra.Command {
	var reset, yes bool
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Show quiz progress: new, learning, due and mastered cards, streak, recent reviews",
		Long: `Show quiz progress per level and per deck: new cards (never reviewed),
learning, due today, and mastered (remembered for 21 days or more); the
current streak of days with reviews; and a chart of reviews over the last
14 days. --format json gives the same figures, with "reviews" the total
number of grades ever recorded.

--reset forgets all progress after asking (or with --yes); the previous
state stays in the .bak file beside it.`,
		Example: `  djq stats
  djq stats --format json
  djq stats --reset --yes`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if reset {
				return statsReset(f, yes)
			}
			return statsRun(f)
		},
	}
	cmd.Flags().BoolVar(&reset, "reset", false, "forget all quiz progress (asks first)")
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, "with --reset: do not ask")
	return cmd
}

// Counts are the cards of one level or deck by state.
type Counts struct {
	New      int `json:"new"`
	Learning int `json:"learning"`
	DueToday int `json:"due_today"`
	Mastered int `json:"mastered"`
}

// DayCount is the number of reviews on one day.
type DayCount struct {
	Date    string `json:"date"`
	Reviews int    `json:"reviews"`
}

// Stats is what djq stats reports.
type Stats struct {
	Reviews int               `json:"reviews"`
	Streak  int               `json:"streak"`
	Total   Counts            `json:"total"`
	Levels  map[string]Counts `json:"levels"`
	Decks   map[string]Counts `json:"decks"`
	Days    []DayCount        `json:"last_14_days"`
}

// computeStats classifies every question of the bank against the state.
func computeStats(b *bank.Bank, st *state.State, now time.Time) Stats {
	s := Stats{Reviews: len(st.Reviews), Levels: map[string]Counts{}, Decks: map[string]Counts{}}
	y, m, d := now.Date()
	endOfToday := time.Date(y, m, d, 0, 0, 0, 0, now.Location()).AddDate(0, 0, 1)
	add := func(c *Counts, q *bank.Question) {
		card, ok := st.Cards[state.CardKey(q.Deck, q.ID)]
		switch {
		case !ok || card.IsNew():
			c.New++
		case card.Due.Before(endOfToday):
			c.DueToday++
		case card.Stability >= masteredDays:
			c.Mastered++
		default:
			c.Learning++
		}
	}
	for _, l := range bank.Levels {
		s.Levels[string(l)] = Counts{}
	}
	for _, q := range b.Questions() {
		lc, dc := s.Levels[string(q.Level)], s.Decks[q.Deck]
		add(&lc, q)
		add(&dc, q)
		add(&s.Total, q)
		s.Levels[string(q.Level)], s.Decks[q.Deck] = lc, dc
	}
	perDay := map[string]int{}
	for _, r := range st.Reviews {
		perDay[r.At.In(now.Location()).Format("2006-01-02")]++
	}
	today := time.Date(y, m, d, 12, 0, 0, 0, now.Location())
	for i := chartDays - 1; i >= 0; i-- {
		day := today.AddDate(0, 0, -i).Format("2006-01-02")
		s.Days = append(s.Days, DayCount{Date: day, Reviews: perDay[day]})
	}
	// The streak counts consecutive days with reviews up to today, or up
	// to yesterday when today has none yet.
	day := today
	if perDay[day.Format("2006-01-02")] == 0 {
		day = day.AddDate(0, 0, -1)
	}
	for perDay[day.Format("2006-01-02")] > 0 {
		s.Streak++
		day = day.AddDate(0, 0, -1)
	}
	return s
}

func statsRun(f *Factory) error {
	store, err := f.stateStore()
	if err != nil {
		return err
	}
	st, err := store.Load()
	if err != nil {
		return err
	}
	b, err := f.Bank()
	if err != nil {
		return err
	}
	s := computeStats(b, st, f.Now())
	if f.Policy.Format == render.FormatJSON {
		return writeJSONOut(f, s)
	}
	var out strings.Builder
	renderStats(&out, s, f.Policy)
	return writeOut(f, out.String())
}

func renderStats(out *strings.Builder, s Stats, p render.Policy) {
	r := lipgloss.NewRenderer(nil)
	if p.Color {
		r.SetColorProfile(p.Profile)
	} else {
		r.SetColorProfile(termenv.Ascii)
	}
	head := r.NewStyle().Bold(true)
	bar := r.NewStyle().Foreground(lipgloss.Color("2"))
	fmt.Fprintf(out, "%s %d reviews in all, streak %d day%s\n\n", head.Render("Progress:"), s.Reviews, s.Streak, plural(s.Streak))
	row := func(name string, c Counts) {
		fmt.Fprintf(out, "  %-14s %5d %9d %10d %9d\n", name, c.New, c.Learning, c.DueToday, c.Mastered)
	}
	fmt.Fprintf(out, "  %-14s %5s %9s %10s %9s\n", head.Render(fmt.Sprintf("%-14s", "")), "new", "learning", "due today", "mastered")
	for _, l := range bank.Levels {
		row(string(l), s.Levels[string(l)])
	}
	if len(s.Decks) > 1 {
		for _, name := range sortedKeys(s.Decks) {
			row("deck "+name, s.Decks[name])
		}
	}
	row("all", s.Total)
	most := 1
	for _, d := range s.Days {
		most = max(most, d.Reviews)
	}
	fmt.Fprintf(out, "\n%s\n", head.Render("Reviews, last 14 days:"))
	const width = 30
	for _, d := range s.Days {
		t, _ := time.Parse("2006-01-02", d.Date)
		n := (d.Reviews*width + most - 1) / most
		fmt.Fprintf(out, "  %s %s %d\n", t.Format("Mon 02 Jan"), bar.Render(strings.Repeat("█", n)), d.Reviews)
	}
}

func sortedKeys(m map[string]Counts) []string { return slices.Sorted(maps.Keys(m)) }

func statsReset(f *Factory, yes bool) error {
	store, err := f.stateStore()
	if err != nil {
		return err
	}
	if !yes {
		if !f.IO.IsStdinTTY() {
			return usagef("stats --reset asks for confirmation on a terminal; add --yes to reset without asking")
		}
		fmt.Fprintf(f.IO.ErrOut, "Forget all quiz progress in %s? A copy stays in %s.bak. [y/N] ", store.Path, store.Path)
		line, _ := bufio.NewReader(f.IO.In).ReadString('\n')
		if a := strings.ToLower(strings.TrimSpace(line)); a != "y" && a != "yes" {
			fmt.Fprintln(f.IO.ErrOut, "djq: nothing changed")
			return nil
		}
	}
	if err := store.Reset(); err != nil {
		return err
	}
	fmt.Fprintf(f.IO.ErrOut, "djq: quiz progress reset; the previous state is in %s.bak\n", store.Path)
	return nil
}
