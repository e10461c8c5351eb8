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

func TestSuggest(t *testing.T) {
	ix := memIndex(t)
	for _, tt := range []struct {
		text string
		want int // top id, 0 for none
	}{
		{"select_related", 35},
		{"log in with email", 218},
		{"custom authentication backend", 94},
		{"the what is", 0},
		{"", 0},
	} {
		hits, err := ix.Suggest(t.Context(), tt.text, 3)
		if err != nil {
			t.Fatalf("Suggest(%q): %v", tt.text, err)
		}
		switch {
		case tt.want == 0 && len(hits) > 0:
			t.Errorf("Suggest(%q) = %s, want nothing", tt.text, hits[0].Ref)
		case tt.want != 0 && (len(hits) == 0 || hits[0].ID != tt.want):
			t.Errorf("Suggest(%q) = %v, want %d first", tt.text, hits, tt.want)
		case len(hits) > 3:
			t.Errorf("Suggest(%q) returned %d hits, want at most 3", tt.text, len(hits))
		}
	}
}
