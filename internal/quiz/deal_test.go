package quiz

import (
	"bytes"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/exitcode"
	"github.com/djq-cli/djq/internal/fsrs"
	"github.com/djq-cli/djq/internal/state"
)

func TestDeal(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	q := func(id int) *bank.Question {
		return &bank.Question{ID: id, Deck: bank.DefaultDeck, Title: "Q?", Level: bank.Beginner}
	}
	pool := []*bank.Question{q(1), q(2), q(3)}
	reviewed := func(due time.Time) fsrs.Card {
		return fsrs.Card{Stability: 3, Difficulty: 5, Due: due, LastReview: now.Add(-24 * time.Hour), Reps: 1}
	}
	soon, later := now.Add(26*time.Hour), now.Add(72*time.Hour)
	tests := []struct {
		name  string
		pool  []*bank.Question
		cards map[string]fsrs.Card
		count int
		// wantLen cards are dealt: wantKeys, in any order, when given.
		// wantErr are fragments of the not-found error when none are.
		wantLen  int
		wantKeys []string
		wantErr  []string
	}{
		{name: "nothing reviewed yet", pool: pool, count: 10,
			wantLen: 3, wantKeys: []string{"django:1", "django:2", "django:3"}},
		{name: "at most count", pool: pool, count: 2, wantLen: 2},
		{name: "a due card and a new one", pool: pool, count: 10,
			cards:   map[string]fsrs.Card{"django:1": reviewed(now.Add(-time.Hour)), "django:2": reviewed(later)},
			wantLen: 2, wantKeys: []string{"django:1", "django:3"}},
		{name: "every card scheduled later", pool: pool, count: 10,
			cards: map[string]fsrs.Card{"django:1": reviewed(later), "django:2": reviewed(soon), "django:3": reviewed(later)},
			wantErr: []string{"nothing to review now", "every card here is scheduled for later",
				"(the next is due " + soon.Local().Format("Mon 2 Jan 15:04") + ")"}},
		{name: "an empty pool", pool: nil, count: 10,
			wantErr: []string{"nothing to review now"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := &state.State{Version: state.Version, Cards: tt.cards}
			if st.Cards == nil {
				st.Cards = map[string]fsrs.Card{}
			}
			cards, err := Deal(tt.pool, st, now, tt.count, 1)
			if tt.wantErr != nil {
				if err == nil {
					t.Fatalf("dealt %d cards, want an error", len(cards))
				}
				for _, w := range tt.wantErr {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error %q does not contain %q", err, w)
					}
				}
				if code := exitcode.Of(err); code != exitcode.NotFound {
					t.Errorf("error exits %d, want %d", code, exitcode.NotFound)
				}
				if len(cards) != 0 {
					t.Errorf("dealt %d cards with the error", len(cards))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(cards) != tt.wantLen {
				t.Errorf("dealt %d cards, want %d", len(cards), tt.wantLen)
			}
			var keys []string
			for _, c := range cards {
				if c.Key != state.CardKey(c.Q.Deck, c.Q.ID) {
					t.Errorf("card %s has key %q", c.Q.Ref(), c.Key)
				}
				keys = append(keys, c.Key)
			}
			if tt.wantKeys != nil {
				slices.Sort(keys)
				if !slices.Equal(keys, tt.wantKeys) {
					t.Errorf("dealt %q, want %q", keys, tt.wantKeys)
				}
			}
		})
	}
}

func TestUseTerminal(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close(); w.Close() })
	env := []string{"TERM=xterm-256color"}
	tests := []struct {
		name     string
		in       io.Reader
		out      io.Writer
		wantUsed bool
	}{
		{"both files", r, w, true},
		{"stdout redirected to a buffer", r, &bytes.Buffer{}, false},
		{"stdin from a buffer", strings.NewReader("g\n"), w, false},
		{"neither a file", strings.NewReader("g\n"), &bytes.Buffer{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Session
			s.UseTerminal(tt.in, tt.out, 40, env)
			if !tt.wantUsed {
				if s.Height != 0 || s.TTYIn != nil || s.TTYOut != nil {
					t.Errorf("Height %d, TTYIn %v, TTYOut %v: want none without files on both sides", s.Height, s.TTYIn, s.TTYOut)
				}
				return
			}
			if s.Height != 40 || s.TTYIn != r || s.TTYOut != w || !slices.Equal(s.Env, env) {
				t.Errorf("Height %d, TTYIn %v, TTYOut %v, Env %q: want 40, the pipe's ends and %q", s.Height, s.TTYIn, s.TTYOut, s.Env, env)
			}
		})
	}
}
