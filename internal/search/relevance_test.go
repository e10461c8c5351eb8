package search

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/djq-cli/djq/data"
)

// relCase is one query of an evaluation set and the ids that answer it;
// the first is the best answer, a hit on any counts.
type relCase struct {
	query string
	want  []int
}

// loadSet reads an evaluation set (query, tab, ids separated by commas or
// spaces; the first id is the best answer). An id that is not in the bank
// fails the test instead of silently shrinking the set. Errors name the
// line, never its text, so a held-out query is not printed.
func loadSet(t *testing.T, name string, exists func(int) bool) []relCase {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []relCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		q, ids, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("%s:%d: want a query, a tab and answer ids", name, n)
		}
		var want []int
		for _, s := range strings.FieldsFunc(ids, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
			id, err := strconv.Atoi(s)
			if err != nil || !exists(id) {
				t.Fatalf("%s:%d: %q is not the id of a question in the bank", name, n, s)
			}
			want = append(want, id)
		}
		if len(want) == 0 {
			t.Fatalf("%s:%d: no answer ids", name, n)
		}
		cases = append(cases, relCase{q, want})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// figures are the measures of one evaluation set.
type figures struct {
	n               int
	top1, top3, mrr float64
}

func (f figures) String() string {
	return fmt.Sprintf("%d queries, top-1 %.3f, top-3 %.3f, MRR %.3f", f.n, f.top1, f.top3, f.mrr)
}

// evaluate runs every case and measures top-1, top-3 and mean reciprocal
// rank (over the first 10 hits), logging the misses unless the set is
// held out: a held-out query that anyone reads stops measuring, so only
// its figures are printed.
func evaluate(t *testing.T, ix *Index, cases []relCase, heldOut bool) figures {
	t.Helper()
	var f figures
	for _, c := range cases {
		res, err := ix.Search(context.Background(), Request{Query: c.query, Limit: 10})
		if err != nil {
			if heldOut {
				t.Errorf("a held-out query failed: %v", err)
			} else {
				t.Errorf("%q: %v", c.query, err)
			}
			continue
		}
		rank := 0
		for i, h := range res.Hits {
			if slices.Contains(c.want, h.ID) {
				rank = i + 1
				break
			}
		}
		if rank == 1 {
			f.top1++
		}
		if rank >= 1 && rank <= 3 {
			f.top3++
		}
		if rank > 0 {
			f.mrr += 1 / float64(rank)
		}
		if rank != 1 && !heldOut {
			var got []int
			for _, h := range res.Hits[:min(3, len(res.Hits))] {
				got = append(got, h.ID)
			}
			t.Logf("miss: %-50q want %v, rank %d, top %v", c.query, c.want, rank, got)
		}
	}
	f.n = len(cases)
	if f.n > 0 {
		n := float64(f.n)
		f.top1, f.top3, f.mrr = f.top1/n, f.top3/n, f.mrr/n
	}
	return f
}

// evalSets are the evaluation sets with the figures each must reach. The
// identifier set and the natural-language development set are what
// ranking is tuned on, so their thresholds sit just under what the
// ranking reaches and fail on a regression. The held-out sets are never
// tuned against and never read: their thresholds catch a regression, and
// their figures (only) show in CI.
var evalSets = []struct {
	file                     string
	minTop1, minTop3, minMRR float64
	heldOut                  bool
}{
	// Figures on 2026-12-06 over 220 questions, after the reranking of
	// issue 25 (rerank weight 2.0, coverage, squashed identifiers):
	// relevance 0.961/0.987/0.971, nl-dev 0.901/0.980/0.939, nl-dev2
	// 0.709/0.900/0.800, nl-dev3 0.744/0.885/0.829, kw-dev 0.970/1.000/0.983;
	// held out: nl-heldout2 0.792/0.925/0.866, kw-heldout2 0.938/0.975/0.959
	// (measured once, after the change; the bank grew by 60 questions since
	// the held-out sets were labelled, so some of their misses are new
	// answers that fit the query as well). Earlier figures: BENCHMARKS.md.
	// Reached on 2026-11-30 over questions 1–103: 0.961 / 1.000 / 0.978.
	{file: "relevance.tsv", minTop1: 0.95, minTop3: 0.98, minMRR: 0.96},
	// Reached: 0.869 / 0.967 / 0.921 (the targets: 0.85 / 0.95 / 0.90).
	{file: "nl-dev.tsv", minTop1: 0.88, minTop3: 0.96, minMRR: 0.92},
	// Written blind from titles and summaries on 2026-12-01, a second
	// development set. Reached: 0.664 / 0.891 / 0.783; thresholds catch a
	// regression. Synonyms in the reranker and stemmed synonym triggers
	// were tried against it and made it (or nl-dev) worse.
	{file: "nl-dev2.tsv", minTop1: 0.69, minTop3: 0.88, minMRR: 0.78},
	// The first held-out sets, retired to development use on 2026-12-06:
	// one of their queries had been copied into an asked-as list and
	// synonym lines had been written that only they triggered, so they no
	// longer measured unseen questions.
	// Reached on 2026-12-06 without those synonyms: 0.705 / 0.923 / 0.808.
	{file: "nl-dev3.tsv", minTop1: 0.72, minTop3: 0.86, minMRR: 0.81},
	// Reached: 0.970 / 1.000 / 0.983.
	{file: "kw-dev.tsv", minTop1: 0.95, minTop3: 0.99, minMRR: 0.97},
	// Held out: written blind on 2026-12-06 from titles and summaries by
	// someone who neither tunes ranking nor writes answers, before the
	// ranking changes they judge; only this test opens them, and it prints
	// only their figures. nl-heldout2 is real-style questions (long, noisy,
	// a quarter with typos), kw-heldout2 short keyword and identifier
	// queries. First measured before any change: 0.708 / 0.933 / 0.823
	// and 0.950 / 0.988 / 0.972. Their labels were re-audited (9 lines, by a
	// reader who does not tune search) for the 64 questions added after
	// them; on the relabelled sets the session-2 ranking went 0.817 / 0.925
	// / 0.878 → 0.825 / 0.942 / 0.889 and 0.938 / 0.975 / 0.959 → the same.
	// Thresholds sit a few queries under, so a real regression fails.
	{file: "nl-heldout2.tsv", minTop1: 0.79, minTop3: 0.92, minMRR: 0.86, heldOut: true},
	{file: "kw-heldout2.tsv", minTop1: 0.91, minTop3: 0.96, minMRR: 0.94, heldOut: true},
	// Held out, written the same way for the round-3 questions (ids 161
	// and up) after they were written and after the ranking change.
	// First measured: 0.943 / 1.000 / 0.964.
	{file: "nl-heldout3.tsv", minTop1: 0.90, minTop3: 0.97, minMRR: 0.93, heldOut: true},
	// Held out, 150 real-style questions over the whole bank, written blind
	// before session 2's phrasings and ranking changes (issue 25's "own
	// fresh held-out set"). Before: 0.813 / 0.973 / 0.891; after the
	// symptom phrasings and word-pair phrases: 0.873 / 0.980 / 0.925; after
	// twelve asked-as phrasings that stood word for word in held-out
	// queries were reworded (TestHeldOutNotInBank): 0.867 / 0.980 / 0.922.
	{file: "nl-heldout4.tsv", minTop1: 0.84, minTop3: 0.96, minMRR: 0.90, heldOut: true},
}

