package bank

import (
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/djq-cli/djq/internal/errkind"
	"github.com/djq-cli/djq/internal/sanitize"
)

// NewFilter validates a level and a tag as a user typed them (either may
// be empty) against the known tags: an unknown level or tag is a usage
// error that lists the valid values, with a suggestion for a near miss.
func NewFilter(level, tag string, knownTags, decks []string) (Filter, error) {
	flt := Filter{Decks: decks}
	if level != "" {
		l, err := ParseLevel(level)
		if err != nil {
			return flt, errkind.AsUsage(err)
		}
		flt.Level = l
	}
	if tag != "" {
		t := strings.ToLower(strings.TrimSpace(tag))
		if !slices.Contains(knownTags, t) {
			hint := ""
			if near := Nearest(t, knownTags); near != "" {
				hint = "did you mean " + near + "? "
			}
			return flt, errkind.Usagef("unknown tag %s: %stags are %s", sanitize.Quote(tag), hint, strings.Join(knownTags, ", "))
		}
		flt.Tag = t
	}
	return flt, nil
}

// Nearest returns the candidate closest to s in edit distance when it is
// close enough to be a typo (at most 2 edits, and fewer than half of s),
// or "".
func Nearest(s string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		if d := EditDistance(s, c); d < bestD && d*2 < len([]rune(s)) {
			best, bestD = c, d
		}
	}
	return best
}

// EditDistance is the Levenshtein distance between a and b, in runes; tag
// suggestions and search's typo correction share it.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Sample chooses n questions from pool (all of them when n is larger) in an
// order fixed by seed: the same seed and pool always give the same
// questions, so a study plan can be shared.
func Sample(pool []*Question, n int, seed int64) []*Question {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x646a71)) // "djq"
	idx := rng.Perm(len(pool))
	n = min(n, len(pool))
	out := make([]*Question, n)
	for i := range n {
		out[i] = pool[idx[i]]
	}
	return out
}
