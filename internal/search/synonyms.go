package search

import (
	"bufio"
	"strings"

	"github.com/blevesearch/bleve/v2/registry"
)

// Synonyms are groups of interchangeable terms: abbreviations and their
// spelled-out forms ("fbv" and "function-based view"). A query that
// contains one member of a group also searches for the others.
type Synonyms struct {
	groups [][]synonym
}

type synonym struct {
	text  string
	terms []string // analysed with PlainAnalyzer, for matching query words
}

// ParseSynonyms reads the curated list: one group per line, members
// separated by commas; '#' starts a comment.
func ParseSynonyms(text string) *Synonyms {
	cache := sharedCache
	s := &Synonyms{}
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		var group []synonym
		for _, m := range strings.Split(line, ",") {
			m = strings.TrimSpace(m)
			if m == "" {
				continue
			}
			terms := analyze(cache, PlainAnalyzer, m)
			if len(terms) == 0 {
				continue
			}
			group = append(group, synonym{text: m, terms: wholeTerms(cache, m)})
		}
		if len(group) > 1 {
			s.groups = append(s.groups, group)
		}
	}
	return s
}

// wholeTerms are the whole words of text (no identifier parts), lowercased,
// which is how query words are compared with synonym members.
func wholeTerms(cache *registry.Cache, text string) []string {
	var out []string
	for _, w := range strings.Fields(text) {
		toks := analyze(cache, PlainAnalyzer, w)
		if len(toks) > 0 {
			out = append(out, toks[0])
		}
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
		for _, m := range g {
			if len(m.terms) == 1 && m.terms[0] == term {
				return true
			}
		}
	}
	return false
}

// Expand returns the other members of every group one of whose members
// appears, as a run of whole words, in words.
func (s *Synonyms) Expand(words []string) []string {
	if s == nil {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for _, g := range s.groups {
		hit := -1
		for i, m := range g {
			if containsRun(words, m.terms) {
				hit = i
				break
			}
		}
		if hit < 0 {
			continue
		}
		for i, m := range g {
			if i != hit && !seen[m.text] {
				seen[m.text] = true
				out = append(out, m.text)
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
