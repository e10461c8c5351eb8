package search

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/hit"
	"github.com/djq-cli/djq/internal/sanitize"
)

// Request is one search.
type Request struct {
	// Query is the query as typed, in the language ParseQuery reads.
	Query string
	// Filter restricts hits by deck, level and tag (from flags).
	Filter bank.Filter
	Limit  int
	// SnippetLen is the snippet's length in characters.
	SnippetLen int

	// clauses is Query parsed by NewRequest; nil means parse at Search.
	clauses []Clause
}

// NewRequest parses query into a request, so that a caller can reject a
// malformed query (a *QueryError) before paying for opening the index,
// and Search does not parse it again.
func NewRequest(query string) (Request, error) {
	clauses, err := ParseQuery(query)
	if err != nil {
		return Request{}, err
	}
	return Request{Query: query, clauses: clauses}, nil
}

// Result is what a search found.
type Result struct {
	Hits []hit.Hit
	// Total is the number of matching questions (before Limit).
	Total uint64
	// Corrected is the query with misspelt words replaced by the words
	// that were searched instead; empty when nothing was corrected.
	Corrected string
	// Fixes are the words corrected, as typed and as searched, so that a
	// long query's "did you mean" can name just those.
	Fixes [][2]string
}

// Field weights: the title says what a question is about, the summary is
// its answer in one sentence, tags are curated topics, the body is long and
// mentions many things in passing.
const (
	boostTitle   = 4.0
	boostAsked   = boostTitle
	boostSummary = 2.0
	boostTags    = 2.0
	boostBody    = 1.0
	boostSynonym = 0.7
	boostJoined  = 1.5
	// boostPair weighs two neighbouring words of a question found together
	// in a title or an asked-as phrasing (0.3 did best on the development
	// sets after the symptom phrasings; 0.15 to 2.0 were tried).
	boostPair     = 0.3
	boostWhole    = 2.0
	boostParts    = 0.25
	maxCorrection = 2
)

// Search runs a query. When a deck's index was opened on last run's key
// while its files were still being checked, the check is awaited after
// searching, and a changed deck is reindexed and the query run again.
func (ix *Index) Search(ctx context.Context, req Request) (*Result, error) {
	var res *Result
	run := func() (err error) { res, err = ix.search(ctx, req); return err }
	err := ix.searchSafely(run)
	changed, serr := ix.settle()
	if serr != nil {
		return nil, serr
	}
	if changed {
		err = ix.searchSafely(run)
	}
	return res, err
}

// Suggest returns the best n hits for text typed where a question
// reference was expected ("djq show select_related"), for a "did you
// mean" message. Text that is not a searchable query (only stop words, say)
// suggests nothing rather than failing.
func (ix *Index) Suggest(ctx context.Context, text string, n int) ([]hit.Hit, error) {
	req, err := NewRequest(text)
	if err != nil {
		return nil, nil
	}
	req.Limit = n
	res, err := ix.Search(ctx, req)
	var qe *QueryError
	if errors.As(err, &qe) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return res.Hits, nil
}

func (ix *Index) search(ctx context.Context, req Request) (*Result, error) {
	clauses := req.clauses
	if clauses == nil {
		var err error
		if clauses, err = ParseQuery(req.Query); err != nil {
			return nil, err
		}
	}
	if !searchable(clauses) {
		return nil, &QueryError{Msg: noWords}
	}
	res := &Result{}
	r, err := ix.readers()
	if err != nil {
		return nil, err
	}
	defer r.close()
	if err := checkFields(r, clauses); err != nil {
		return nil, err
	}
	qb := &queryBuilder{ix: ix, r: r}
	fixed, err := ix.correct(r, clauses)
	if err != nil {
		return nil, err
	}
	if fixed != nil {
		clauses = fixed
		res.Corrected = queryText(clauses)
		res.Fixes = wordFixes(req.clauses, clauses)
	}
	q := qb.buildQuery(clauses, req.Filter)
	limit := req.Limit
	if limit <= 0 {
		limit = 10
	}
	// One idf memo for reranking and snippets: both weigh the same terms.
	idf := ix.idfFunc(r)
	var hits []*search.DocumentMatch
	if filterOnly(clauses) {
		// Nothing to rank by: list what the filters select, in bank order.
		hits, res.Total, err = ix.findInOrder(ctx, q, limit)
	} else if words := questionTerms(clauses); words != nil {
		// Snippets need the words' places in the summary and body only:
		// the second, narrow pass runs a query that searches nothing else.
		snip := (&queryBuilder{ix: ix, r: r, fields: []string{fieldSummary, fieldBody}}).buildQuery(clauses, bank.Filter{})
		hits, res.Total, err = ix.reranked(ctx, q, snip, words, limit, idf)
	} else {
		hits, res.Total, err = ix.find(ctx, q, limit, nil)
	}
	if err != nil {
		return nil, err
	}
	weight := snippetWeight(clauses, idf)
	for _, h := range hits {
		res.Hits = append(res.Hits, toHit(h, req.SnippetLen, weight))
	}
	return res, nil
}

