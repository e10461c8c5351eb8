package data_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/djq-cli/djq/data"
	"github.com/djq-cli/djq/internal/bank"
)

// seedLevels is the level of each seed question 1–35, fixed by the
// project's design: 1–19 beginner, 20–24 intermediate, 25–35 advanced.
func seedLevel(id int) bank.Level {
	switch {
	case id <= 19:
		return bank.Beginner
	case id <= 24:
		return bank.Intermediate
	default:
		return bank.Advanced
	}
}

// knownTags is the bank's tag vocabulary; a new tag must be added here on
// purpose, so that typos ("perfomance") do not split a tag in two.
var knownTags = map[string]bool{}

func init() {
	for _, t := range strings.Fields(`basics architecture setup tooling orm models migrations database
		views urls templates forms admin auth security sessions middleware signals settings
		static-files caching performance logging async testing deployment api drf third-party
		i18n email files design`) {
		knownTags[t] = true
	}
}

var fileName = regexp.MustCompile(`^questions/(\d{3})-[a-z0-9]+(?:-[a-z0-9]+)*\.md$`)

// TestBank validates the whole built-in bank: every file parses without a
// single problem, ids run 1..N without gaps, levels and tags are valid,
// related ids exist and are not self, docs links are https, and the
// writing standard (summary, fenced-code languages, follow-up questions)
// holds.
func TestBank(t *testing.T) {
	d, problems := bank.LoadDeck(data.Questions, data.QuestionsDir, bank.DefaultDeck, "questions")
	for _, p := range problems {
		t.Errorf("%s", p.Error())
	}
	if len(d.Questions) < 35 {
		t.Fatalf("the bank has %d questions, want at least 35", len(d.Questions))
	}
	for i, q := range d.Questions {
		t.Run(fmt.Sprintf("%03d", q.ID), func(t *testing.T) {
			if q.ID != i+1 {
				t.Errorf("ids must run 1..N without gaps: position %d has id %d", i+1, q.ID)
			}
			m := fileName.FindStringSubmatch(q.File)
			if m == nil {
				t.Errorf("file name %s is not NNN-slug.md", q.File)
			} else if m[1] != fmt.Sprintf("%03d", q.ID) {
				t.Errorf("file %s holds id %d", q.File, q.ID)
			}
			if q.ID <= 35 && q.Level != seedLevel(q.ID) {
				t.Errorf("seed question %d is %s, want %s", q.ID, q.Level, seedLevel(q.ID))
			}
			if len(q.Tags) == 0 {
				t.Errorf("no tags")
			}
			for _, tag := range q.Tags {
				if !knownTags[tag] {
					t.Errorf("tag %q is not in the vocabulary", tag)
				}
			}
			if n := len(q.Asked); n < 4 || n > 12 {
				t.Errorf("asked: has %d phrasings, want 4 to 12 other ways people ask the question", n)
			}
			if len(q.Related) == 0 {
				t.Errorf("no related questions")
			}
			for _, p := range bank.Lint(q) {
				t.Errorf("%s", p.Error())
			}
		})
	}
}

// maxRelated caps a question's related list: a long list is noise, so
// each question names only the few questions an interviewer would move to
// next. Links need not be symmetric.
const maxRelated = 6

// TestRelated checks every question's related list: 1 to maxRelated ids,
// none of them the question itself, none repeated, and each naming a
// question that exists.
func TestRelated(t *testing.T) {
	d, _ := bank.LoadDeck(data.Questions, data.QuestionsDir, bank.DefaultDeck, "questions")
	byID := map[int]*bank.Question{}
	for _, q := range d.Questions {
		byID[q.ID] = q
	}
	checks := []struct {
		name  string
		check func(q *bank.Question) []string
	}{
		{"count", func(q *bank.Question) []string {
			if n := len(q.Related); n < 1 || n > maxRelated {
				return []string{fmt.Sprintf("has %d related ids, want 1 to %d", n, maxRelated)}
			}
			return nil
		}},
		{"self", func(q *bank.Question) []string {
			for _, r := range q.Related {
				if r == q.ID {
					return []string{"lists itself as related"}
				}
			}
			return nil
		}},
		{"duplicates", func(q *bank.Question) []string {
			var errs []string
			seen := map[int]bool{}
			for _, r := range q.Related {
				if seen[r] {
					errs = append(errs, fmt.Sprintf("lists %d twice", r))
				}
				seen[r] = true
			}
			return errs
		}},
		{"exist", func(q *bank.Question) []string {
			var errs []string
			for _, r := range q.Related {
				if byID[r] == nil {
					errs = append(errs, fmt.Sprintf("lists %d, which does not exist", r))
				}
			}
			return errs
		}},
	}
	for _, q := range d.Questions {
		for _, c := range checks {
			for _, msg := range c.check(q) {
				t.Errorf("question %d (%s): %s: %s", q.ID, q.File, c.name, msg)
			}
		}
	}
}

