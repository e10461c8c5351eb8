package search

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/djq-cli/djq/internal/hit"
)

func TestTokenizer(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"select_related", []string{"select_related", "select", "related", "_related"}},
		{"entry_set", []string{"entry_set", "entry", "set", "_set"}},
		{"_set", []string{"_set"}},
		{"django-admin", []string{"django-admin", "django", "admin"}},
		{"ModelViewSet", []string{"ModelViewSet", "Model", "View", "Set"}},
		{"viewsets.ModelViewSet", []string{"viewsets.ModelViewSet", "viewsets", "ModelViewSet", "Model", "View", "Set"}},
		{"settings.py.", []string{"settings.py", "settings", "py"}},
		{"N+1 queries", []string{"N+1", "N", "1", "queries"}},
		{"INSTALLED_APPS", []string{"INSTALLED_APPS", "INSTALLED", "APPS", "_APPS"}},
		{"(form_valid)", []string{"form_valid", "form", "valid", "_valid"}},
		{"", nil},
		{"  --  ", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range (identTokenizer{}).Tokenize([]byte(tt.in)) {
			got = append(got, string(tok.Term))
			if string([]byte(tt.in)[tok.Start:tok.End]) != string(tok.Term) {
				t.Errorf("%q: token %q has offsets %d-%d that do not point at it", tt.in, tok.Term, tok.Start, tok.End)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenizerBoundsLongInput(t *testing.T) {
	for _, tok := range (identTokenizer{}).Tokenize([]byte(strings.Repeat("a", 5000))) {
		if len(tok.Term) > maxTokenLen {
			t.Fatalf("token of %d bytes", len(tok.Term))
		}
	}
}

func TestEnglishAnalyzer(t *testing.T) {
	tests := []struct{ a, b string }{
		{"caching", "cache"},
		{"migrations", "migrate"},
		{"Middleware", "middleware"},
	}
	for _, tt := range tests {
		a, b := analyze(sharedCache, EnglishAnalyzer, tt.a), analyze(sharedCache, EnglishAnalyzer, tt.b)
		if len(a) == 0 || len(b) == 0 || a[0] != b[0] {
			t.Errorf("%q analyses to %v and %q to %v; want the same stem", tt.a, a, tt.b, b)
		}
	}
	if got := analyze(sharedCache, EnglishAnalyzer, "what is the"); len(got) != 0 {
		t.Errorf("stop words survived: %v", got)
	}
}

func TestPlainText(t *testing.T) {
	in := "## Heading\n\nUse **bold** and `code` and [a link](https://x.y).\n\n- item one\n1. item two\n\n```python\nx = 1  # code kept\n```\n> quoted"
	want := "Heading\n\nUse bold and code and a link.\n\nitem one\nitem two\n\nx = 1  # code kept\nquoted"
	if got := PlainText(in); got != want {
		t.Errorf("PlainText =\n%q\nwant\n%q", got, want)
	}
}

func TestParseQuery(t *testing.T) {
	tests := []struct {
		in      string
		want    []Clause
		wantErr string
	}{
		{in: "select_related", want: []Clause{{Text: "select_related"}}},
		{in: `"form valid" +cbv -formset`, want: []Clause{{Text: "form valid", Phrase: true}, {Occur: Must, Text: "cbv"}, {Occur: MustNot, Text: "formset"}}},
		{in: "level:advanced tag:orm title:cache deck:django", want: []Clause{{Field: "level", Text: "advanced"}, {Field: "tag", Text: "orm"}, {Field: "title", Text: "cache"}, {Field: "deck", Text: "django"}}},
		{in: `title:"form valid"`, want: []Clause{{Field: "title", Text: "form valid", Phrase: true}}},
		{in: `"unbalanced quote`, want: []Clause{{Text: "unbalanced quote", Phrase: true}}},
		{in: "+ lone plus", want: []Clause{{Text: "lone"}, {Text: "plus"}}},
		{in: "foo:bar", want: []Clause{{Text: "foo:bar"}}},
		{in: "check --deploy -x", want: []Clause{{Text: "check"}, {Text: "--deploy"}, {Occur: MustNot, Text: "x"}}},
		{in: "--", want: []Clause{{Text: "--"}}},
		{in: "title:", wantErr: `nothing after "title:"`},
		{in: "level: advanced", wantErr: `nothing after "level:"`},
		{in: `tag:""`, wantErr: `nothing after "tag:"`},
		{in: "+", wantErr: "no words"},
		{in: `""`, wantErr: "no words"},
		{in: "   ", wantErr: "no words"},
		{in: "\xff\xfe", wantErr: "not valid UTF-8"},
		{in: strings.Repeat("a", 5000), wantErr: "too long (5000 bytes): at most 1000"},
	}
	for _, tt := range tests {
		got, err := ParseQuery(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseQuery(%q) error = %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseQuery(%q): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseQuery(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestSnippetMarks(t *testing.T) {
	ix := memIndex(t)
	for _, q := range []string{"select_related", "caching", "csrf token"} {
		res, err := ix.Search(t.Context(), Request{Query: q, Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			s := h.Snippet
			if s.Text == "" || len(s.Text) > 3*DefaultSnippetLen {
				t.Errorf("%q: snippet of %s has length %d", q, h.Ref, len(s.Text))
			}
			if strings.ContainsAny(s.Text, "\n\t") {
				t.Errorf("%q: snippet has raw whitespace: %q", q, s.Text)
			}
			for _, m := range s.Marks {
				if m[0] < 0 || m[1] > len(s.Text) || m[0] >= m[1] {
					t.Errorf("%q: bad mark %v in %q", q, m, s.Text)
				}
			}
		}
		if len(res.Hits) > 0 && len(res.Hits[0].Snippet.Marks) == 0 {
			t.Errorf("%q: the top snippet marks nothing: %q", q, res.Hits[0].Snippet.Text)
		}
	}
}

func TestSearchFeatures(t *testing.T) {
	ix := memIndex(t)
	tests := []struct {
		query     string
		wantTop   int
		wantNone  bool
		wantErr   bool // a query with nothing to search: a *QueryError
		corrected string
		check     func(t *testing.T, hits []hit.Hit)
	}{
		{query: "selct_related", wantTop: 35, corrected: "select_related"},
		{query: "middlware", wantTop: 27, corrected: "middleware"},
		{query: "prefetch releted", wantTop: 35, corrected: "prefetch_related"},
		{query: "selct related", wantTop: 35, corrected: "select_related"},
		{query: "caching", wantTop: 34},
		{query: "zzzzqqqq", wantNone: true},
		{query: "cache level:beginner", check: func(t *testing.T, hits []hit.Hit) {
			for _, h := range hits {
				if h.Level != "beginner" {
					t.Errorf("level:beginner returned %s (%s)", h.Ref, h.Level)
				}
			}
		}},
		{query: "cache tag:security", check: func(t *testing.T, hits []hit.Hit) {
			for _, h := range hits {
				if !contains2(h.Tags, "security") {
					t.Errorf("tag:security returned %s %v", h.Ref, h.Tags)
				}
			}
		}},
		{query: "cache -template", check: func(t *testing.T, hits []hit.Hit) {
			for _, h := range hits {
				if h.ID == 76 || h.ID == 15 {
					t.Errorf("-template did not exclude %s", h.Ref)
				}
			}
		}},
		{query: "+websocket", wantTop: 100},
		{query: "check --deploy", wantTop: 66},
		{query: "title:squashing", wantTop: 92},
		{query: `"class-based views"`, check: func(t *testing.T, hits []hit.Hit) {
			if len(hits) == 0 {
				t.Errorf("phrase found nothing")
			}
		}},
		{query: "-cache", wantErr: true},
		{query: "the what is", wantErr: true},
		{query: "csfr", wantTop: 44, corrected: "csrf"},
		{query: "midleware order", wantTop: 27, corrected: "middleware order"},
		{query: "how do i get an object form the database", corrected: "how do i get an object from the database"},
		{query: "how do i validate a form the user submitted", check: func(t *testing.T, hits []hit.Hit) {}},
		{query: "model form the fields", check: func(t *testing.T, hits []hit.Hit) {}},
		{query: "tag:orm", check: func(t *testing.T, hits []hit.Hit) {
			for i := 1; i < len(hits); i++ {
				if hits[i].ID <= hits[i-1].ID {
					t.Errorf("a filter-only query is not in id order: %d after %d", hits[i].ID, hits[i-1].ID)
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res, err := ix.Search(t.Context(), Request{Query: tt.query, Limit: 10})
			if tt.wantErr {
				var qe *QueryError
				if !errors.As(err, &qe) {
					t.Fatalf("err = %v, want a QueryError", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantNone {
				if len(res.Hits) != 0 {
					t.Errorf("want no hits, got %d (top %s)", len(res.Hits), res.Hits[0].Ref)
				}
				return
			}
			if len(res.Hits) == 0 {
				t.Fatalf("no hits")
			}
			if tt.wantTop != 0 && res.Hits[0].ID != tt.wantTop {
				t.Errorf("top hit %s, want %d", res.Hits[0].Ref, tt.wantTop)
			}
			if res.Corrected != tt.corrected {
				t.Errorf("corrected = %q, want %q", res.Corrected, tt.corrected)
			}
			if tt.check != nil {
				tt.check(t, res.Hits)
			}
		})
	}
}

func contains2(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// TestSimpleWordsHaveNoParts checks emit's shortcut: for every word of the
// built-in bank and a table of tricky ones, a word simpleWord accepts gets
// exactly the tokens and next position that splitting it would give.
func TestSimpleWordsHaveNoParts(t *testing.T) {
	words := []string{"cache", "Django", "HTTP", "404", "HTTPResponse", "JsonResponse", "a1B", "ABc", "abC", "_x", "x_", "é", "ÉTÉ", "n+1", "a.b", "a-b"}
	qs, _ := builtin(t).Questions()
	for _, q := range qs {
		scanWords([]byte(q.Title+" "+q.Summary+" "+q.Body), func(w []byte, _ int) { words = append(words, string(w)) })
	}
	type tok struct{ s, e, p int }
	var pb partBuffers
	simple := 0
	for _, w := range words {
		if !simpleWord([]byte(w)) {
			continue
		}
		simple++
		var fast, full []tok
		nFast := pb.emit([]byte(w), 7, func(s, e, p int) { fast = append(fast, tok{s, e, p}) })
		full = append(full, tok{0, len(w), 7})
		nFull := pb.emitParts([]byte(w), 7, func(s, e, p int) { full = append(full, tok{s, e, p}) })
		if nFast != nFull || fmt.Sprint(fast) != fmt.Sprint(full) {
			t.Errorf("%q: shortcut gives %v and next %d, splitting gives %v and next %d", w, fast, nFast, full, nFull)
		}
	}
	if simple < 1000 {
		t.Errorf("only %d simple words checked", simple)
	}
}

// TestLookupWords: a field lookup also indexes the English words it
// squashes, beside the lookup itself, and other words pass untouched.
func TestLookupWords(t *testing.T) {
	tests := []struct {
		text string
		want []string // terms that must be present
		not  []string // terms that must be absent
	}{
		{text: `title__icontains="x"`, want: []string{"icontain", "contain", "titl"}},
		{text: "name__istartswith", want: []string{"istartswith", "start"}},
		{text: "price__gte=10", want: []string{"gte", "greater"}},
		{text: "contains a word", want: []string{"contain", "word"}},
		{text: "the greatest contribution", not: []string{"greater", "contain"}},
	}
	for _, tt := range tests {
		got := map[string]bool{}
		for _, term := range analyze(sharedCache, EnglishAnalyzer, tt.text) {
			got[term] = true
		}
		for _, w := range tt.want {
			if !got[w] {
				t.Errorf("%q analyses to %v; want %q among them", tt.text, got, w)
			}
		}
		for _, w := range tt.not {
			if got[w] {
				t.Errorf("%q analyses to %v; %q must not be among them", tt.text, got, w)
			}
		}
	}
}

// TestStemOverrides: "authorization" no longer stems to "author".
func TestStemOverrides(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"authorization", "author", false},
		{"authorization", "authorized", true},
		{"authorisation", "authorization", true},
		{"authors", "author", true},
	}
	for _, tt := range tests {
		a, b := analyze(sharedCache, EnglishAnalyzer, tt.a), analyze(sharedCache, EnglishAnalyzer, tt.b)
		if len(a) == 0 || len(b) == 0 || (a[0] == b[0]) != tt.same {
			t.Errorf("%q → %v, %q → %v; same stem = %v, want %v", tt.a, a, tt.b, b, len(a) > 0 && len(b) > 0 && a[0] == b[0], tt.same)
		}
	}
}

// TestWordPairs: neighbouring content words of a question become phrases,
// keeping the stop words between them and skipping question words.
func TestWordPairs(t *testing.T) {
	tests := []struct {
		query string
		want  []string
	}{
		{"what is django used for", []string{"django used"}},
		{"get an object or None", []string{"get an object", "object or None"}},
		{"checking for empty queryset", []string{"checking for empty", "empty queryset"}},
		{"is there any way to cache a page", []string{"cache a page"}},
		{"select_related", nil},
		{`"exact phrase" cors drf`, []string{"cors drf"}},
		{"tag:orm lazy queryset", []string{"lazy queryset"}},
	}
	for _, tt := range tests {
		clauses, err := ParseQuery(tt.query)
		if err != nil {
			t.Fatalf("ParseQuery(%q): %v", tt.query, err)
		}
		got := wordPairs(clauses)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wordPairs(%q) = %q, want %q", tt.query, got, tt.want)
		}
	}
}

// TestConceptRuns: the words of a multi-word synonym member found in a
// query are marked with the member's length; single words are not.
func TestConceptRuns(t *testing.T) {
	s := ParseSynonyms("drf, django rest framework, rest framework\nlogged in, signed in => login_required\nfk, foreign key\n")
	tests := []struct {
		words []string
		want  map[string]int
	}{
		{[]string{"enable", "CORS", "on", "Django", "REST", "Framework"}, map[string]int{"django": 3, "rest": 3, "framework": 3}},
		{[]string{"only", "people", "who", "signed", "in"}, map[string]int{"signed": 2, "in": 2}},
		{[]string{"drf", "cors"}, map[string]int{}},
		{[]string{"foreign", "keys"}, map[string]int{}},
	}
	for _, tt := range tests {
		got := s.ConceptRuns(tt.words)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("ConceptRuns(%q) = %v, want %v", tt.words, got, tt.want)
		}
	}
}
