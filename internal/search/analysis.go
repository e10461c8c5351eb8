package search

import (
	"bytes"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/registry"
)

// Analyzer names. Both share the identifier-aware tokenizer; they differ in
// what happens afterwards:
//
//   - EnglishAnalyzer drops stop words and stems, so "caching" finds
//     "cache" and "migrations" finds "migrate". Every searchable text field
//     uses it, and queries against those fields are analysed with it too:
//     a query analysed differently from its field finds nothing.
//   - PlainAnalyzer only lowercases. It feeds the vocabulary field that
//     typo correction searches, because fuzzy matching against stems fails
//     ("migration" is indexed as "migrat").
const (
	EnglishAnalyzer = "djq_en"
	PlainAnalyzer   = "djq_plain"
	// VocabAnalyzer splits the vocabulary field, already made of
	// lowercased plain words, at spaces.
	VocabAnalyzer = "djq_vocab"
)

func init() {
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	must(registry.RegisterAnalyzer(EnglishAnalyzer, func(_ map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
		stem, err := cache.TokenFilterNamed(en.SnowballStemmerName)
		if err != nil {
			return nil, err
		}
		ms := &memoStemmer{inner: stem}
		for w, st := range stemOverrides {
			ms.memo.Store(w, []byte(st))
		}
		stem = ms
		return &analysis.DefaultAnalyzer{
			Tokenizer:    identTokenizer{},
			TokenFilters: []analysis.TokenFilter{lowercase.NewLowerCaseFilter(), lookupFilter{}, stopFilter{}, stem},
		}, nil
	}))
	must(registry.RegisterAnalyzer(VocabAnalyzer, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
		return &analysis.DefaultAnalyzer{Tokenizer: spaceTokenizer{}}, nil
	}))
	must(registry.RegisterAnalyzer(PlainAnalyzer, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
		return &analysis.DefaultAnalyzer{
			Tokenizer:    identTokenizer{},
			TokenFilters: []analysis.TokenFilter{lowercase.NewLowerCaseFilter()},
		}, nil
	}))
}

// spaceTokenizer splits at single spaces, for text that is already a list
// of words.
type spaceTokenizer struct{}

func (spaceTokenizer) Tokenize(input []byte) analysis.TokenStream {
	var out analysis.TokenStream
	pos, start := 1, 0
	for i := 0; i <= len(input); i++ {
		if i == len(input) || input[i] == ' ' {
			if i > start {
				out = append(out, &analysis.Token{Term: input[start:i], Start: start, End: i, Position: pos, Type: analysis.AlphaNumeric})
				pos++
			}
			start = i + 1
		}
	}
	return out
}

// identTokenizer splits prose into words while keeping programming
// identifiers searchable both whole and in parts. "select_related" gives
// select_related, select, related and _related; "django-admin" gives
// django-admin, django and admin; "JsonResponse" gives jsonresponse, json
// and response; "settings.py" gives settings.py, settings and py; "N+1"
// stays n+1. Whole tokens and their parts share positions so that phrase
// queries over either form work.
type identTokenizer struct{}

// maxTokenLen bounds a token; longer runs (a pasted hash, 5,000 of one
// letter) are cut so that no term can exceed the index's limits.
const maxTokenLen = 64

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'
}

// isJoiner reports runes that join word parts into one identifier when
// they stand between two word runes.
func isJoiner(r rune) bool {
	return r == '-' || r == '.' || r == '+'
}

func (identTokenizer) Tokenize(input []byte) analysis.TokenStream {
	var (
		out   analysis.TokenStream
		parts partBuffers
	)
	pos := 1
	scanWords(input, func(word []byte, start int) {
		pos = parts.emit(word, pos, func(s, e, p int) {
			term := truncate(word[s:e])
			out = append(out, &analysis.Token{Term: term, Start: start + s, End: start + s + len(term), Position: p, Type: analysis.AlphaNumeric})
		})
	})
	return out
}

