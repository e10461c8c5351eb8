package search

import (
	"sort"
	"strings"

	"github.com/djq-cli/djq/internal/textdist"
)

// correct replaces free words that occur nowhere in the bank with the
// closest words that do (within one or two edits, by length), preferring
// the more common word on ties. The neighbouring words decide first: a
// candidate that forms an identifier the bank uses with the word before
// or after it wins, and the two words become that identifier ("prefetch
// releted" is prefetch_related, not "prefetch deleted"). It returns the
// corrected clauses, or nil when nothing was corrected.
func (ix *Index) correct(r multiReader, clauses []Clause) ([]Clause, error) {
	out := make([]Clause, 0, len(clauses))
	changed := false
	for i := 0; i < len(clauses); i++ {
		c := clauses[i]
		if w, ok := realWordSlip(clauses, i); ok {
			c.Text, changed = w, true
			out = append(out, c)
			continue
		}
		cands, err := ix.candidates(r, c)
		if err != nil {
			return nil, err
		}
		if len(cands) == 0 {
			out = append(out, c)
			continue
		}
		changed = true
		c.Text = cands[0]
		var prev, next *Clause
		if n := len(out); n > 0 && joinable(out[n-1], c) {
			prev = &out[n-1]
		}
		if i+1 < len(clauses) && joinable(c, clauses[i+1]) {
			next = &clauses[i+1]
		}
		merged := false
		for _, cand := range cands {
			if prev != nil {
				if id := r.identifier(prev.Text, cand); id != "" {
					prev.Text, merged = id, true
					break
				}
			}
			if next != nil {
				if id := r.identifier(cand, next.Text); id != "" {
					c.Text = id
					i++ // the next word is part of it
					break
				}
			}
		}
		if !merged {
			out = append(out, c)
		}
	}
	if !changed {
		return nil, nil
	}
	return out, nil
}

// slips are real words typed for a function word ("get an object form
// the database"): no spelling check can see them, since "form" is a word
// the bank uses on every other page. They are read as the function word
// only where the function word fits and the real word does not: after a
// word that is not a determiner and before one ("object form the", but
// not "a form the user fills in" or "model form the").
var slips = map[string]string{"form": "from", "fro": "for", "fo": "of", "ot": "to", "nad": "and", "adn": "and"}

// determiners start a noun phrase; a slip sits between a noun and one.
var determiners = wordSet(`the a an my your our their his her its this that these those some any each every all`)

// notBeforeSlip are words after which the real word is meant ("a form",
// "model form", "django form").
var notBeforeSlip = wordSet(`the a an my your our their his her its this that these those some any each every all
	model django custom html login contact search signup registration admin`)

// realWordSlip returns the function word that clause i was typed for,
// when it is one of slips in a place only the function word fits.
func realWordSlip(clauses []Clause, i int) (string, bool) {
	free := func(j int) (string, bool) {
		if j < 0 || j >= len(clauses) {
			return "", false
		}
		c := clauses[j]
		if c.Field != "" || c.Phrase || c.Occur != Should || strings.ContainsRune(c.Text, ' ') {
			return "", false
		}
		return strings.ToLower(c.Text), true
	}
	w, ok := free(i)
	fix := slips[w]
	if !ok || fix == "" || !isQuestion(clauses) {
		return "", false
	}
	prev, okPrev := free(i - 1)
	next, okNext := free(i + 1)
	if !okPrev || !okNext || notBeforeSlip[prev] || !determiners[next] {
		return "", false
	}
	return fix, true
}

// joinable reports whether a and b are neighbouring free words that may
// form one identifier.
func joinable(a, b Clause) bool {
	plain := func(c Clause) bool { return c.Field == "" && !c.Phrase && !strings.ContainsRune(c.Text, ' ') }
	return plain(a) && plain(b) && a.Occur == b.Occur && a.Occur != MustNot
}

// candidates returns the corrections of a free word that occurs nowhere
// in the bank, best first, or none when the word is known, too short to
// correct, a stop word or a synonym.
func (ix *Index) candidates(r multiReader, c Clause) ([]string, error) {
	if c.Field != "" && c.Field != "title" || c.Occur == MustNot || c.Phrase || strings.ContainsRune(c.Text, ' ') {
		return nil, nil
	}
	terms := analyze(sharedCache, PlainAnalyzer, c.Text)
	if len(terms) == 0 || stopWords[terms[0]] {
		return nil, nil
	}
	term := terms[0]
	edits := allowedEdits(term)
	if edits == 0 || ix.synonyms.Has(term) {
		return nil, nil
	}
	if known, err := ix.known(r, term, c.Text); err != nil || known {
		return nil, err
	}
	return closest(r, term, edits), nil
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

// closest returns the vocabulary words within edits of term, nearest
// first, then most common.
func closest(r multiReader, term string, edits int) []string {
	type cand struct {
		term  string
		dist  int
		count uint64
	}
	var cands []cand
	// The index's fuzzy matching counts a swap of two letters as two
	// edits; ask one further and keep what is near enough with swaps
	// counted as one.
	for t, n := range r.fuzzy(fieldVocab, term, min(edits+1, maxCorrection)) {
		if d := textdist.EditDistance(term, t); d <= edits {
			cands = append(cands, cand{t, d, n})
		}
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
	out := make([]string, len(cands))
	for i, c := range cands {
		out[i] = c.term
	}
	return out
}

// wordFixes pairs the words of a query as typed with the words searched
// instead, for the ones that differ. Corrections that join two words into
// one identifier shift the positions; from there on the remaining typed
// words are compared against the rest, which is still right for the
// usual single-word fix.
func wordFixes(typed, fixed []Clause) [][2]string {
	var out [][2]string
	j := 0
	for i := 0; i < len(typed) && j < len(fixed); i, j = i+1, j+1 {
		a, b := typed[i].Text, fixed[j].Text
		if a == b {
			continue
		}
		if i+1 < len(typed) && len(typed) > len(fixed) && strings.Contains(b, "_") {
			a += " " + typed[i+1].Text
			i++
		}
		out = append(out, [2]string{a, b})
	}
	return out
}

// queryText writes clauses back as a query, for "did you mean".
func queryText(clauses []Clause) string {
	parts := make([]string, len(clauses))
	for i, c := range clauses {
		text := c.Text
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
