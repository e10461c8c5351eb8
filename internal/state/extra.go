package state

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/djq-cli/djq/internal/fsrs"
)

// Fields a newer djq may add to the state file, at the top level or in a
// card, are kept through every write: an older djq that rewrites the file
// after a grade must not drop data it does not understand.

// knownTop and knownCard are the keys this version reads itself.
var (
	knownTop  = []string{"version", "cards", "reviews"}
	knownCard = []string{"stability", "difficulty", "due", "last_review", "reps", "lapses"}
)

// stateJSON is the wire shape of State without its methods.
type stateJSON struct {
	Version int                  `json:"version"`
	Cards   map[string]fsrs.Card `json:"cards"`
	Reviews []Review             `json:"reviews"`
}

// UnmarshalJSON reads the known fields and keeps every other one, at the
// top level and in each card, for MarshalJSON to write back.
func (s *State) UnmarshalJSON(raw []byte) error {
	var w stateJSON
	if err := json.Unmarshal(raw, &w); err != nil {
		return err
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(raw, &top); err != nil {
		return err
	}
	s.Version, s.Cards, s.Reviews = w.Version, w.Cards, w.Reviews
	s.extra = unknownFields(top, knownTop)
	s.cardExtra = nil
	var cards map[string]map[string]json.RawMessage
	if c, ok := top["cards"]; ok && json.Unmarshal(c, &cards) == nil {
		for key, fields := range cards {
			if ex := unknownFields(fields, knownCard); ex != nil {
				if s.cardExtra == nil {
					s.cardExtra = map[string]map[string]json.RawMessage{}
				}
				s.cardExtra[key] = ex
			}
		}
	}
	return nil
}

// MarshalJSON writes the known fields and the unknown ones read earlier;
// a card's unknown fields go only with that card while it is kept.
func (s State) MarshalJSON() ([]byte, error) {
	cards := make(map[string]json.RawMessage, len(s.Cards))
	for key, c := range s.Cards {
		raw, err := withExtra(c, s.cardExtra[key])
		if err != nil {
			return nil, err
		}
		cards[key] = raw
	}
	type plain struct {
		Version int                        `json:"version"`
		Cards   map[string]json.RawMessage `json:"cards"`
		Reviews []Review                   `json:"reviews"`
	}
	return withExtra(plain{Version: s.Version, Cards: cards, Reviews: s.Reviews}, s.extra)
}

// unknownFields returns the fields of m not in known, or nil.
func unknownFields(m map[string]json.RawMessage, known []string) map[string]json.RawMessage {
	var out map[string]json.RawMessage
	for k, v := range m {
		isKnown := false
		for _, kn := range known {
			if k == kn {
				isKnown = true
				break
			}
		}
		if !isKnown {
			if out == nil {
				out = map[string]json.RawMessage{}
			}
			out[k] = v
		}
	}
	return out
}

// withExtra marshals v, an object, with the extra fields added.
func withExtra(v any, extra map[string]json.RawMessage) ([]byte, error) {
	raw, err := json.Marshal(v)
	if err != nil || len(extra) == 0 {
		return raw, err
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	for k, x := range extra {
		m[k] = x
	}
	return json.Marshal(m)
}

// checkCards reports the first card (in key order) whose numbers cannot be
// a memory state the scheduler made: for a reviewed card, a stability under
// 0.1 days or a difficulty outside 1 to 10, or any value that is not a
// finite number. Such a value makes the card's next grade NaN (a stability
// of 0 alone does: 0 to a negative power is infinite).
func checkCards(cards map[string]fsrs.Card) error {
	keys := make([]string, 0, len(cards))
	for k := range cards {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var bad []string
	for _, k := range keys {
		c := cards[k]
		reviewed := c.Reps > 0 // a new card's numbers are not used
		switch {
		case c.Reps < 0 || c.Lapses < 0:
			bad = append(bad, fmt.Sprintf("card %s has a negative count (reps %d, lapses %d)", k, c.Reps, c.Lapses))
		case !finite(c.Stability) || reviewed && c.Stability < 0.1:
			bad = append(bad, fmt.Sprintf("card %s has stability %v (valid: a number of days from 0.1)", k, c.Stability))
		case !finite(c.Difficulty) || reviewed && (c.Difficulty < 1 || c.Difficulty > 10):
			bad = append(bad, fmt.Sprintf("card %s has difficulty %v (valid: 1 to 10)", k, c.Difficulty))
		}
	}
	if len(bad) == 0 {
		return nil
	}
	if len(bad) > 1 {
		bad = append(bad[:1], fmt.Sprintf("and %d more", len(bad)-1))
	}
	return fmt.Errorf("%s; fix or delete that card's entry", strings.Join(bad, ", "))
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
