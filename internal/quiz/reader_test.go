package quiz

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/fsrs"
	"github.com/djq-cli/djq/internal/state"
)

// longAnswer is 100 numbered lines.
func longAnswer() string {
	var b strings.Builder
	for i := 1; i <= 100; i++ {
		fmt.Fprintf(&b, "line %d of the answer\n", i)
	}
	return b.String()
}

const testSummary = "Use select_related for foreign keys and prefetch_related for many-to-many relations, so that a loop over objects does not run one query per row."

// press is the key message for a key as Bubble Tea names it.
func press(k string) tea.KeyPressMsg {
	switch k {
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

var ansiRE = regexp.MustCompile(`\x1b\[[0-9;]*m`)

func TestReaderKeys(t *testing.T) {
	tests := []struct {
		keys   []string
		top    int // first answer line on screen
		grade  fsrs.Grade
		graded bool
		quit   bool
	}{
		{keys: []string{"j", "j", "down"}, top: 4},
		{keys: []string{"j", "j", "k", "up"}, top: 1},
		// 22 rows less a footer of 2 (the rule, the keys) is a page of 20.
		{keys: []string{"space"}, top: 1 + 20},
		{keys: []string{"pgdown", "pgdown", "pgup"}, top: 1 + 20},
		{keys: []string{"end"}, top: 100 - 20 + 1},
		{keys: []string{"end", "home"}, top: 1},
		// g grades good: it is not "top", as it is in browse's reader.
		{keys: []string{"end", "g"}, top: 100 - 20 + 1, grade: fsrs.Good, graded: true, quit: true},
		{keys: []string{"G"}, top: 1},
		{keys: []string{"j", "1"}, top: 2, grade: fsrs.Again, graded: true, quit: true},
		{keys: []string{"2"}, top: 1, grade: fsrs.Hard, graded: true, quit: true},
		{keys: []string{"4"}, top: 1, grade: fsrs.Easy, graded: true, quit: true},
		{keys: []string{"a"}, top: 1, grade: fsrs.Again, graded: true, quit: true},
		// h is a grade, not the viewport's scroll left.
		{keys: []string{"h"}, top: 1, grade: fsrs.Hard, graded: true, quit: true},
		{keys: []string{"e"}, top: 1, grade: fsrs.Easy, graded: true, quit: true},
		{keys: []string{"j", "q"}, top: 2, quit: true},
		{keys: []string{"esc"}, top: 1, quit: true},
		{keys: []string{"ctrl+c"}, top: 1, quit: true},
		{keys: []string{"x", "5", "enter"}, top: 1},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.keys, ","), func(t *testing.T) {
			r := newReader(longAnswer(), "[1/3] Question 35", 80, 24)
			r.Update(tea.WindowSizeMsg{Width: 80, Height: 22})
			var cmd tea.Cmd
			for _, k := range tt.keys {
				if k == "enter" {
					_, cmd = r.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
					continue
				}
				_, cmd = r.Update(press(k))
			}
			if got := r.view.YOffset() + 1; got != tt.top {
				t.Errorf("top line %d, want %d", got, tt.top)
			}
			g, ok := r.Graded()
			if g != tt.grade || ok != tt.graded {
				t.Errorf("graded %v, %v; want %v, %v", g, ok, tt.grade, tt.graded)
			}
			var quit bool
			if cmd != nil {
				_, quit = cmd().(tea.QuitMsg)
			}
			if quit != tt.quit {
				t.Errorf("quit = %v, want %v", quit, tt.quit)
			}
		})
	}
}

func TestReaderView(t *testing.T) {
	for _, width := range []int{120, 80, 50, 30, 20, 10} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			r := newReader(longAnswer(), "[2/3] Question 35", 80, 24)
			r.Update(tea.WindowSizeMsg{Width: width, Height: 24})
			r.Update(press("j"))
			screen := ansiRE.ReplaceAllString(r.Render(), "")
			lines := strings.Split(screen, "\n")
			if len(lines) != 24 {
				t.Fatalf("%d lines on a 24-line screen:\n%s", len(lines), screen)
			}
			if !strings.HasPrefix(lines[0], "line 2 of the answer") {
				t.Errorf("first line %q", lines[0])
			}
			w := max(width, 20)
			for i, l := range lines {
				if ansi.StringWidth(l) > w {
					t.Errorf("line %d is %d cells wide, over %d: %q", i, ansi.StringWidth(l), w, l)
				}
			}
			last := lines[len(lines)-1]
			if !strings.HasSuffix(last, "q quit") {
				t.Errorf("the keys line does not end with q quit: %q", last)
			}
			// Two rows of footer: the answer (which starts with the
			// summary) is not cut short by the summary said again.
			footer := lines[len(lines)-2:]
			if !strings.HasPrefix(footer[0], "──") || w >= 40 && !strings.Contains(footer[0], "[2/3] Question 35") {
				t.Errorf("footer:\n%s", strings.Join(footer, "\n"))
			}
			if !strings.HasPrefix(lines[len(lines)-3], "line 23 of") {
				t.Errorf("the answer does not take all but two rows:\n%s", screen)
			}
			if w >= 60 && !strings.Contains(last, "3/g good") {
				t.Errorf("at %d columns the grade keys are not all there: %q", width, last)
			}
		})
	}
}

// TestReaderShortScreen: on a few rows the answer keeps all but the
// footer's two.
func TestReaderShortScreen(t *testing.T) {
	r := newReader(longAnswer(), "[1/1] Question 1", 80, 24)
	r.Update(tea.WindowSizeMsg{Width: 30, Height: 8})
	lines := strings.Split(ansiRE.ReplaceAllString(r.Render(), ""), "\n")
	if len(lines) != 8 || strings.TrimRight(lines[0], " ") != "line 1 of the answer" || !strings.HasPrefix(lines[5], "line 6 of") {
		t.Fatalf("screen:\n%s", strings.Join(lines, "\n"))
	}
}

