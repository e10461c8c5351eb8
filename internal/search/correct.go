package search

import (
	"sort"
	"strings"
)

// correct finds free words that occur nowhere in the bank and replaces
// each with the closest word that does (within one or two edits, by
// length), preferring the more common word on ties. It returns the new
// text by clause index.
func (ix *Index) correct(r multiReader, clauses []Clause) (map[int]string, error) {
	out := map[int]string{}
	for i, c := range clauses {
		if c.Field != "" && c.Field != "title" || c.Occur == MustNot || c.Phrase {
			continue
		}
		words := strings.Fields(c.Text)
		changed := false
		for k, w := range words {
			terms := analyze(sharedCache, PlainAnalyzer, w)
			if len(terms) == 0 || stopWords[terms[0]] {
				continue
			}
			term := terms[0]
			edits := allowedEdits(term)
			if edits == 0 {
				continue
			}
			if ix.synonyms.Has(term) {
				continue
			}
			known, err := ix.known(r, term, w)
			if err != nil {
				return nil, err
			}
			if known {
				continue
			}
			if fixed := closest(r, term, edits); fixed != "" {
				words[k] = fixed
				changed = true
			}
		}
		if changed {
			out[i] = strings.Join(words, " ")
		}
	}
	return out, nil
}

// allowedEdits is how far a word may be from its correction: short words
// are too ambiguous to correct at all.
func allowedEdits(term string) int {
	n := len([]rune(term))
	switch {
	case n <= 3:
		return 0
	case n <= 5:
		return 1
	default:
		return maxCorrection
	}
}

// known reports whether a word occurs in the bank as typed (the
// unstemmed vocabulary) or through its stem in a searched field, so that
// "caching" is not "corrected" just because the bank says "cache".
func (ix *Index) known(r multiReader, plain, word string) (bool, error) {
	if n, err := r.count(plain, fieldVocab); err != nil || n > 0 {
		return n > 0, err
	}
	stems := analyze(sharedCache, EnglishAnalyzer, word)
	if len(stems) == 0 {
		return true, nil
	}
	for _, f := range []string{fieldTitle, fieldAsked, fieldSummary, fieldBody} {
		if n, err := r.count(stems[0], f); err != nil || n > 0 {
			return n > 0, err
		}
	}
	return false, nil
}

// closest returns the vocabulary word nearest to term, or "".
func closest(r multiReader, term string, edits int) string {
	type cand struct {
		term  string
		dist  int
		count uint64
	}
	var cands []cand
	for t, n := range r.fuzzy(fieldVocab, term, edits) {
		cands = append(cands, cand{t, levenshtein(term, t), n})
	}
	if len(cands) == 0 {
		return ""
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].dist != cands[j].dist {
			return cands[i].dist < cands[j].dist
		}
		if cands[i].count != cands[j].count {
			return cands[i].count > cands[j].count
		}
		return cands[i].term < cands[j].term
	})
	if cands[0].dist > edits {
		return ""
	}
	return cands[0].term
}

// levenshtein is the edit distance between a and b, in runes.
func levenshtein(a, b string) int {
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

// correctedText rebuilds the query as the user typed it, with corrections.
func correctedText(clauses []Clause, corrections map[int]string) string {
	parts := make([]string, len(clauses))
	for i, c := range clauses {
		text := c.Text
		if fixed, ok := corrections[i]; ok {
			text = fixed
		}
		if c.Phrase {
			text = `"` + text + `"`
		}
		if c.Field != "" {
			text = c.Field + ":" + text
		}
		switch c.Occur {
		case Must:
			text = "+" + text
		case MustNot:
			text = "-" + text
		}
		parts[i] = text
	}
	return strings.Join(parts, " ")
}