// scanWords calls f with each word of input and its byte offset: a run of
// word runes, with the joiners ('-', '.', '+') that stand between two word
// runes, so "django-admin", "settings.py" and "N+1" are one word each.
func scanWords(input []byte, f func(word []byte, start int)) {
	i := 0
	for i < len(input) {
		r, size := utf8.DecodeRune(input[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		start, end, j := i, i, i
		for j < len(input) {
			r, size := utf8.DecodeRune(input[j:])
			if isWordRune(r) {
				j += size
				end = j
				continue
			}
			if isJoiner(r) && j+size < len(input) {
				next, _ := utf8.DecodeRune(input[j+size:])
				if isWordRune(next) {
					j += size
					continue
				}
			}
			break
		}
		i = j
		f(input[start:end], start)
	}
}

// partBuffers are the reusable slices that emit splits words into, so
// that tokenizing a long text allocates no slice per word.
type partBuffers struct{ segments, subs []wordPart }

// emit calls add for word itself and for each of its parts, with byte
// ranges in word and token positions from pos, and returns the next free
// position. Parts come in two levels: segments split at '.', '-' and '+'
// ("viewsets.ModelViewSet" gives viewsets and ModelViewSet), then each
// segment split at '_' and case changes (ModelViewSet gives Model, View,
// Set; entry_set gives entry, set and _set). Whole words and their parts
// share positions, so phrase queries over either form work.
func (pb *partBuffers) emit(word []byte, pos int, add func(s, e, p int)) int {
	add(0, len(word), pos)
	if simpleWord(word) {
		return pos + 1
	}
	return pb.emitParts(word, pos, add)
}

// emitParts is emit's splitting of word into parts, after word itself.
func (pb *partBuffers) emitParts(word []byte, pos int, add func(s, e, p int)) int {
	pb.segments = splitOn(pb.segments[:0], word, 0, len(word), isJoiner, false)
	p := pos
	for _, seg := range pb.segments {
		if len(pb.segments) > 1 {
			add(seg.start, seg.end, p)
		}
		pb.subs = splitOn(pb.subs[:0], word, seg.start, seg.end, isUnderscore, true)
		if len(pb.subs) <= 1 {
			p++
			continue
		}
		for k, sub := range pb.subs {
			add(sub.start, sub.end, p)
			// "entry_set" also answers to "_set": the suffix as people
			// write it when they mean the reverse-relation convention.
			if sub.underscored && k > 0 {
				add(sub.start-1, sub.end, p)
			}
			p++
		}
	}
	return max(p, pos+1)
}

func isUnderscore(r rune) bool { return r == '_' }

// simpleWord reports an ASCII word that has no parts: no joiner, no '_'
// and no lower-to-upper case change ("cache", "Django", "HTTP", "404").
// Most words of prose are, and emit then skips splitting them.
func simpleWord(word []byte) bool {
	lower := false
	for _, c := range word {
		switch {
		case 'a' <= c && c <= 'z':
			lower = true
		case 'A' <= c && c <= 'Z':
			if lower {
				return false
			}
		case '0' <= c && c <= '9':
		default:
			return false
		}
	}
	return true
}

func truncate(b []byte) []byte {
	if len(b) <= maxTokenLen {
		return b
	}
	cut := maxTokenLen
	for cut > 0 && !utf8.RuneStart(b[cut]) {
		cut--
	}
	return b[:cut]
}

type wordPart struct {
	start, end  int
	underscored bool // preceded by '_'
}

// splitOn appends to parts the pieces of word[from:to] split at runes for
// which sep is true and, when camel is set, at lower-to-upper case changes,
// dropping empty pieces. A segment that is only a leading underscore plus
// one piece ("_set") is not split: it gives no pieces.
func splitOn(parts []wordPart, word []byte, from, to int, sep func(rune) bool, camel bool) []wordPart {
	first := len(parts)
	start := from
	underscored := false
	var prev rune
	flush := func(end int, nextUnderscored bool) {
		if end > start {
			parts = append(parts, wordPart{start: start, end: end, underscored: underscored})
		}
		underscored = nextUnderscored
	}
	for i := from; i < to; {
		r, size := utf8.DecodeRune(word[i:])
		switch {
		case sep(r):
			flush(i, r == '_')
			start = i + size
		case camel && unicode.IsUpper(r) && unicode.IsLower(prev):
			flush(i, false)
			start = i
		}
		prev = r
		i += size
	}
	flush(to, false)
	if len(parts)-first == 1 && word[from] == '_' {
		return parts[:first]
	}
	return parts
}

// stopFilter drops words that carry no meaning in a question about Django:
// the function words of English questions ("what is the difference
// between…"). It is deliberately shorter than a general stop list: "not",
// "no", "all", "only" and "between" can matter in Django answers.
type stopFilter struct{}

var stopWords = map[string]bool{}

func init() {
	for _, w := range bytes.Fields([]byte(`a an and are as at be been being but by can could did do does doing for from
		had has have how i if in into is it its me my of on or our should so than that the their them then
		there these they this those to was we were what when where which who whom why will with would you your`)) {
		stopWords[string(w)] = true
	}
}

func (stopFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := in[:0]
	for _, t := range in {
		if !stopWords[string(t.Term)] {
			out = append(out, t)
		}
	}
	return out
}

// lookupFilter adds the English words that Django's field lookups squash
// together, at the lookup's position: a learner asks for names that "start
// with" a letter or "contain" a word, while answers write
// name__istartswith and title__icontains. The table holds Django's built-in
// lookups only; identifiers stay searchable whole.
type lookupFilter struct{}

var lookupWords = map[string][]string{
	"contains": nil, "icontains": {"contains"},
	"startswith": {"starts"}, "istartswith": {"starts"},
	"endswith": {"ends"}, "iendswith": {"ends"},
	"iexact": {"exact"}, "isnull": {"null"},
	"gte": {"greater"}, "gt": {"greater"}, "lte": {"less"}, "lt": {"less"},
	"iregex": {"regex"},
}

func (lookupFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	var out analysis.TokenStream
	for i, t := range in {
		words := lookupWords[string(t.Term)]
		if out == nil && len(words) == 0 {
			continue
		}
		if out == nil {
			out = append(make(analysis.TokenStream, 0, len(in)+4), in[:i]...)
		}
		out = append(out, t)
		for _, w := range words {
			out = append(out, &analysis.Token{Term: []byte(w), Start: t.Start, End: t.End, Position: t.Position, Type: t.Type})
		}
	}
	if out == nil {
		return in
	}
	return out
}

// sharedCache resolves the registered analyzers; a registry cache is safe
// for concurrent use.
var sharedCache = registry.NewCache()

// memoStemmer remembers stems: a bank repeats the same few thousand words,
// and the Snowball stemmer allocates for every token it sees.
type memoStemmer struct {
	inner analysis.TokenFilter
	memo  sync.Map // string -> []byte
	size  atomic.Int64
}

// stemOverrides fix the Snowball stemmer's collisions that matter in
// Django answers: it stems "authorization" to "author", so a question about
// a book's author matched every permissions answer. The words listed get a
// stem of their own; the memo is seeded with them before any text is seen.
var stemOverrides = map[string]string{
	"authorization": "authoriz", "authorizations": "authoriz", "authorize": "authoriz",
	"authorized": "authoriz", "authorizes": "authoriz", "authorizing": "authoriz",
	"authorisation": "authoriz", "authorise": "authoriz", "authorised": "authoriz",
	"unauthorized": "unauthoriz", "unauthorised": "unauthoriz",
}

// maxMemo bounds the memo so that a huge deck cannot grow it without end.
const maxMemo = 200_000

func (m *memoStemmer) Filter(in analysis.TokenStream) analysis.TokenStream {
	var miss analysis.TokenStream
	for _, t := range in {
		if v, ok := m.memo.Load(string(t.Term)); ok {
			t.Term = v.([]byte)
			continue
		}
		miss = append(miss, t)
	}
	if len(miss) == 0 {
		return in
	}
	orig := make([]string, len(miss))
	for i, t := range miss {
		orig[i] = string(t.Term)
	}
	m.inner.Filter(miss)
	for i, t := range miss {
		if m.size.Load() < maxMemo {
			if _, loaded := m.memo.LoadOrStore(orig[i], t.Term); !loaded {
				m.size.Add(1)
			}
		}
	}
	return in
}

// analyze runs text through a registered analyzer and returns the terms.
func analyze(cache *registry.Cache, name, text string) []string {
	a, err := cache.AnalyzerNamed(name)
	if err != nil {
		return nil
	}
	var terms []string
	for _, t := range a.Analyze([]byte(text)) {
		terms = append(terms, string(t.Term))
	}
	return terms
}