// TestSessionTallAnswer runs a session whose answers are taller than the
// terminal: the grades given in the reader are recorded, and what the
// normal screen keeps says so.
func TestSessionTallAnswer(t *testing.T) {
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	store := state.Open(t.TempDir())
	short := &bank.Question{ID: 1, Deck: bank.DefaultDeck, Level: bank.Beginner, Title: "Short?", Summary: "Brief."}
	tall := &bank.Question{ID: 2, Deck: bank.DefaultDeck, Level: bank.Advanced, Title: "Tall?", Summary: testSummary}
	var out strings.Builder
	var shown []string
	s := &Session{
		Store: store, Sched: fsrs.New(), Now: func() time.Time { return now },
		Cards: []Card{{Q: tall, Key: state.CardKey(tall.Deck, tall.ID)}, {Q: short, Key: state.CardKey(short.Deck, short.ID)}, {Q: tall, Key: "django:3"}},
		Out:   &out, ErrOut: &out,
		Rendered: func(q *bank.Question, _ int) string {
			if q == tall {
				return longAnswer()
			}
			return "a short answer\n"
		},
		Height: 24,
		// The first tall card is scrolled and graded good with g, the
		// second quits.
		showReader: func(r *reader) error {
			shown = append(shown, r.label)
			keys := []string{"end", "g"}
			if len(shown) == 2 {
				keys = []string{"j", "q"}
			}
			for _, k := range keys {
				r.Update(press(k))
			}
			return nil
		},
	}
	// reveal, (reader grades), reveal, grade 2 at the prompt, reveal, (reader quits)
	if err := s.RunInteractive(strings.NewReader("\r 2\r")); err != nil {
		t.Fatal(err)
	}
	if want := []string{"[1/3] Question 2", "[3/3] Question 2"}; fmt.Sprint(shown) != fmt.Sprint(want) {
		t.Errorf("the reader showed %q, want %q", shown, want)
	}
	got := out.String()
	// The summary is wrapped at the width (80 when unknown), not left to
	// the terminal, which cuts words.
	wrapped := "In short: Use select_related for foreign keys and prefetch_related for\nmany-to-many relations, so that a loop over objects does not run one query per\nrow."
	for _, want := range []string{wrapped + "\n\nGrade: 1 again", "good\ngood: next review", "a short answer", "hard\nhard: next review"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "line 1 of the answer") {
		t.Errorf("a tall answer was printed as well as shown:\n%s", got)
	}
	st, err := store.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Reviews) != 2 || st.Reviews[0].Grade != fsrs.Good || st.Reviews[1].Grade != fsrs.Hard {
		t.Errorf("reviews %+v", st.Reviews)
	}
}

// TestSessionTallNeedsHeight: without a terminal height every answer is
// printed, as before the reader existed.
func TestSessionTallNeedsHeight(t *testing.T) {
	q := &bank.Question{ID: 2, Deck: bank.DefaultDeck, Level: bank.Advanced, Title: "Tall?"}
	s := &Session{showReader: func(*reader) error { return nil }}
	if s.tall(longAnswer(), q) {
		t.Error("tall with Height 0")
	}
	s.Height = 103
	if s.tall(longAnswer(), q) {
		t.Error("100 lines, the reveal prompt, a blank line and the grade prompt fit in 103 rows")
	}
	s.Height = 102
	if !s.tall(longAnswer(), q) {
		t.Error("not tall in 102 rows")
	}
	s.showReader = nil
	if s.tall(longAnswer(), q) {
		t.Error("tall without a terminal to run the reader on")
	}
}

// TestReaderResizeRerenders narrows and widens the reader's window: the
// answer is drawn again to fit a narrower window, never wider than it was
// first rendered, and the place in it is kept.
func TestReaderResizeRerenders(t *testing.T) {
	var calls []int
	render := func(w int) string {
		calls = append(calls, w)
		var b strings.Builder
		for i := range 200 * 80 / w { // the same text in more, shorter lines
			fmt.Fprintf(&b, "%-*s\n", w, fmt.Sprintf("row %d", i))
		}
		return b.String()
	}
	r := newReader(render(80), "[1/1] Question 35", 80, 24)
	r.rerender, r.renderedAt, r.maxWidth = render, 80, 80
	calls = nil
	r.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	for range 100 {
		r.Update(press("j"))
	}
	before := r.view.ScrollPercent()
	for _, step := range []struct {
		width, want int // want: the width rendered at, 0 for no new render
	}{
		{120, 0}, // wider than the first rendering: kept as it is
		{60, 60},
		{60, 0},
		{100, 80}, // never wider than the first rendering
		{40, 40},
	} {
		calls = nil
		r.Update(tea.WindowSizeMsg{Width: step.width, Height: 24})
		if step.want == 0 && len(calls) > 0 || step.want > 0 && (len(calls) != 1 || calls[0] != step.want) {
			t.Errorf("window %d wide: rendered at %v, want %d", step.width, calls, step.want)
		}
		for _, l := range strings.Split(ansiRE.ReplaceAllString(r.view.View(), ""), "\n") {
			if len(strings.TrimRight(l, " ")) > step.width {
				t.Fatalf("window %d wide: line %q is cut", step.width, l)
			}
		}
		if got := r.view.ScrollPercent(); got < before-0.05 || got > before+0.05 {
			t.Errorf("window %d wide: scrolled to %.2f, was %.2f", step.width, got, before)
		}
	}
}
