package search

import (
	"testing"

	"github.com/djq-cli/djq/data"
	"github.com/djq-cli/djq/internal/bank"
)

// builtin returns the built-in bank as an index source.
func builtin(t testing.TB) Source {
	t.Helper()
	d, ps := bank.LoadDeck(data.Questions, data.QuestionsDir, bank.DefaultDeck, "(built in)")
	if ps.HasFatal() {
		t.Fatal(ps)
	}
	fp, err := bank.Fingerprint(data.Questions, data.QuestionsDir)
	if err != nil {
		t.Fatal(err)
	}
	return Source{Name: "django", Fingerprint: fp, Questions: func() ([]*bank.Question, error) { return d.Questions, nil }}
}

func memIndex(t testing.TB) *Index {
	t.Helper()
	ix, err := Open([]Source{builtin(t)}, ParseSynonyms(data.Synonyms), Options{NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}
