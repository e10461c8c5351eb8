package search

import (
	"math"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"

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
// BM25 score.

// rerankPool is how many candidates a question query fetches for
// reranking, whatever the limit asked for.
const rerankPool = 20

// rerankWeight is how much the best phrasing match counts against the
// BM25 score, both on a 0-1 scale (tuned on the development set only).
const rerankWeight = 0.9

// rerankBeta balances recall (how much of the query a phrasing covers) and
// precision (how much of the phrasing is about the query): 1 weighs them
// equally, which did best on the development set (2 and 3 were tried).
const rerankBeta = 1.0

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

// phraseTerms analyses one phrasing into its distinct terms: the whole
// identifier only, not its parts, which the tokenizer puts at the same
// position after it.
func phraseTerms(a analysis.Analyzer, text string) map[string]bool {
	out := map[string]bool{}
	last := -1
	for _, t := range a.Analyze([]byte(text)) {
		if t.Position != last {
			out[string(t.Term)] = true
			last = t.Position
		}
	}
	return out
}

// rerank reorders hits (best first) by BM25 blended with the best
// phrasing match, and returns them all; words are the question's content
// words as typed.
func (ix *Index) rerank(r multiReader, hits []*search.DocumentMatch, words []string) []*search.DocumentMatch {
	if len(hits) < 2 || len(words) == 0 {
		return hits
	}
	a, err := sharedCache.AnalyzerNamed(EnglishAnalyzer)
	if err != nil {
		return hits
	}
	idf := ix.idfFunc(r)
	q := queryTerms{}
	for _, w := range words {
		ts := analyze(sharedCache, EnglishAnalyzer, w)
		if len(ts) == 0 {
			continue
		}
		weight := idf(ts[0])
		if weakWords[strings.ToLower(w)] {
			weight *= boostWeak
		}
		q[ts[0]] = max(q[ts[0]], weight)
	}
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
		for _, p := range phrasings(h) {
			best = max(best, match(q, total, phraseTerms(a, p), idf))
		}
		out[i] = scored{h, h.Score/top + rerankWeight*best}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].s > out[j].s })
	for i := range out {
		hits[i] = out[i].h
		hits[i].Score = out[i].s
	}
	return hits
}

// match is the F-measure (recall-weighted) of query terms q against a
// phrasing's terms p, each term counted by its idf.
func match(q queryTerms, total float64, p map[string]bool, idf func(string) float64) float64 {
	var hit, size float64
	for t := range p {
		w := idf(t)
		size += w
		if _, ok := q[t]; ok {
			hit += q[t]
		}
	}
	if hit == 0 || size == 0 {
		return 0
	}
	recall := hit / total
	precision := min(1, hit/size)
	b2 := rerankBeta * rerankBeta
	return (1 + b2) * precision * recall / (b2*precision + recall)
}

// phrasings are a hit's title and asked-as phrasings.
func phrasings(h *search.DocumentMatch) []string {
	var out []string
	if t, ok := h.Fields[fieldTitle].(string); ok {
		out = append(out, t)
	}
	switch a := h.Fields[fieldAsked].(type) {
	case string:
		out = append(out, a)
	case []interface{}:
		for _, x := range a {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
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