// TestAskedUnique checks that no asked-as phrasing belongs to two questions
// (ignoring case and spacing) and none merely repeats its own title: each
// phrasing is a route to one answer, so a shared one would be a coin toss.
func TestAskedUnique(t *testing.T) {
	d, _ := bank.LoadDeck(data.Questions, data.QuestionsDir, bank.DefaultDeck, "questions")
	owner := map[string]int{}
	norm := func(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }
	for _, q := range d.Questions {
		for _, a := range q.Asked {
			k := norm(a)
			if k == norm(q.Title) {
				t.Errorf("question %d: asked-as %q repeats the title", q.ID, a)
			}
			if prev, dup := owner[k]; dup && prev != q.ID {
				t.Errorf("asked-as %q is on both question %d and question %d", a, prev, q.ID)
			}
			owner[k] = q.ID
		}
	}
}

// TestLevelsBalanced keeps each level at least 55 questions, so that
// `djq random --level` and quizzes at any level have room.
func TestLevelsBalanced(t *testing.T) {
	d, _ := bank.LoadDeck(data.Questions, data.QuestionsDir, bank.DefaultDeck, "questions")
	count := map[bank.Level]int{}
	for _, q := range d.Questions {
		count[q.Level]++
	}
	for _, l := range bank.Levels {
		if count[l] < 55 {
			t.Errorf("level %s has %d questions, want at least 55", l, count[l])
		}
	}
}

// staleCurrent finds a Django version named as the current, latest or
// newest one, or as "the LTS": the bank targets 5.2 LTS and 6.1, and
// an interview answer that calls 3.2 current is wrong.
var staleCurrent = regexp.MustCompile(`(?i)(?:current|latest|newest)(?:ly)?[^.\n]{0,30}?Django (\d+)\.(\d+)|Django (\d+)\.(\d+)[^.\n]{0,15}?\b(?:is|as) (?:the )?(?:current|latest|newest)`)

// TestNoStaleVersionAsCurrent checks that no answer names a Django version
// older than 4.2 as current.
func TestNoStaleVersionAsCurrent(t *testing.T) {
	d, _ := bank.LoadDeck(data.Questions, data.QuestionsDir, bank.DefaultDeck, "questions")
	for _, q := range d.Questions {
		for _, m := range staleCurrent.FindAllStringSubmatch(q.Summary+"\n"+q.Body, -1) {
			major, minor := m[1], m[2]
			if major == "" {
				major, minor = m[3], m[4]
			}
			if v := major + "." + minor; versionBefore(v, "4.2") {
				t.Errorf("question %d names Django %s as current: %q", q.ID, v, m[0])
			}
		}
	}
}

// versionBefore compares "X.Y" versions.
func versionBefore(a, b string) bool {
	var am, an, bm, bn int
	fmt.Sscanf(a, "%d.%d", &am, &an)
	fmt.Sscanf(b, "%d.%d", &bm, &bn)
	return am < bm || am == bm && an < bn
}

func TestStaleCurrentPattern(t *testing.T) {
	tests := []struct {
		text string
		bad  bool
	}{
		{"The current release, Django 3.2, adds", true},
		{"Django 4.1 is the latest version", true},
		{"the latest Django 6.1 docs", false},
		{"Django 3.1 added JSONField on every backend", false},
	}
	for _, tt := range tests {
		found := false
		for _, m := range staleCurrent.FindAllStringSubmatch(tt.text, -1) {
			major, minor := m[1], m[2]
			if major == "" {
				major, minor = m[3], m[4]
			}
			found = found || versionBefore(major+"."+minor, "4.2")
		}
		if found != tt.bad {
			t.Errorf("%q: flagged %v, want %v", tt.text, found, tt.bad)
		}
	}
}

