package fsrs

import (
	"math"
	"testing"
	"time"
)

// The expected values below were worked out separately (in Python, from
// the FSRS-5 formulas and default parameters), not by this code.

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestInitialState(t *testing.T) {
	s := New()
	want := map[Grade][2]float64{
		Again: {0.40255, 7.1949},
		Hard:  {1.18385, 6.488305268471453},
		Good:  {3.173, 5.282434422319005},
		Easy:  {15.69105, 3.2245015893713678},
	}
	for g, w := range want {
		if got := s.InitStability(g); !near(got, w[0]) {
			t.Errorf("S0(%d) = %v, want %v", g, got, w[0])
		}
		if got := s.InitDifficulty(g); !near(got, w[1]) {
			t.Errorf("D0(%d) = %v, want %v", g, got, w[1])
		}
	}
}

func TestForgettingCurve(t *testing.T) {
	s := New()
	if r := Retrievability(10, 10); !near(r, 0.9) {
		t.Errorf("R(S, S) = %v, want 0.9", r)
	}
	if r := Retrievability(0, 5); !near(r, 1) {
		t.Errorf("R(0, S) = %v, want 1", r)
	}
	if i := s.Interval(10); math.Abs(i-10) > 1e-9 {
		t.Errorf("interval at 90%% retention = %v, want S", i)
	}
}

// TestReviewSequence follows one card: Good when new, Good three days
// later, Again ten days after that.
func TestReviewSequence(t *testing.T) {
	s := New()
	t0 := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	c := s.Review(Card{}, Good, t0)
	if !near(c.Stability, 3.173) || !near(c.Difficulty, 5.282434422319005) || !c.Due.Equal(t0.AddDate(0, 0, 3)) || c.Reps != 1 {
		t.Fatalf("after first Good: %+v", c)
	}
	t1 := t0.AddDate(0, 0, 3)
	c = s.Review(c, Good, t1)
	if math.Abs(c.Stability-10.73892584613159) > 1e-9 || math.Abs(c.Difficulty-5.272967931287446) > 1e-9 {
		t.Fatalf("after second Good: S=%v D=%v, want 10.7389258461 5.2729679313", c.Stability, c.Difficulty)
	}
	if !c.Due.Equal(t1.AddDate(0, 0, 11)) {
		t.Errorf("second interval: due %v, want 11 days", c.Due)
	}
	t2 := t1.AddDate(0, 0, 10)
	c = s.Review(c, Again, t2)
	if math.Abs(c.Stability-2.146380692406721) > 1e-9 || math.Abs(c.Difficulty-6.790567694566929) > 1e-9 {
		t.Fatalf("after Again: S=%v D=%v, want 2.1463806924 6.7905676946", c.Stability, c.Difficulty)
	}
	if c.Lapses != 1 || !c.Due.Equal(t2.Add(10*time.Minute)) {
		t.Errorf("after Again: lapses %d due %v", c.Lapses, c.Due)
	}
}

func TestHardThenEasy(t *testing.T) {
	s := New()
	t0 := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	c := s.Review(Card{}, Hard, t0)
	c = s.Review(c, Easy, t0.AddDate(0, 0, 1))
	if math.Abs(c.Stability-7.944968617963678) > 1e-9 || math.Abs(c.Difficulty-5.9060819957043655) > 1e-9 {
		t.Errorf("S=%v D=%v, want 7.9449686180 5.9060819957", c.Stability, c.Difficulty)
	}
}

func TestSameDayReview(t *testing.T) {
	s := New()
	t0 := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	c := s.Review(Card{}, Good, t0)
	c = s.Review(c, Good, t0.Add(2*time.Hour))
	if math.Abs(c.Stability-4.466858064362218) > 1e-9 {
		t.Errorf("short-term S = %v, want 4.4668580644", c.Stability)
	}
}

func TestDifficultyStaysInRange(t *testing.T) {
	s := New()
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c := Card{}
	for i := 0; i < 50; i++ {
		c = s.Review(c, Again, now)
		now = now.AddDate(0, 0, 2)
		if c.Difficulty < 1 || c.Difficulty > 10 || c.Stability <= 0 {
			t.Fatalf("out of range after %d lapses: %+v", i, c)
		}
	}
	for i := 0; i < 50; i++ {
		c = s.Review(c, Easy, c.Due)
		if c.Difficulty < 1 || c.Difficulty > 10 || c.Due.Sub(c.LastReview) > time.Duration(s.MaxInterval*24)*time.Hour+time.Hour {
			t.Fatalf("out of range after %d easy reviews: %+v", i, c)
		}
	}
}