// snippetWeight is how much a matched term counts when a snippet's window
// is chosen: its rarity in the bank, and little for a long question's weak
// words ("use", "make", "django"), so that the window shows the subject.
func snippetWeight(clauses []Clause, idf func(string) float64) func(string) float64 {
	if !isQuestion(clauses) {
		return nil
	}
	weak := map[string]bool{}
	for _, c := range clauses {
		if w := strings.ToLower(c.Text); weakWords[w] || questionWords[w] {
			for _, t := range analyze(sharedCache, EnglishAnalyzer, w) {
				weak[t] = true
			}
		}
	}
	return func(t string) float64 {
		if weak[t] {
			return boostWeak * idf(t)
		}
		return idf(t)
	}
}

// hitFields are the stored fields a result shows.
var hitFields = []string{fieldRef, fieldDeck, fieldID, fieldLevel, fieldTags, fieldTitle, fieldSummary, fieldBody, fieldBlocks}

// find runs q for the best limit hits with their fields and match
// locations (for snippets); fields nil means hitFields.
func (ix *Index) find(ctx context.Context, q query.Query, limit int, fields []string) ([]*search.DocumentMatch, uint64, error) {
	return ix.search1(ctx, q, limit, fields, []string{"-_score", fieldDeck, fieldID})
}

// findInOrder is find in bank order (deck, then numeric id) instead of by
// score, for a query with nothing to rank by. Ids are stored as text, so
// the order is made here rather than by the index's sort.
func (ix *Index) findInOrder(ctx context.Context, q query.Query, limit int) ([]*search.DocumentMatch, uint64, error) {
	all, total, err := ix.search1(ctx, q, maxInOrder, nil, []string{fieldDeck, fieldID})
	if err != nil {
		return nil, 0, err
	}
	id := func(h *search.DocumentMatch) (n int) {
		s, _ := h.Fields[fieldID].(string)
		fmt.Sscan(s, &n)
		return n
	}
	deck := func(h *search.DocumentMatch) string { s, _ := h.Fields[fieldDeck].(string); return s }
	sort.SliceStable(all, func(i, j int) bool {
		if di, dj := deck(all[i]), deck(all[j]); di != dj {
			return di < dj
		}
		return id(all[i]) < id(all[j])
	})
	return all[:min(len(all), limit)], total, nil
}

// maxInOrder bounds how many hits a filter-only query orders.
const maxInOrder = 100000

func (ix *Index) search1(ctx context.Context, q query.Query, limit int, fields, order []string) ([]*search.DocumentMatch, uint64, error) {
	sr := bleve.NewSearchRequestOptions(q, limit, 0, false)
	sr.Fields = fields
	if fields == nil {
		sr.Fields = hitFields
		sr.IncludeLocations = true
	}
	sr.SortBy(order)
	out, err := ix.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, 0, fmt.Errorf("searching: %w", err)
	}
	return out.Hits, out.Total, nil
}