// TestCompactIsCurrent fails when data/bank.bin, the compact form the binary
// loads, no longer matches questions/: run `go generate ./...`.
func TestCompactIsCurrent(t *testing.T) {
	d, ps := bank.LoadDeck(data.Questions, data.QuestionsDir, bank.DefaultDeck, "(built in)")
	if ps.HasFatal() {
		t.Fatal(ps)
	}
	fp, err := bank.Fingerprint(data.Questions, data.QuestionsDir)
	if err != nil {
		t.Fatal(err)
	}
	checked, err := bank.ReadChecked(os.DirFS("checks"))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range d.Questions {
		q.CheckedOn = checked[q.ID]
	}
	if string(bank.EncodeCompact(d.Questions, fp)) != data.Compact() {
		t.Fatal("data/bank.bin is stale: run go generate ./... and commit it")
	}
	if head, err := data.Fingerprint(); err != nil || head != fp {
		t.Fatalf("data.Fingerprint() = %q, %v; want %q", head, err, fp)
	}
	got, gotFP, err := data.Builtin()
	if err != nil || gotFP != fp || len(got.Questions) != len(d.Questions) {
		t.Fatalf("decoding the compact bank: %v (fingerprint %q, want %q)", err, gotFP, fp)
	}
}

// BenchmarkBuiltin is the cost of loading the whole built-in bank, which
// every command that reads a question pays.
func BenchmarkBuiltin(b *testing.B) {
	for b.Loop() {
		if _, _, err := data.Builtin(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseBank is what loading cost before the compact form: parsing
// every question file.
func BenchmarkParseBank(b *testing.B) {
	for b.Loop() {
		bank.LoadDeck(data.Questions, data.QuestionsDir, bank.DefaultDeck, "(built in)")
	}
}

// TestChecks keeps the check folder in step with the bank: every check file
// is named after an answer that exists, a skipped one says why on its first
// line, and the record of passing checks names only real check files.
func TestChecks(t *testing.T) {
	d, _ := bank.LoadDeck(data.Questions, data.QuestionsDir, bank.DefaultDeck, "questions")
	ids := map[int]bool{}
	for _, q := range d.Questions {
		ids[q.ID] = true
	}
	files, err := filepath.Glob(filepath.Join("checks", "[0-9][0-9][0-9].py"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no check files under data/checks")
	}
	runnable := 0
	for _, f := range files {
		if src, err := os.ReadFile(f); err == nil && !strings.HasPrefix(string(src), bank.CheckSkipMarker) {
			runnable++
		}
	}
	// Every answer arrives with its check (issue 27); a topic that cannot
	// run here says why in a one-line file, and those stay few.
	if len(files) != len(ids) || runnable*10 < len(ids)*9 {
		t.Errorf("%d answers, %d check files, %d that run: every answer needs a check file, and at least 90%% must run", len(ids), len(files), runnable)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			var id int
			if _, err := fmt.Sscanf(filepath.Base(f), "%03d.py", &id); err != nil || !ids[id] {
				t.Fatalf("%s names no question of the bank", f)
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			first, _, _ := strings.Cut(string(src), "\n")
			if strings.HasPrefix(first, bank.CheckSkipMarker) {
				if len(strings.TrimSpace(strings.TrimPrefix(first, bank.CheckSkipMarker))) < 10 {
					t.Errorf("%s skips without saying why", f)
				}
				return
			}
			if !strings.Contains(string(src), "setup(") {
				t.Errorf("%s never calls setup(): a check configures Django first", f)
			}
		})
	}
	checked, err := bank.ReadChecked(os.DirFS("checks"))
	if err != nil {
		t.Fatal(err)
	}
	for id, series := range checked {
		if !ids[id] {
			t.Errorf("passed.txt records question %d, which does not exist", id)
		}
		for _, s := range series {
			if s != "5.2" && s != "6.1" {
				t.Errorf("passed.txt: question %d passed on %q, want 5.2 or 6.1", id, s)
			}
		}
	}
}
