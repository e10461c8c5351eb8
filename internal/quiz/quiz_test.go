package quiz

import (
	"bufio"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/errkind"
	"github.com/djq-cli/djq/internal/fsrs"
	"github.com/djq-cli/djq/internal/state"
)

func TestWhen(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   time.Duration
		want string
	}{
		{-time.Minute, "now"},
		{20 * time.Second, "in 1 minute"},
		{time.Minute, "in 1 minute"},
		{10 * time.Minute, "in 10 minutes"},
		{time.Hour, "in 1 hour"},
		{5 * time.Hour, "in 5 hours"},
		{24 * time.Hour, "in 24 hours"},
		{48 * time.Hour, "in 2 days (2 Dec)"},
	}
	for _, tt := range tests {
		if got := When(now.Add(tt.in), now); got != tt.want {
			t.Errorf("When(+%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseGrade(t *testing.T) {
	tests := []struct {
		in   string
		want fsrs.Grade
		ok   bool
	}{
		{"1", fsrs.Again, true}, {"Hard", fsrs.Hard, true}, {" g ", fsrs.Good, true},
		{"e", fsrs.Easy, true}, {"5", 0, false}, {"", 0, false},
	}
	for _, tt := range tests {
		if got, ok := ParseGrade(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("ParseGrade(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// blocked is a stdin that has nothing more to say until the test ends;
// when signal is set, a read sends a SIGINT on it first.
type blocked struct {
	done   chan struct{}
	signal chan os.Signal
}

func (b blocked) Read([]byte) (int, error) {
	if b.signal != nil {
		b.signal <- os.Interrupt
	}
	<-b.done
	return 0, io.EOF
}

// TestInterrupted is issue 26: Ctrl-C (a SIGINT with --plain, the key in
// raw mode, the key in the reader) ends the session with
// errkind.ErrInterrupted, which exits 130, and the grades given before it
// are saved.
func TestInterrupted(t *testing.T) {
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	q1 := &bank.Question{ID: 1, Deck: bank.DefaultDeck, Level: bank.Beginner, Title: "One?", Summary: "One."}
	q2 := &bank.Question{ID: 2, Deck: bank.DefaultDeck, Level: bank.Beginner, Title: "Two?", Summary: "Two."}
	session := func(t *testing.T) (*Session, *state.Store) {
		store := state.Open(t.TempDir())
		var out strings.Builder
		return &Session{
			Store: store, Sched: fsrs.New(), Now: func() time.Time { return now },
			Cards:    []Card{{Q: q1, Key: "django:1"}, {Q: q2, Key: "django:2"}},
			Out:      &out,
			ErrOut:   &out,
			Markdown: func(q *bank.Question) string { return "# " + q.Title },
			Rendered: func(q *bank.Question, _ int) string { return q.Title + "\n" },
		}, store
	}
	tests := []struct {
		name string
		run  func(s *Session) error
	}{
		{"--plain, SIGINT at the second grade", func(s *Session) error {
			sig := make(chan os.Signal, 1)
			s.interrupts = sig
			cards := 0
			s.WriteCard = func(string) error {
				if cards++; cards == 2 {
					sig <- os.Interrupt
				}
				return nil
			}
			stdin := blocked{done: make(chan struct{})}
			t.Cleanup(func() { close(stdin.done) })
			return s.RunPlain(bufio.NewReader(io.MultiReader(strings.NewReader("good\n"), stdin)))
		}},
		{"SIGINT while waiting for the second reveal", func(s *Session) error {
			sig := make(chan os.Signal, 1)
			s.interrupts = sig
			stdin := blocked{done: make(chan struct{}), signal: sig}
			t.Cleanup(func() { close(stdin.done) })
			return s.RunInteractive(io.MultiReader(strings.NewReader("\r3"), stdin))
		}},
		{"Ctrl-C at the second reveal", func(s *Session) error {
			return s.RunInteractive(strings.NewReader("\r3\x03"))
		}},
		{"Ctrl-C at the second grade", func(s *Session) error {
			return s.RunInteractive(strings.NewReader("\r3\r\x03"))
		}},
		{"Ctrl-C in the reader", func(s *Session) error {
			s.Height = 1 // every answer is tall
			s.showReader = func(r *reader) error {
				if r.label == "[1/2] Question 1" {
					r.Update(press("3"))
				} else {
					r.Update(press("ctrl+c"))
				}
				return nil
			}
			return s.RunInteractive(strings.NewReader("\r\r"))
		}},
		{"SIGINT in the reader", func(s *Session) error {
			s.Height = 1
			s.showReader = func(r *reader) error {
				if r.label == "[1/2] Question 1" {
					r.Update(press("3"))
					return nil
				}
				return tea.ErrInterrupted
			}
			return s.RunInteractive(strings.NewReader("\r\r"))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, store := session(t)
			if err := tt.run(s); !errors.Is(err, errkind.ErrInterrupted) {
				t.Errorf("error %v, want an interruption", err)
			}
			st, err := store.Load()
			if err != nil {
				t.Fatal(err)
			}
			if len(st.Reviews) != 1 || st.Reviews[0].Card != "django:1" {
				t.Errorf("reviews %+v, want the first card's grade kept", st.Reviews)
			}
		})
	}
	// q is a deliberate quit, not an interruption.
	s, _ := session(t)
	if err := s.RunInteractive(strings.NewReader("\r3q")); err != nil {
		t.Errorf("q: error %v", err)
	}
}
