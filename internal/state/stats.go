package state

import (
	"slices"
	"strings"
	"time"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/output"
)

// MasteredDays is the stability, in days, from which a card counts as
// mastered (Anki calls such cards mature).
const MasteredDays = 21

// ChartDays is how many days the review chart covers.
const ChartDays = 14

// The stats shapes live in internal/output, where render reads them
// without importing state (render is pure; state owns a file).
type (
	// Counts are the cards of one level or deck by state.
	Counts = output.Counts
	// DayCount is the number of reviews on one day.
	DayCount = output.DayCount
	// Stats is what djq stats reports.
	Stats = output.Stats
)

// OnlyDecks is s with only the reviews of cards in decks (all of them when
// decks is empty), for `djq stats --deck NAME`: the reviews, streak and
// chart then count that deck's grades, as the card counts do. The result
// shares s's cards; it is read, never saved.
func (s *State) OnlyDecks(decks []string) *State {
	if len(decks) == 0 {
		return s
	}
	out := *s
	out.Reviews = nil
	for _, r := range s.Reviews {
		if i := strings.LastIndexByte(r.Card, ':'); i >= 0 && slices.Contains(decks, r.Card[:i]) {
			out.Reviews = append(out.Reviews, r)
		}
	}
	return &out
}

// ComputeStats classifies every question against the state at time now.
func ComputeStats(qs []*bank.Question, st *State, now time.Time) Stats {
	s := Stats{Reviews: len(st.Reviews), Levels: map[string]Counts{}, Decks: map[string]Counts{}}
	y, m, d := now.Date()
	endOfToday := time.Date(y, m, d, 0, 0, 0, 0, now.Location()).AddDate(0, 0, 1)
	add := func(c *Counts, q *bank.Question) {
		card, ok := st.Cards[CardKey(q.Deck, q.ID)]
		switch {
		case !ok || card.IsNew():
			c.New++
		case card.Due.Before(endOfToday):
			c.DueToday++
		case card.Stability >= MasteredDays:
			c.Mastered++
		default:
			c.Learning++
		}
	}
	for _, l := range bank.Levels {
		s.Levels[string(l)] = Counts{}
	}
	for _, q := range qs {
		lc, dc := s.Levels[string(q.Level)], s.Decks[q.Deck]
		add(&lc, q)
		add(&dc, q)
		add(&s.Total, q)
		s.Levels[string(q.Level)], s.Decks[q.Deck] = lc, dc
	}
	s.Days, s.Streak = reviewDays(st.Reviews, now)
	return s
}

// reviewDays counts reviews per day over the chart's days, and the streak:
// consecutive days with reviews up to today, or up to yesterday when today
// has none yet.
func reviewDays(reviews []Review, now time.Time) ([]DayCount, int) {
	const layout = "2006-01-02"
	perDay := map[string]int{}
	for _, r := range reviews {
		perDay[r.At.In(now.Location()).Format(layout)]++
	}
	y, m, d := now.Date()
	today := time.Date(y, m, d, 12, 0, 0, 0, now.Location())
	var days []DayCount
	for i := ChartDays - 1; i >= 0; i-- {
		day := today.AddDate(0, 0, -i).Format(layout)
		days = append(days, DayCount{Date: day, Reviews: perDay[day]})
	}
	streak, day := 0, today
	if perDay[day.Format(layout)] == 0 {
		day = day.AddDate(0, 0, -1)
	}
	for perDay[day.Format(layout)] > 0 {
		streak++
		day = day.AddDate(0, 0, -1)
	}
	return days, streak
}
