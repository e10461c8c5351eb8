package search

import (
	"math"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2/search"
)

// Questions are matched twice. Bleve's BM25 scores every field with the
// query's words pooled: good at finding candidates, poor at telling "the
// question that is about this" from "an answer that mentions these words
// somewhere", because the asked-as phrasings of a question are one long
// field in which a query's words may be scattered over several phrasings.
// FAQ retrieval's usual fix is to compare the query with each alternate
// question on its own: rerank scores the candidates again by how well the
// query matches the single best of their title and asked-as phrasings,
// counting rare words more than common ones, and blends that with the
// BM25 score and with how much of the query the phrasings (title, asked-as
// and summary) hold between them.

// rerankPool is how many candidates a question query fetches for
// reranking, whatever the limit asked for.
const rerankPool = 20

// rerankWeight is how much the best phrasing match counts against the
// BM25 score, both on a 0-1 scale (tuned on the development sets only: it
// was 0.9 for 160 questions; with 220 and their asked-as phrasings the
// phrasing match is the stronger signal, and 2.0 did best).
const rerankWeight = 2.0

// rerankBeta balances recall (how much of the query a phrasing covers) and
// precision (how much of the phrasing is about the query): 1 weighs them
// equally, which did best on the development set (2 and 3 were tried).
const rerankBeta = 1.0

// coverWeight is how much it counts that a candidate's phrasings, taken
// together, hold the query's terms (each by its rarity): the best single
// phrasing misses a question whose title says one half and an asked-as
// phrasing the other. Tuned on the development sets only.
const coverWeight = 1.0

// queryTerms are the analysed content words of a question query with
// their weights: question words dropped, weak words counting little.
type queryTerms map[string]float64

// questionTerms analyses the free words of clauses for reranking. It
// returns nil when the query is not a question (one word, or with
// phrases, required or excluded words, or fields), which keeps identifier
// and keyword searches exactly as Bleve ranks them.
func questionTerms(clauses []Clause) []string {
	if !isQuestion(clauses) {
		return nil
	}
	var words []string
	for _, c := range clauses {
		if c.Field != "" || c.Phrase || c.Occur != Should {
			return nil
		}
		w := strings.ToLower(c.Text)
		if questionWords[w] {
			continue
		}
		words = append(words, c.Text)
	}
	return words
}

// rerank reorders hits (best first) by BM25 blended with the best
// phrasing match, and returns them all; words are the question's content
// words as typed, idf the search's memoised rarity (shared with snippets).
func (ix *Index) rerank(hits []*search.DocumentMatch, words []string, idf func(string) float64) []*search.DocumentMatch {
	if len(hits) < 2 || len(words) == 0 {
		return hits
	}
	q, raw, short := ix.questionWeights(words, idf)
	var total float64
	for _, w := range q {
		total += w
	}
	if total == 0 {
		return hits
	}
	top := hits[0].Score
	for _, h := range hits {
		top = max(top, h.Score)
	}
	type scored struct {
		h *search.DocumentMatch
		s float64
	}
	out := make([]scored, len(hits))
	for i, h := range hits {
		best := 0.0
		covered := map[string]bool{}
		for _, terms := range phrasings(h) {
			// An identifier typed without its suffix names the longer one
			// the bank writes: ManyToMany is ManyToManyField.
			for plain, qt := range short {
				for t := range terms {
					if strings.HasPrefix(t, plain) {
						terms[qt] = true
						break
					}
				}
			}
			best = max(best, match(q, raw, total, terms, idf))
			for t := range q {
				if terms[t] {
					covered[t] = true
				}
			}
		}
		cov := 0.0
		for t, w := range q {
			if covered[t] {
				cov += w
			}
		}
		out[i] = scored{h, h.Score/top + rerankWeight*best + coverWeight*cov/total}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].s > out[j].s })
	for i := range out {
		hits[i] = out[i].h
		hits[i].Score = out[i].s
	}
	return hits
}

// questionWeights weighs a question's content words for reranking: q for
// recall (a concept named by several words shares one weight out), raw
// for precision, and short maps identifiers typed short ("ManyToMany",
// lowercased and unjoined) to their query term.
func (ix *Index) questionWeights(words []string, idf func(string) float64) (q, raw queryTerms, short map[string]string) {
	q, raw, short = queryTerms{}, queryTerms{}, map[string]string{}
	runs := ix.synonyms.ConceptRuns(words)
	for _, w := range words {
		ts := analyze(sharedCache, EnglishAnalyzer, w)
		if len(ts) == 0 {
			continue
		}
		t := squash(ts[0])
		if _, compound := compoundTerm(w); compound {
			if plain := strings.ToLower(strings.NewReplacer("_", "", "-", "").Replace(w)); len(plain) >= 6 {
				short[plain] = t
			}
		}
		weight := idf(t)
		if weakWords[strings.ToLower(w)] {
			weight *= boostWeak
		}
		raw[t] = max(raw[t], weight)
		if n := runs[strings.ToLower(w)]; n > 1 {
			weight /= math.Sqrt(float64(n)) // one concept, however many words name it
		}
		q[t] = max(q[t], weight)
	}
	return q, raw, short
}

// match is the F-measure (recall-weighted) of query terms q against a
// phrasing's terms p, each term counted by its idf. Recall uses q's
// weights (a concept named by several words shared out), precision the
// raw weights, which are on the same scale as the phrasing's own.
func match(q, raw queryTerms, total float64, p map[string]bool, idf func(string) float64) float64 {
	// The query's terms first: most phrasings share none of them, and
	// then the phrasing's own terms need no idf (an index look-up each).
	var hit, hitRaw float64
	for t, w := range q {
		if p[t] {
			hit += w
			hitRaw += raw[t]
		}
	}
	if hit == 0 {
		return 0
	}
	var size float64
	for t := range p {
		size += idf(t)
	}
	if size == 0 {
		return 0
	}
	recall := hit / total
	precision := min(1, hitRaw/size)
	b2 := rerankBeta * rerankBeta
	return (1 + b2) * precision * recall / (b2*precision + recall)
}

// phrasings are the term sets of a hit's title, summary and asked-as
// phrasings, as phraseLines stored them.
func phrasings(h *search.DocumentMatch) []map[string]bool {
	stored, _ := h.Fields[fieldPhrases].(string)
	var out []map[string]bool
	for line := range strings.SplitSeq(stored, "\n") {
		terms := map[string]bool{}
		for t := range strings.FieldsSeq(line) {
			terms[t] = true
		}
		out = append(out, terms)
	}
	return out
}

// idfFunc returns a memoised inverse document frequency over the body
// field: rare words tell more about what a question is about.
func (ix *Index) idfFunc(r multiReader) func(string) float64 {
	var n float64
	for _, rd := range r {
		if c, err := rd.DocCount(); err == nil {
			n += float64(c)
		}
	}
	memo := map[string]float64{}
	return func(t string) float64 {
		if v, ok := memo[t]; ok {
			return v
		}
		df, _ := r.count(t, fieldBody)
		v := math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
		if v < 0.05 {
			v = 0.05
		}
		memo[t] = v
		return v
	}
}
