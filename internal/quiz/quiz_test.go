package quiz

import (
	"testing"
	"time"

	"github.com/djq-cli/djq/internal/fsrs"
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
