package bank

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/djq-cli/djq/internal/exitcode"
)

const good = `---
id: 3
title: What is a test?
level: Beginner
tags: [Testing, testing, orm]
summary: A check.
related: [1, 2]
docs: [https://docs.djangoproject.com/en/stable/topics/testing/]
---

The answer.
`

func TestParse(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantErr []string // "line: message" fragments, in order
		check   func(t *testing.T, q *Question)
	}{
		{name: "good", in: good, check: func(t *testing.T, q *Question) {
			if q.ID != 3 || q.Level != Beginner || q.Title != "What is a test?" || q.Body != "The answer." {
				t.Errorf("parsed %+v", q)
			}
			if strings.Join(q.Tags, ",") != "testing,orm" {
				t.Errorf("tags %v: want lowercased and deduplicated", q.Tags)
			}
			if q.BodyLine != 11 {
				t.Errorf("BodyLine = %d, want 11", q.BodyLine)
			}
		}},
		{name: "CRLF and BOM", in: "\xef\xbb\xbf" + strings.ReplaceAll(good, "\n", "\r\n"), check: func(t *testing.T, q *Question) {
			if q.ID != 3 || strings.Contains(q.Body, "\r") {
				t.Errorf("parsed %+v", q)
			}
		}},
		{name: "no front matter", in: "# Title\n", wantErr: []string{"f.md:1: missing front matter"}},
		{name: "unclosed", in: "---\nid: 1\n", wantErr: []string{"f.md:1: front matter is not closed"}},
		{name: "bad YAML", in: "---\nid: 1\ntitle: [oops\n---\nx\n", wantErr: []string{"f.md:", "bad YAML"}},
		{name: "missing id", in: "---\ntitle: T?\nlevel: advanced\n---\nx\n", wantErr: []string{"f.md:1: missing id"}},
		{name: "bad id", in: "---\nid: abc\ntitle: T?\nlevel: advanced\n---\nx\n", wantErr: []string{`f.md:2: id must be a positive whole number, got "abc"`}},
		{name: "negative id", in: "---\nid: -4\ntitle: T?\nlevel: advanced\n---\nx\n", wantErr: []string{"f.md:2: id must be"}},
		{name: "unknown level", in: "---\nid: 1\ntitle: T?\nlevel: expert\n---\nx\n", wantErr: []string{`f.md:4: unknown level "expert": valid levels are beginner, intermediate, advanced`}},
		{name: "empty body", in: "---\nid: 1\ntitle: T?\nlevel: advanced\n---\n\n  \n", wantErr: []string{"f.md:5: the answer", "is empty"}},
		{name: "duplicate key", in: "---\nid: 1\nid: 2\ntitle: T?\nlevel: advanced\n---\nx\n", wantErr: []string{"f.md:3: id is given twice (first on line 2)"}},
		{name: "bad related", in: "---\nid: 1\ntitle: T?\nlevel: advanced\nrelated: [x]\n---\nx\n", wantErr: []string{`f.md:5: related id "x"`}},
		{name: "not a mapping", in: "---\n- a\n---\nx\n", wantErr: []string{"front matter must be a mapping"}},
		{name: "invalid UTF-8", in: "---\nid: 1\ntitle: \xff\n---\nx", wantErr: []string{"not valid UTF-8"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, ps := Parse("f.md", []byte(tt.in))
			if len(tt.wantErr) == 0 {
				if ps.HasFatal() || q == nil {
					t.Fatalf("unexpected problems: %v", ps)
				}
				tt.check(t, q)
				return
			}
			if q != nil || !ps.HasFatal() {
				t.Fatalf("want a fatal problem, got question %+v and %v", q, ps)
			}
			msg := ps.Error()
			for _, w := range tt.wantErr {
				if !strings.Contains(msg, w) {
					t.Errorf("problems %q do not contain %q", msg, w)
				}
			}
		})
	}
}

func TestParseUnknownFieldIsAWarning(t *testing.T) {
	q, ps := Parse("f.md", []byte("---\nid: 1\ntitle: T?\nlevel: advanced\ncolour: red\n---\nx\n"))
	if q == nil || ps.HasFatal() || len(ps) != 1 || !strings.Contains(ps[0].Error(), `f.md:5: unknown field "colour"`) {
		t.Errorf("got %v %v", q, ps)
	}
}

