package search

import (
	"bufio"
	"strings"
)

// Synonyms are the curated groups of interchangeable terms. A line of
// members separated by commas is a group of equivalents: abbreviations and
// their spelled-out forms ("fbv" and "function-based view"); a query that
// contains one member also searches for the others. A line "a, b => c, d"
// is one-way: the learner's words on the left also search for the terms
// the answers use on the right ("column => field, migration"), but
// searching for "migration" does not pull in "column".
type Synonyms struct {
	groups []synonymGroup
}

type synonymGroup struct {
	from []synonym // members that trigger the group
	to   []synonym // members searched when one of from appears
}

type synonym struct {
	text  string
	terms []string // whole words, lowercased, split at hyphens: for matching query words
}

// ParseSynonyms reads the curated list: one group per line, members
// separated by commas, "=>" for a one-way group; '#' starts a comment.
func ParseSynonyms(text string) *Synonyms {
	s := &Synonyms{}
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		left, right, oneWay := strings.Cut(line, "=>")
		from := parseMembers(left)
		if oneWay {
			if to := parseMembers(right); len(from) > 0 && len(to) > 0 {
				s.groups = append(s.groups, synonymGroup{from: from, to: to})
			}
			continue
		}
		if len(from) > 1 {
			s.groups = append(s.groups, synonymGroup{from: from, to: from})
		}
	}
	return s
}

func parseMembers(list string) []synonym {
	var out []synonym
	for _, m := range strings.Split(list, ",") {
		m = strings.TrimSpace(m)
		if terms := matchTerms(wholeTerms(m)); len(terms) > 0 {
			out = append(out, synonym{text: m, terms: terms})
		}
	}
	return out
}

// wholeTerms are the whole words of text (no identifier parts), lowercased,
// which is how query words are compared with synonym members: what the
// plain analyzer gives first for each word, without its parts.
func wholeTerms(text string) []string {
	var out []string
	for _, w := range strings.Fields(text) {
		if toks := (identTokenizer{}).Tokenize([]byte(w)); len(toks) > 0 {
			out = append(out, strings.ToLower(string(toks[0].Term)))
		}
	}
	return out
}

// matchTerms splits hyphenated words, so that "object relational mapper"
// and "object-relational mapper" are the same run of words.
func matchTerms(words []string) []string {
	var out []string
	for _, w := range words {
		if strings.Contains(w, "-") && !strings.HasPrefix(w, "-") {
			out = append(out, strings.FieldsFunc(w, func(r rune) bool { return r == '-' })...)
			continue
		}
		out = append(out, w)
	}
	return out
}

// Has reports whether term is a one-word member of some group, which
// makes it a word worth keeping as typed even if no answer uses it.
func (s *Synonyms) Has(term string) bool {
	if s == nil {
		return false
	}
	for _, g := range s.groups {
		for _, m := range g.from {
			if len(m.terms) == 1 && m.terms[0] == term {
				return true
			}
		}
	}
	return false
}

// Expand returns the members to search for besides words: for every group
// one of whose triggering members appears in words as a run of whole
// words, the group's other members.
func (s *Synonyms) Expand(words []string) []string {
	if s == nil {
		return nil
	}
	words = matchTerms(words)
	var out []string
	seen := map[string]bool{}
	for _, g := range s.groups {
		hit := ""
		for _, m := range g.from {
			if containsRun(words, m.terms) {
				hit = m.text
				break
			}
		}
		if hit == "" {
			continue
		}
		for _, m := range g.to {
			if m.text != hit && !seen[m.text] {
				seen[m.text] = true
				out = append(out, m.text)
			}
		}
	}
	return out
}

// ConceptRuns returns, for each word of words that is part of a member of
// several words found as a run ("django rest framework", "signed in"), the
// length of the longest such member. Such a run names one concept, and
// reranking counts it once instead of once per word, so that a question's
// rare, decisive word ("CORS") is not outvoted by a product's long name.
func (s *Synonyms) ConceptRuns(words []string) map[string]int {
	if s == nil {
		return nil
	}
	lower := make([]string, len(words))
	for i, w := range words {
		lower[i] = strings.ToLower(w)
	}
	words = matchTerms(lower)
	out := map[string]int{}
	for _, g := range s.groups {
		for _, m := range g.from {
			if len(m.terms) < 2 || !containsRun(words, m.terms) {
				continue
			}
			for _, t := range m.terms {
				out[t] = max(out[t], len(m.terms))
			}
		}
	}
	return out
}

func containsRun(words, run []string) bool {
	if len(run) == 0 || len(run) > len(words) {
		return false
	}
	for i := 0; i+len(run) <= len(words); i++ {
		ok := true
		for j := range run {
			if words[i+j] != run[j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