// reranked finds a question's candidates with only the fields reranking
// reads, reranks them, and then loads the shown fields and locations for
// the best limit of them alone.
func (ix *Index) reranked(ctx context.Context, q, snip query.Query, words []string, limit int, idf func(string) float64) ([]*search.DocumentMatch, uint64, error) {
	pool, total, err := ix.find(ctx, q, max(limit, rerankPool), []string{fieldPhrases})
	if err != nil || len(pool) == 0 {
		return pool, total, err
	}
	pool = ix.rerank(pool, words, idf)
	pool = pool[:min(len(pool), limit)]
	rank := map[string]int{}
	ids := make([]string, len(pool))
	for i, h := range pool {
		rank[h.ID], ids[i] = i, h.ID
	}
	// The chosen questions again, with their fields and the places of
	// the query's words in summary and body; a question found through
	// its title or phrasings alone comes back too, without places.
	second := bleve.NewBooleanQuery()
	second.AddMust(bleve.NewDocIDQuery(ids))
	second.AddShould(snip)
	full, _, err := ix.find(ctx, second, len(ids), nil)
	if err != nil {
		return nil, 0, err
	}
	sort.SliceStable(full, func(i, j int) bool { return rank[full[i].ID] < rank[full[j].ID] })
	for _, h := range full {
		h.Score = pool[rank[h.ID]].Score
	}
	return full, total, nil
}

func toHit(h *search.DocumentMatch, snippetLen int, weight func(string) float64) hit.Hit {
	str := func(f string) string {
		s, _ := h.Fields[f].(string)
		return s
	}
	out := hit.Hit{
		Ref: str(fieldRef), Deck: str(fieldDeck), Title: str(fieldTitle), Level: str(fieldLevel), Score: h.Score,
	}
	fmt.Sscan(str(fieldID), &out.ID)
	switch t := h.Fields[fieldTags].(type) {
	case string:
		out.Tags = []string{t}
	case []interface{}:
		for _, x := range t {
			if s, ok := x.(string); ok {
				out.Tags = append(out.Tags, s)
			}
		}
	}
	out.Snippet = makeSnippet(str(fieldBody), decodeBlocks(str(fieldBlocks)), str(fieldSummary), h.Locations[fieldBody], h.Locations[fieldSummary], snippetLen, weight)
	return out
}