func TestParseRef(t *testing.T) {
	tests := []struct {
		in      string
		want    Ref
		wantErr string
	}{
		{"35", Ref{"django", 35}, ""},
		{" 7 ", Ref{"django", 7}, ""},
		{"interview:12", Ref{"interview", 12}, ""},
		{"django:35", Ref{"django", 35}, ""},
		{"0", Ref{}, "ids start at 1"},
		{"-1", Ref{}, "positive whole number"},
		{"abc", Ref{}, "positive whole number"},
		{"99999999999999999999", Ref{}, "out of range"},
		{"deck:", Ref{}, "positive whole number"},
		{":5", Ref{}, "deck name before ':' is empty"},
		{"my deck:5", Ref{}, "deck names use"},
		{"3.5", Ref{}, "positive whole number"},
		{"", Ref{}, "positive whole number"},
	}
	for _, tt := range tests {
		got, err := ParseRef(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), "invalid question reference") {
				t.Errorf("ParseRef(%q) error = %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseRef(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
		if got.String() != strings.TrimPrefix(strings.TrimSpace(tt.in), "django:") {
			t.Errorf("Ref(%q).String() = %q", tt.in, got.String())
		}
	}
}

func TestLoadDeckAndBank(t *testing.T) {
	fsys := fstest.MapFS{
		"d/001-a.md":     {Data: []byte("---\nid: 1\ntitle: A?\nlevel: beginner\nrelated: [2, 9, 1]\n---\nA body\n")},
		"d/002-b.md":     {Data: []byte("---\nid: 2\ntitle: B?\nlevel: advanced\ntags: [orm]\n---\nB body\n")},
		"d/003-dup.md":   {Data: []byte("---\nid: 2\ntitle: Dup?\nlevel: advanced\n---\nx\n")},
		"d/004-bad.md":   {Data: []byte("no front matter")},
		"d/README.md":    {Data: []byte("# not a question")},
		"d/notes.txt":    {Data: []byte("ignored")},
		"e/001-other.md": {Data: []byte("---\nid: 1\ntitle: Other?\nlevel: intermediate\n---\nx\n")},
	}
	d, ps := LoadDeck(fsys, "d", "django", "d")
	if len(d.Questions) != 2 {
		t.Fatalf("loaded %d questions, want 2", len(d.Questions))
	}
	msgs := ps.Error()
	for _, want := range []string{"d/003-dup.md:2: duplicate id 2 (also in d/002-b.md)", "d/004-bad.md:1: missing front matter", "d/001-a.md:5: unknown related id 9", "d/001-a.md:5: related lists the question's own id 1"} {
		if !strings.Contains(msgs, want) {
			t.Errorf("problems do not mention %q:\n%s", want, msgs)
		}
	}
	e, _ := LoadDeck(fsys, "e", "interview", "e")
	b, err := New(e, d)
	if err != nil {
		t.Fatal(err)
	}
	if names := strings.Join(b.DeckNames(), ","); names != "django,interview" {
		t.Errorf("deck order %s, want the built-in deck first", names)
	}
	if q, err := b.Get(Ref{"interview", 1}); err != nil || q.Title != "Other?" || q.Ref() != "interview:1" {
		t.Errorf("Get interview:1 = %v, %v", q, err)
	}
	if _, err := b.Get(Ref{"django", 5}); err == nil || err.Error() != "no question 5: ids run from 1 to 2 (see djq list)" {
		t.Errorf("missing id error = %v", err)
	}
	if _, err := b.Get(Ref{"nope", 1}); err == nil || !strings.Contains(err.Error(), `unknown deck "nope": decks are django, interview`) {
		t.Errorf("unknown deck error = %v", err)
	}
	if got := b.Select(Filter{Tag: "orm"}); len(got) != 1 || got[0].ID != 2 {
		t.Errorf("Select tag orm = %v", got)
	}
	if _, err := New(d, d); err == nil || !strings.Contains(err.Error(), `two decks are named "django"`) {
		t.Errorf("duplicate deck names: %v", err)
	}
}

func TestLint(t *testing.T) {
	q, _ := Parse("f.md", []byte("---\nid: 1\ntitle: No question mark\nlevel: beginner\ndocs: [http://x]\n---\n# Heading\n\n```\ncode\n```\n\n```python\n# a comment, not a heading\n```\n"))
	msgs := Lint(q).Error()
	for _, want := range []string{"summary is empty", "ending in '?'", `"http://x" is not an https URL`, "f.md:7: top-level heading", "f.md:9: fenced code block has no language", "Follow-up questions"} {
		if !strings.Contains(msgs, want) {
			t.Errorf("lint does not report %q:\n%s", want, msgs)
		}
	}
	if strings.Contains(msgs, "f.md:14") {
		t.Errorf("a comment inside a fence was reported as a heading:\n%s", msgs)
	}
}

func TestGetEach(t *testing.T) {
	q := func(deck string, id int) *Question {
		return &Question{ID: id, Deck: deck, Title: fmt.Sprintf("%s %d?", deck, id), Level: Beginner}
	}
	builtin := &Deck{Name: DefaultDeck, Path: "(built in)", Questions: []*Question{q(DefaultDeck, 1), q(DefaultDeck, 2), q(DefaultDeck, 3)}}
	mine := &Deck{Name: "interview", Path: "/decks/interview", Questions: []*Question{q("interview", 1), q("interview", 12)}}
	b, err := New(mine, builtin)
	if err != nil {
		t.Fatal(err)
	}
	// miss is a ref that names no question: its exit code and a
	// fragment of its message.
	type miss struct {
		code int
		msg  string
	}
	tests := []struct {
		name string
		refs []Ref
		// want lists the refs of the questions found, in order.
		want        []string
		wantMissing []miss
	}{
		{name: "none asked"},
		{name: "all exist, order kept", refs: []Ref{{DefaultDeck, 3}, {"interview", 12}, {DefaultDeck, 1}},
			want: []string{"3", "interview:12", "1"}},
		{name: "missing id", refs: []Ref{{DefaultDeck, 2}, {DefaultDeck, 999}, {"interview", 1}},
			want:        []string{"2", "interview:1"},
			wantMissing: []miss{{exitcode.NotFound, "no question 999: ids run from 1 to 3"}}},
		{name: "unknown deck", refs: []Ref{{"nope", 1}, {DefaultDeck, 1}},
			want:        []string{"1"},
			wantMissing: []miss{{exitcode.Usage, `unknown deck "nope": decks are django, interview`}}},
		{name: "all missing, errors in order", refs: []Ref{{"interview", 5}, {"gone", 2}, {DefaultDeck, 4}},
			wantMissing: []miss{{exitcode.NotFound, "no question interview:5"}, {exitcode.Usage, `unknown deck "gone"`}, {exitcode.NotFound, "no question 4"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs, missing := b.GetEach(tt.refs)
			var got []string
			for _, q := range qs {
				got = append(got, q.Ref())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("found %q, want %q", got, tt.want)
			}
			if len(missing) != len(tt.wantMissing) {
				t.Fatalf("missing = %v, want %d errors", missing, len(tt.wantMissing))
			}
			for i, err := range missing {
				w := tt.wantMissing[i]
				if code := exitcode.Of(err); code != w.code {
					t.Errorf("missing[%d] %q exits %d, want %d", i, err, code, w.code)
				}
				if !strings.Contains(err.Error(), w.msg) {
					t.Errorf("missing[%d] = %q, want it to contain %q", i, err, w.msg)
				}
				var nf *NotFoundError
				var ud *UnknownDeckError
				switch w.code {
				case exitcode.NotFound:
					if !errors.As(err, &nf) {
						t.Errorf("missing[%d] is %T, want *NotFoundError", i, err)
					}
				case exitcode.Usage:
					if !errors.As(err, &ud) {
						t.Errorf("missing[%d] is %T, want *UnknownDeckError", i, err)
					}
				}
			}
		})
	}
}

// TestLoadDeckReportsEveryProblem: a deck's problems come all at once. A
// file with a fatal problem still has its other fields checked, each bad
// item of a list is named, and a related id that names a broken file is
// not called unknown (that file has its own problems).
func TestLoadDeckReportsEveryProblem(t *testing.T) {
	fsys := fstest.MapFS{
		"d/1.md": {Data: []byte("---\nid: 1\ntitle: One?\nlevel: beginner\n---\nok\n")},
		"d/2.md": {Data: []byte("---\nid: 2\ntitle: Two?\nlevel: guru\nrelated: [a, 50, b, 1]\n---\nx\n")},
		"d/3.md": {Data: []byte("---\nid: 3\ntitle: Three?\nlevel: beginner\nrelated: [2, 7]\n---\nx\n")},
		"d/5.md": {Data: []byte("---\nid: 5\ntitle: Five?\nlevel: beginner\n---\nx\n")},
	}
	d, ps := LoadDeck(fsys, "d", "mine", "/decks/mine")
	if len(d.Questions) != 3 {
		t.Errorf("%d questions loaded, want 3 (1, 3 and 5)", len(d.Questions))
	}
	want := []string{
		`/decks/mine/2.md:4: unknown level "guru": valid levels are beginner, intermediate, advanced`,
		`/decks/mine/2.md:5: related id "a" is not a positive whole number`,
		`/decks/mine/2.md:5: related id "b" is not a positive whole number`,
		`/decks/mine/2.md:5: unknown related id 50: deck mine has ids 1-3, 5`,
		`/decks/mine/3.md:5: unknown related id 7: deck mine has ids 1-3, 5`,
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.Error())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if q, ps := Parse("2.md", fsys["d/2.md"].Data); q != nil || !ps.HasFatal() {
		t.Errorf("Parse of a broken file returned a question")
	}
}

func TestDescribeIDs(t *testing.T) {
	ids := func(xs ...int) map[int]*Question {
		m := map[int]*Question{}
		for _, x := range xs {
			m[x] = &Question{ID: x}
		}
		return m
	}
	for _, tt := range []struct {
		in   map[int]*Question
		want string
	}{
		{ids(), "no questions"},
		{ids(4), "only id 4"},
		{ids(1, 2, 3, 7, 9, 10), "ids 1-3, 7, 9-10"},
		{ids(1, 3, 5, 7, 9, 11, 13), "ids 1, 3, 5, 7, 9, …"},
	} {
		if got := describeIDs(tt.in); got != tt.want {
			t.Errorf("describeIDs = %q, want %q", got, tt.want)
		}
	}
}
