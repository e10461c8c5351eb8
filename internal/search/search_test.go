package search

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
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

type relCase struct {
	query string
	want  []int
}

func loadRelevance(t *testing.T) []relCase {
	f, err := os.Open(filepath.Join("testdata", "relevance.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []relCase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		q, ids, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("bad line %q", line)
		}
		var want []int
		for _, s := range strings.Split(ids, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil {
				t.Fatalf("bad id in %q", line)
			}
			want = append(want, n)
		}
		cases = append(cases, relCase{q, want})
	}
	return cases
}

// TestRelevance measures top-1 accuracy and mean reciprocal rank over the
// relevance set and fails below 0.90 / 0.93.
func TestRelevance(t *testing.T) {
	ix := memIndex(t)
	cases := loadRelevance(t)
	if len(cases) < 60 {
		t.Fatalf("relevance set has %d queries, want at least 60", len(cases))
	}
	var top1, rr float64
	for _, c := range cases {
		res, err := ix.Search(context.Background(), Request{Query: c.query, Limit: 10})
		if err != nil {
			t.Errorf("%q: %v", c.query, err)
			continue
		}
		rank := 0
		for i, h := range res.Hits {
			if contains(c.want, h.ID) {
				rank = i + 1
				break
			}
		}
		if rank == 1 {
			top1++
		}
		if rank > 0 {
			rr += 1 / float64(rank)
		}
		if rank != 1 {
			var got []string
			for _, h := range res.Hits[:min(3, len(res.Hits))] {
				got = append(got, h.Ref)
			}
			t.Logf("miss: %-40q want %v, rank %d, top %v", c.query, c.want, rank, got)
		}
	}
	n := float64(len(cases))
	acc, mrr := top1/n, rr/n
	t.Logf("relevance over %d queries: top-1 accuracy %.3f, MRR %.3f", len(cases), acc, mrr)
	fmt.Printf("relevance: %d queries, top-1 %.3f, MRR %.3f\n", len(cases), acc, mrr)
	if acc < 0.90 || mrr < 0.93 {
		t.Errorf("relevance below thresholds: top-1 %.3f (min 0.90), MRR %.3f (min 0.93)", acc, mrr)
	}
}

func contains(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