func testSets(t *testing.T, heldOut bool) {
	ix := memIndex(t)
	ids := map[int]bool{}
	qs, _ := builtin(t).Questions()
	for _, q := range qs {
		ids[q.ID] = true
	}
	exists := func(id int) bool { return ids[id] }
	for _, s := range evalSets {
		if s.heldOut != heldOut {
			continue
		}
		t.Run(strings.TrimSuffix(s.file, ".tsv"), func(t *testing.T) {
			cases := loadSet(t, s.file, exists)
			if len(cases) < 40 {
				t.Fatalf("%s has %d usable queries, want at least 40", s.file, len(cases))
			}
			f := evaluate(t, ix, cases, s.heldOut)
			fmt.Printf("%-15s %s\n", s.file+":", f)
			if f.top1 < s.minTop1 || f.top3 < s.minTop3 || f.mrr < s.minMRR {
				t.Errorf("%s below thresholds: top-1 %.3f (min %.2f), top-3 %.3f (min %.2f), MRR %.3f (min %.2f)",
					s.file, f.top1, s.minTop1, f.top3, s.minTop3, f.mrr, s.minMRR)
			}
		})
	}
}

// TestRelevance measures the sets ranking is tuned on and fails below
// their thresholds.
func TestRelevance(t *testing.T) { testSets(t, false) }

// TestHeldOut measures the held-out sets, printing only their figures,
// and fails below their thresholds.
func TestHeldOut(t *testing.T) { testSets(t, true) }

// TestHeldOutNotInBank: a held-out query written word for word into an
// asked-as phrasing or a synonym line, or a phrasing of five words or more
// that stands word for word inside a held-out query (an error message both
// quote, a common phrase), makes that query easier than an unseen one.
// Queries of fewer than four words are left out of the first check: a
// keyword query such as an API name is the bank's vocabulary by nature.
// Failures name the bank's side only (question and phrasing number, or the
// synonyms line), never the query.
func TestHeldOutNotInBank(t *testing.T) {
	// Words only (letters and digits), lowercased and space-padded, so that
	// "in" matches whole words and quotes, dots or a trailing "?" do not
	// hide a copy.
	norm := func(s string) string {
		f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		})
		return " " + strings.Join(f, " ") + " "
	}
	var held []string
	for _, s := range evalSets {
		if s.heldOut {
			for _, c := range loadSet(t, s.file, func(int) bool { return true }) {
				held = append(held, norm(c.query))
			}
		}
	}
	copied := func(text string) bool {
		p := norm(text)
		words := len(strings.Fields(p))
		for _, q := range held {
			if (len(strings.Fields(q)) >= 4 && p == q) || (words >= 5 && strings.Contains(q, p)) {
				return true
			}
		}
		return false
	}
	qs, _ := builtin(t).Questions()
	for _, q := range qs {
		for i, a := range q.Asked {
			if copied(a) {
				t.Errorf("question %d: asked-as phrasing %d is a held-out query word for word", q.ID, i+1)
			}
		}
	}
	for n, line := range strings.Split(data.Synonyms, "\n") {
		for _, m := range strings.FieldsFunc(strings.ReplaceAll(line, "=>", ","), func(r rune) bool { return r == ',' }) {
			if copied(m) {
				t.Errorf("data/synonyms.txt line %d holds a held-out query word for word", n+1)
			}
		}
	}
}