// textFields is a disjunction of the same text over every searched field,
// each analysed with the field's own analyzer and weighted. An identifier
// such as select_related or ModelViewSet that the bank uses is searched as
// a whole term only: a title that merely says "model" and "view" must not
// outrank the answer that names ModelViewSet. One the bank never writes
// whole is searched through its parts as well, at a small weight.
func (qb *queryBuilder) textFields(text string, phrase bool, boost float64, fields ...string) query.Query {
	if len(fields) == 0 {
		fields = qb.fields
	}
	if len(fields) == 0 {
		fields = []string{fieldTitle, fieldAsked, fieldSummary, fieldTagText, fieldBody}
	}
	weights := map[string]float64{fieldTitle: boostTitle, fieldAsked: boostAsked, fieldSummary: boostSummary, fieldTagText: boostTags, fieldBody: boostBody}
	var qs []query.Query
	for _, f := range fields {
		w := weights[f] * boost
		if phrase {
			mq := bleve.NewMatchPhraseQuery(text)
			mq.SetField(f)
			mq.Analyzer = EnglishAnalyzer
			mq.SetBoost(w)
			qs = append(qs, mq)
			continue
		}
		for _, word := range strings.Fields(text) {
			whole, compound := compoundTerm(word)
			if !compound {
				mq := bleve.NewMatchQuery(word)
				mq.SetField(f)
				mq.Analyzer = EnglishAnalyzer
				mq.SetBoost(w)
				qs = append(qs, mq)
				continue
			}
			tq := bleve.NewTermQuery(whole)
			tq.SetField(f)
			tq.SetBoost(w * boostWhole)
			qs = append(qs, tq)
			if !qb.inVocab(word) {
				// Nobody wrote it this way: fall back to its parts. A
				// "_suffix" part (the _set of entry_set) is as telling as
				// the whole; plain words such as "set" are not.
				for _, part := range analyze(sharedCache, EnglishAnalyzer, word)[1:] {
					pq := bleve.NewTermQuery(part)
					pq.SetField(f)
					if strings.HasPrefix(part, "_") {
						pq.SetBoost(w)
					} else {
						pq.SetBoost(w * boostParts)
					}
					qs = append(qs, pq)
				}
			}
		}
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// queryParts collects the pieces of a query while its clauses are read.
type queryParts struct {
	should, must, mustNot, filters []query.Query
	// words are the free words searched for, for synonyms and joining.
	words []string
	// question is set for a query of several free words, where question
	// words are dropped and weak words count little.
	question bool
}

// isQuestion reports whether clauses hold two or more free words.
func isQuestion(clauses []Clause) bool {
	n := 0
	for _, c := range clauses {
		if c.Field == "" && c.Occur == Should && !c.Phrase {
			n++
		}
	}
	return n >= 2
}

// buildQuery turns clauses into a Bleve query: free words are ORed (with
// Bleve's coordination favouring questions that match more of them),
// +words and phrases are required, -words excluded, and level/tag/deck
// terms and flag filters are exact keyword filters.
func (qb *queryBuilder) buildQuery(clauses []Clause, flt bank.Filter) query.Query {
	var qp queryParts
	qp.question = isQuestion(clauses)
	for _, c := range clauses {
		qb.addClause(&qp, c)
	}
	for _, joined := range qb.joinedWords(qp.words) {
		qp.should = append(qp.should, qb.textFields(joined, false, boostJoined))
	}
	if qp.question && qb.fields == nil {
		for _, pair := range wordPairs(clauses) {
			qp.should = append(qp.should, qb.textFields(pair, true, boostPair, fieldTitle, fieldAsked))
		}
	}
	for _, alt := range qb.ix.synonyms.Expand(qp.words) {
		// A spelled-out member ("rate limiting") must appear as written,
		// not as "rate" or "limiting" anywhere.
		qp.should = append(qp.should, qb.textFields(alt, strings.Contains(alt, " "), boostSynonym))
	}
	qp.filters = append(qp.filters, filterQueries(flt)...)
	return qp.combine()
}

// wordPairs are the runs of a question from one content word to the next,
// with the stop words between them ("object or None", "empty queryset"):
// searched as phrases in titles and asked-as phrasings they pull a question
// whose phrasing says the same thing into the candidates, even when each
// word alone is common ("what is django used for").
func wordPairs(clauses []Clause) []string {
	var out []string
	prev := -1 // index of the last content word
	for i, c := range clauses {
		if c.Field != "" || c.Occur != Should || c.Phrase {
			prev = -1
			continue
		}
		if len(analyze(sharedCache, EnglishAnalyzer, c.Text)) == 0 {
			continue // a stop word stays inside the run
		}
		if questionWords[strings.ToLower(c.Text)] {
			prev = -1
			continue
		}
		if prev >= 0 && i-prev <= 3 {
			texts := make([]string, 0, i-prev+1)
			for _, cc := range clauses[prev : i+1] {
				texts = append(texts, cc.Text)
			}
			out = append(out, strings.Join(texts, " "))
		}
		prev = i
	}
	return out
}

// addClause adds one parsed clause to qp.
func (qb *queryBuilder) addClause(qp *queryParts, c Clause) {
	var q query.Query
	switch c.Field {
	case "level":
		q = keyword(fieldLevel, strings.ToLower(c.Text))
	case "tag":
		q = keyword(fieldTags, strings.ToLower(c.Text))
	case "deck":
		q = keyword(fieldDeck, c.Text)
	case "title":
		if len(analyze(sharedCache, EnglishAnalyzer, c.Text)) == 0 {
			return
		}
		q = qb.textFields(c.Text, c.Phrase, 1, fieldTitle)
		if c.Occur == Should {
			c.Occur = Must
		}
	default:
		if c.Occur != MustNot {
			// Stop words too: synonyms match runs such as "count how many".
			for _, w := range strings.Fields(c.Text) {
				qp.words = append(qp.words, wholeTerms(w)...)
			}
		}
		if len(analyze(sharedCache, EnglishAnalyzer, c.Text)) == 0 {
			return // only stop words
		}
		boost := 1.0
		if qp.question && c.Occur == Should && !c.Phrase {
			w := strings.ToLower(c.Text)
			if questionWords[w] {
				return
			}
			if weakWords[w] {
				boost = boostWeak
			}
		}
		q = qb.textFields(c.Text, c.Phrase, boost)
	}
	if c.Field != "" && c.Field != "title" && c.Occur != MustNot {
		qp.filters = append(qp.filters, q)
		return
	}
	switch c.Occur {
	case Must:
		qp.must = append(qp.must, q)
	case MustNot:
		qp.mustNot = append(qp.mustNot, q)
	default:
		qp.should = append(qp.should, q)
	}
}

// filterQueries are the keyword filters for the flags' deck, level and tag.
func filterQueries(flt bank.Filter) []query.Query {
	var out []query.Query
	if len(flt.Decks) > 0 {
		var ds []query.Query
		for _, d := range flt.Decks {
			ds = append(ds, keyword(fieldDeck, d))
		}
		out = append(out, bleve.NewDisjunctionQuery(ds...))
	}
	if flt.Level != "" {
		out = append(out, keyword(fieldLevel, string(flt.Level)))
	}
	if flt.Tag != "" {
		out = append(out, keyword(fieldTags, flt.Tag))
	}
	return out
}

// combine assembles the Bleve query.
func (qp *queryParts) combine() query.Query {
	if len(qp.must) == 0 && len(qp.should) == 0 {
		if len(qp.filters) == 0 {
			// Only exclusions or stop words: no words to look for.
			return bleve.NewMatchNoneQuery()
		}
		// Only filters: what they select.
		bq := bleve.NewBooleanQuery()
		bq.AddMust(qp.filters...)
		if len(qp.mustNot) > 0 {
			bq.AddMustNot(qp.mustNot...)
		}
		return bq
	}
	must := qp.must
	bq := bleve.NewBooleanQuery()
	if len(qp.should) > 0 {
		d := bleve.NewDisjunctionQuery(qp.should...)
		if len(must) == 0 {
			// With no +word, at least one word must match: filters
			// narrow the hits, they are not hits themselves.
			must = append(must, d)
		} else {
			bq.AddShould(d)
		}
	}
	bq.AddMust(append(must, qp.filters...)...)
	if len(qp.mustNot) > 0 {
		bq.AddMustNot(qp.mustNot...)
	}
	return bq
}

// compoundTerm reports whether word is an identifier the tokenizer splits
// into parts, and returns its whole analysed term.
func compoundTerm(word string) (string, bool) {
	toks := identTokenizer{}.Tokenize([]byte(word))
	if len(toks) < 2 {
		return "", false
	}
	terms := analyze(sharedCache, EnglishAnalyzer, string(toks[0].Term))
	if len(terms) == 0 {
		return "", false
	}
	return terms[0], true
}

// joinedWords finds identifiers a person typed as separate words
// ("prefetch related", "form valid", "start project", "django admin"):
// each pair of neighbouring words joined by "_", "-" or nothing, kept when
// the bank uses that identifier.
func (qb *queryBuilder) joinedWords(words []string) []string {
	var out []string
	for i := 0; i+1 < len(words); i++ {
		a, b := words[i], words[i+1]
		if stopWords[a] || stopWords[b] {
			continue
		}
		for _, sep := range []string{"_", "-", ""} {
			if j := a + sep + b; qb.count(j, fieldVocab) > 0 {
				out = append(out, j)
				break
			}
		}
	}
	return out
}

// queryBuilder builds one search's query with an index reader at hand, to
// ask which words the bank actually uses.
type queryBuilder struct {
	ix *Index
	r  multiReader
	// fields, when set, narrows the fields every word is searched in;
	// snippet queries (see reranked) use only the summary and body.
	fields []string
}

// count is how many questions hold term in field (0 on error).
func (qb *queryBuilder) count(term, field string) uint64 {
	n, err := qb.r.count(term, field)
	if err != nil {
		return 0
	}
	return n
}

// inVocab reports whether the bank writes word (as typed, lowercased).
func (qb *queryBuilder) inVocab(word string) bool {
	terms := analyze(sharedCache, PlainAnalyzer, word)
	return len(terms) > 0 && qb.count(terms[0], fieldVocab) > 0
}

func keyword(field, value string) query.Query {
	q := bleve.NewTermQuery(value)
	q.SetField(field)
	return q
}

// DidYouMean is the corrected query for "did you mean", quoted; for a
// long query only the words that were corrected ("from" for "form"),
// which a cut query would hide.
func (r *Result) DidYouMean(query string) string {
	if len(query) <= 60 || len(r.Fixes) == 0 {
		return sanitize.Quote(r.Corrected)
	}
	parts := make([]string, len(r.Fixes))
	for i, fx := range r.Fixes {
		parts[i] = sanitize.Quote(fx[1]) + " for " + sanitize.Quote(fx[0])
	}
	return strings.Join(parts, ", ")
}
