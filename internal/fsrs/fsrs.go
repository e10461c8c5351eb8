// Package fsrs schedules flashcard reviews with FSRS-5, the Free Spaced
// Repetition Scheduler, using its published formulas and default
// parameters. A card's memory is two numbers: stability S (the interval, in
// days, at which recall probability falls to 90%) and difficulty D (1 to
// 10). Each review updates both from the grade and from how likely recall
// was at that moment, and the next review is due when recall is predicted
// to drop to the desired retention.
package fsrs

import (
	"math"
	"time"
)

// Grade is the answer to "how well did you remember?".
type Grade int

// The four grades.
const (
	Again Grade = 1
	Hard  Grade = 2
	Good  Grade = 3
	Easy  Grade = 4
)

// DefaultWeights are FSRS-5's default parameters w0..w18.
var DefaultWeights = [19]float64{
	0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192,
	1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621,
}

// Decay and Factor shape the forgetting curve R(t, S) = (1 + Factor*t/S)^Decay,
// chosen so that R(S, S) = 0.9.
const (
	Decay  = -0.5
	Factor = 19.0 / 81.0
)

// Scheduler holds the parameters.
type Scheduler struct {
	W                [19]float64
	DesiredRetention float64
	// MaxInterval caps intervals, in days.
	MaxInterval float64
	// RelearnDelay is how soon a forgotten card comes back.
	RelearnDelay time.Duration
}

// New returns a scheduler with FSRS-5's defaults and 90% retention.
func New() *Scheduler {
	return &Scheduler{W: DefaultWeights, DesiredRetention: 0.9, MaxInterval: 36500, RelearnDelay: 10 * time.Minute}
}

// Card is a card's memory state. A zero Card is new.
type Card struct {
	Stability  float64   `json:"stability"`
	Difficulty float64   `json:"difficulty"`
	Due        time.Time `json:"due"`
	LastReview time.Time `json:"last_review"`
	Reps       int       `json:"reps"`
	Lapses     int       `json:"lapses"`
}

// IsNew reports whether the card was never reviewed.
func (c Card) IsNew() bool { return c.Reps == 0 }

// Retrievability is the probability of recall after elapsed days.
func Retrievability(elapsedDays, stability float64) float64 {
	if stability <= 0 {
		return 0
	}
	return math.Pow(1+Factor*elapsedDays/stability, Decay)
}

// Interval is the number of days until recall probability falls to r.
func (s *Scheduler) Interval(stability float64) float64 {
	i := stability / Factor * (math.Pow(s.DesiredRetention, 1/Decay) - 1)
	return math.Min(math.Max(i, 1), s.MaxInterval)
}

// InitStability is S0(G) = w[G-1].
func (s *Scheduler) InitStability(g Grade) float64 { return math.Max(s.W[g-1], 0.1) }

// InitDifficulty is D0(G) = w4 - e^(w5*(G-1)) + 1, clamped to [1, 10].
func (s *Scheduler) InitDifficulty(g Grade) float64 {
	return clampD(s.initDifficultyRaw(g))
}

func (s *Scheduler) initDifficultyRaw(g Grade) float64 {
	return s.W[4] - math.Exp(s.W[5]*float64(g-1)) + 1
}

// NextDifficulty applies the grade with linear damping towards 10, then
// reverts towards the difficulty of an Easy first answer:
// D1 = D + (-w6*(G-3)) * (10-D)/9, then D2 = w7*D0(4) + (1-w7)*D1.
func (s *Scheduler) NextDifficulty(d float64, g Grade) float64 {
	delta := -s.W[6] * float64(g-3)
	damped := d + delta*(10-d)/9
	return clampD(s.W[7]*s.initDifficultyRaw(Easy) + (1-s.W[7])*damped)
}

// RecallStability is the new stability after a successful review:
// S' = S * (e^w8 * (11-D) * S^-w9 * (e^(w10*(1-R)) - 1) * h * b + 1),
// with h = w15 for Hard and b = w16 for Easy.
func (s *Scheduler) RecallStability(d, st, r float64, g Grade) float64 {
	hard, easy := 1.0, 1.0
	if g == Hard {
		hard = s.W[15]
	}
	if g == Easy {
		easy = s.W[16]
	}
	return st * (math.Exp(s.W[8])*(11-d)*math.Pow(st, -s.W[9])*(math.Exp(s.W[10]*(1-r))-1)*hard*easy + 1)
}

// ForgetStability is the new stability after a lapse:
// S' = w11 * D^-w12 * ((S+1)^w13 - 1) * e^(w14*(1-R)), never above S.
func (s *Scheduler) ForgetStability(d, st, r float64) float64 {
	f := s.W[11] * math.Pow(d, -s.W[12]) * (math.Pow(st+1, s.W[13]) - 1) * math.Exp(s.W[14]*(1-r))
	return math.Min(f, st)
}

// ShortTermStability applies a review on the same day as the last one:
// S' = S * e^(w17 * (G - 3 + w18)).
func (s *Scheduler) ShortTermStability(st float64, g Grade) float64 {
	return st * math.Exp(s.W[17]*(float64(g)-3+s.W[18]))
}

// Review returns the card after grading it at now.
func (s *Scheduler) Review(c Card, g Grade, now time.Time) Card {
	next := c
	switch {
	case c.IsNew():
		next.Stability = s.InitStability(g)
		next.Difficulty = s.InitDifficulty(g)
	default:
		elapsed := math.Max(0, now.Sub(c.LastReview).Hours()/24)
		if elapsed < 1 && now.YearDay() == c.LastReview.YearDay() && now.Year() == c.LastReview.Year() {
			next.Stability = s.ShortTermStability(c.Stability, g)
		} else {
			r := Retrievability(elapsed, c.Stability)
			if g == Again {
				next.Stability = s.ForgetStability(c.Difficulty, c.Stability, r)
			} else {
				next.Stability = s.RecallStability(c.Difficulty, c.Stability, r, g)
			}
		}
		next.Difficulty = s.NextDifficulty(c.Difficulty, g)
	}
	next.Stability = math.Max(next.Stability, 0.1)
	next.Reps++
	next.LastReview = now
	if g == Again {
		if !c.IsNew() {
			next.Lapses++
		}
		next.Due = now.Add(s.RelearnDelay)
		return next
	}
	days := math.Round(s.Interval(next.Stability))
	next.Due = now.Add(time.Duration(days * 24 * float64(time.Hour)))
	return next
}

func clampD(d float64) float64 { return math.Min(math.Max(d, 1), 10) }
