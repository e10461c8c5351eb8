// Package textdist measures how far apart two words are, for the "did you
// mean" of djq: bank suggests a tag or level near a mistyped one, and search
// corrects a query word against the index's vocabulary. Both use this one
// distance, so a typo that one accepts the other accepts too.
package textdist

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

// EditDistance is the optimal string alignment distance between a and b,
// in runes: Levenshtein's insertions, deletions and substitutions, and a
// swap of two neighbouring letters counted as one edit ("csfr" for
// "csrf", the commonest typing slip), not two.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
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
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
