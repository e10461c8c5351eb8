package bank

import (
	"fmt"
	"slices"
	"testing"
)

func TestSample(t *testing.T) {
	pool := make([]*Question, 20)
	for i := range pool {
		pool[i] = &Question{ID: i + 1, Deck: DefaultDeck, Title: fmt.Sprintf("Q%d?", i+1), Level: Beginner}
	}
	ids := func(qs []*Question) []int {
		out := make([]int, len(qs))
		for i, q := range qs {
			out[i] = q.ID
		}
		return out
	}
	tests := []struct {
		name    string
		pool    []*Question
		n       int
		seed    int64
		wantLen int
	}{
		{"fewer than the pool", pool, 5, 42, 5},
		{"exactly the pool", pool, 20, 42, 20},
		{"more than the pool returns all", pool, 50, 7, 20},
		{"none", pool, 0, 1, 0},
		{"empty pool", nil, 3, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sample(tt.pool, tt.n, tt.seed)
			if len(got) != tt.wantLen {
				t.Fatalf("Sample(%d questions, %d, %d) gave %d questions, want %d", len(tt.pool), tt.n, tt.seed, len(got), tt.wantLen)
			}
			seen := map[*Question]bool{}
			for _, q := range got {
				if !slices.Contains(tt.pool, q) {
					t.Errorf("question %d is not from the pool", q.ID)
				}
				if seen[q] {
					t.Errorf("question %d chosen twice", q.ID)
				}
				seen[q] = true
			}
			if again := Sample(tt.pool, tt.n, tt.seed); !slices.Equal(again, got) {
				t.Errorf("same seed gave %v then %v", ids(got), ids(again))
			}
		})
	}

	// A different seed is a different plan: for 20 questions two seeds
	// giving the same order would be a 1 in 20! chance.
	a, b := Sample(pool, 20, 1), Sample(pool, 20, 2)
	if slices.Equal(a, b) {
		t.Errorf("seeds 1 and 2 gave the same order %v", ids(a))
	}
	if slices.Equal(a, pool) && slices.Equal(b, pool) {
		t.Errorf("Sample did not shuffle the pool")
	}
}
