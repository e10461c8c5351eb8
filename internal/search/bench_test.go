package search

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/djq-cli/djq/data"
	"github.com/djq-cli/djq/internal/bank"
)

// generated makes n synthetic questions whose text is drawn from the
// built-in bank's own words, so that term statistics look like real
// answers at a larger scale.
func generated(tb testing.TB, n int) []*bank.Question {
	tb.Helper()
	d, _ := bank.LoadDeck(data.Questions, data.QuestionsDir, bank.DefaultDeck, "")
	var words []string
	for _, q := range d.Questions {
		words = append(words, strings.Fields(PlainText(q.Body))...)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(k int) string {
		out := make([]string, k)
		for i := range out {
			out[i] = words[rng.IntN(len(words))]
		}
		return strings.Join(out, " ")
	}
	qs := make([]*bank.Question, n)
	for i := range qs {
		qs[i] = &bank.Question{
			ID: i + 1, Deck: "generated", Title: pick(9) + "?", Level: bank.Levels[i%3],
			Tags: []string{[]string{"orm", "views", "security", "testing"}[i%4]}, Summary: pick(30),
			Body: pick(350),
		}
	}
	return qs
}

var benchQueries = []string{"select_related", "how do I cache a view", "middlware", "csrf token ajax", "N+1"}

// BenchmarkSearchWarm opens the cached index read-only and runs one query,
// which is what a warm `djq search` process does after start-up.
func BenchmarkSearchWarm(b *testing.B) {
	dir := b.TempDir()
	src := builtin(b)
	syn := ParseSynonyms(data.Synonyms)
	ix, err := Open([]Source{src}, syn, Options{CacheDir: dir})
	if err != nil {
		b.Fatal(err)
	}
	ix.Close()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		ix, err := Open([]Source{src}, syn, Options{CacheDir: dir})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ix.Search(context.Background(), Request{Query: benchQueries[i%len(benchQueries)], Limit: 10}); err != nil {
			b.Fatal(err)
		}
		ix.Close()
	}
}

// BenchmarkSearchOnly runs queries against an open index.
func BenchmarkSearchOnly(b *testing.B) {
	ix := memIndex(b)
	for i := 0; b.Loop(); i++ {
		if _, err := ix.Search(context.Background(), Request{Query: benchQueries[i%len(benchQueries)], Limit: 10}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkColdBuild builds and persists the built-in bank's index into
// an empty cache, then searches it: the first `djq search` ever.
func BenchmarkColdBuild(b *testing.B) {
	src := builtin(b)
	syn := ParseSynonyms(data.Synonyms)
	for b.Loop() {
		dir := b.TempDir()
		ix, err := Open([]Source{src}, syn, Options{CacheDir: dir})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ix.Search(context.Background(), Request{Query: "select_related", Limit: 10}); err != nil {
			b.Fatal(err)
		}
		ix.Close()
	}
}

// BenchmarkColdPrebuilt is the first search on an empty cache when the
// prebuilt index matches: a copy, then a search.
func BenchmarkColdPrebuilt(b *testing.B) {
	pre := builtin(b)
	pre.Prebuilt = data.Index()
	syn := ParseSynonyms(data.Synonyms)
	for b.Loop() {
		ix, err := Open([]Source{pre}, syn, Options{CacheDir: b.TempDir()})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ix.Search(context.Background(), Request{Query: "select_related", Limit: 10}); err != nil {
			b.Fatal(err)
		}
		ix.Close()
	}
}

// BenchmarkGenerated10k builds an in-memory index of 10,000 generated
// questions and runs the benchmark queries on it.
func BenchmarkGenerated10k(b *testing.B) {
	qs := generated(b, 10000)
	src := Source{Fingerprint: "generated", Questions: func() ([]*bank.Question, error) { return qs, nil }}
	syn := ParseSynonyms(data.Synonyms)
	for b.Loop() {
		ix, err := Open([]Source{src}, syn, Options{NoCache: true})
		if err != nil {
			b.Fatal(err)
		}
		for _, q := range benchQueries {
			res, err := ix.Search(context.Background(), Request{Query: q, Limit: 10})
			if err != nil {
				b.Fatal(err)
			}
			if len(res.Hits) == 0 {
				b.Fatalf("no hits for %q", q)
			}
		}
		ix.Close()
	}
}

// BenchmarkSearch10kWarm searches a cached index of 10,000 generated
// questions.
func BenchmarkSearch10kWarm(b *testing.B) {
	qs := generated(b, 10000)
	src := Source{Fingerprint: "generated", Questions: func() ([]*bank.Question, error) { return qs, nil }}
	syn := ParseSynonyms(data.Synonyms)
	dir := b.TempDir()
	ix, err := Open([]Source{src}, syn, Options{CacheDir: dir})
	if err != nil {
		b.Fatal(err)
	}
	ix.Close()
	for i := 0; b.Loop(); i++ {
		ix, err := Open([]Source{src}, syn, Options{CacheDir: dir})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ix.Search(context.Background(), Request{Query: benchQueries[i%len(benchQueries)], Limit: 10}); err != nil {
			b.Fatal(err)
		}
		ix.Close()
	}
}

// BenchmarkSearchQuestion runs natural-language questions, which are
// reranked by their best phrasing match, against an open index.
func BenchmarkSearchQuestion(b *testing.B) {
	ix := memIndex(b)
	qs := []string{"how do i avoid n+1 queries", "why is my page so slow", "what happens when two users edit the same row"}
	for i := 0; b.Loop(); i++ {
		if _, err := ix.Search(context.Background(), Request{Query: qs[i%len(qs)], Limit: 10}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewDoc10k turns 10,000 generated questions into index
// documents: plain text, blocks and the typo vocabulary, the part of an
// index build that is djq's own code rather than Bleve's.
func BenchmarkNewDoc10k(b *testing.B) {
	qs := generated(b, 10000)
	for b.Loop() {
		for _, q := range qs {
			_ = newDoc(q)
		}
	}
}

// BenchmarkTokenize runs the identifier tokenizer over the built-in
// bank's answers, as the index's analyzers do for every field.
func BenchmarkTokenize(b *testing.B) {
	qs, _ := builtin(b).Questions()
	var texts [][]byte
	for _, q := range qs {
		texts = append(texts, []byte(q.Body))
	}
	for b.Loop() {
		for _, t := range texts {
			_ = (identTokenizer{}).Tokenize(t)
		}
	}
}
