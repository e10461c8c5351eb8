package search

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/djq-cli/djq/internal/bank"
)

// MappingVersion changes whenever the mapping or the analysis changes, so
// that indexes cached by an older djq are rebuilt rather than misread.
const MappingVersion = "djq-mapping-9"

// Field names in the index.
const (
	fieldRef   = "ref"
	fieldDeck  = "deck"
	fieldID    = "id"
	fieldLevel = "level"
	fieldTags  = "tags"
	fieldTitle = "title"
	// fieldAsked holds the other ways people ask the question (the
	// front matter's asked: list), weighted like the title.
	fieldAsked   = "asked"
	fieldSummary = "summary"
	fieldBody    = "body"
	// fieldTagText makes tags searchable as words ("orm", "drf").
	fieldTagText = "tagtext"
	// fieldBlocks stores where the body's paragraphs, headings and code
	// blocks are, so that a snippet never crosses from one to the next.
	fieldBlocks = "blocks"
	// fieldVocab lists every distinct word unstemmed, for typo correction.
	fieldVocab = "vocab"
	// fieldPhrases stores the title, summary and asked-as phrasings
	// already analysed for reranking (see phraseLines), so that a search
	// reads their terms instead of analysing 20 candidates' texts again.
	fieldPhrases = "phrases"
)

// doc is what one question looks like to the index.
type doc struct {
	Ref     string   `json:"ref"`
	Deck    string   `json:"deck"`
	ID      string   `json:"id"`
	Level   string   `json:"level"`
	Tags    []string `json:"tags"`
	TagText string   `json:"tagtext"`
	Title   string   `json:"title"`
	Asked   []string `json:"asked"`
	Summary string   `json:"summary"`
	Body    string   `json:"body"`
	Blocks  string   `json:"blocks"`
	Vocab   string   `json:"vocab"`
	Phrases string   `json:"phrases"`
}

func newDoc(q *bank.Question) doc {
	body, blocks := plainText(q.Body)
	return doc{
		Ref:     q.Ref(),
		Deck:    q.Deck,
		ID:      strconv.Itoa(q.ID),
		Level:   string(q.Level),
		Tags:    q.Tags,
		TagText: strings.Join(q.Tags, " "),
		Title:   q.Title,
		Asked:   q.Asked,
		Summary: q.Summary,
		Body:    body,
		Blocks:  encodeBlocks(blocks),
		Vocab:   vocabulary(q.Title, strings.Join(q.Asked, " "), q.Summary, strings.Join(q.Tags, " "), body),
		Phrases: phraseLines(append([]string{q.Title, q.Summary}, q.Asked...)),
	}
}

// phraseLines analyses phrasings for reranking: one line per phrasing,
// its distinct terms separated by spaces, each identifier whole (not its
// parts, which the tokenizer puts at the same position after it) and
// squashed.
func phraseLines(texts []string) string {
	a, err := sharedCache.AnalyzerNamed(EnglishAnalyzer)
	if err != nil {
		return ""
	}
	var b strings.Builder
	for i, text := range texts {
		if i > 0 {
			b.WriteByte('\n')
		}
		seen := map[string]bool{}
		last := -1
		for _, t := range a.Analyze([]byte(text)) {
			if t.Position == last {
				continue
			}
			last = t.Position
			term := squash(string(t.Term))
			if !seen[term] {
				if len(seen) > 0 {
					b.WriteByte(' ')
				}
				seen[term] = true
				b.WriteString(term)
			}
		}
	}
	return b.String()
}

// squash folds the spellings of one identifier together for matching a
// query against phrasings: content_type, ContentType and contenttypes
// are one thing to a person asking, so separators go and the result is
// stemmed like any word.
func squash(term string) string {
	if !strings.ContainsAny(term, "_-") {
		return term
	}
	joined := strings.NewReplacer("_", "", "-", "").Replace(term)
	if ts := analyze(sharedCache, EnglishAnalyzer, joined); len(ts) > 0 {
		return ts[0]
	}
	return term
}

// docID is the Bleve document id: deck and id, unique across decks.
func docID(q *bank.Question) string { return q.Deck + ":" + strconv.Itoa(q.ID) }

// vocabulary lists the distinct unstemmed words of texts, as the plain
// analyzer sees them, separated by spaces. Indexed with VocabAnalyzer (a
// split at spaces), they are the dictionary that typo correction searches;
// listing each word once per question in one field costs far less than
// analysing the whole text a second time or adding a field per word.
func vocabulary(texts ...string) string {
	seen := make(map[string]bool, 256)
	var (
		out   strings.Builder
		lower []byte
		parts partBuffers
	)
	for _, t := range texts {
		scanWords([]byte(t), func(word []byte, _ int) {
			parts.emit(word, 0, func(s, e, _ int) {
				lower = appendLower(lower[:0], truncate(word[s:e]))
				if seen[string(lower)] {
					return
				}
				seen[string(lower)] = true
				if out.Len() > 0 {
					out.WriteByte(' ')
				}
				out.Write(lower)
			})
		})
	}
	return out.String()
}

// appendLower appends b lowercased as the lowercase filter does it.
func appendLower(dst, b []byte) []byte {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += size
	}
	return dst
}

// newMapping describes the index. Text fields are stored so that hits can
// be shown (and snippets cut) without loading the bank, and keep term
// vectors, which phrase queries need.
func newMapping() mapping.IndexMapping {
	text := func(store bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = EnglishAnalyzer
		f.Store = store
		f.IncludeTermVectors = true
		f.IncludeInAll = false
		return f
	}
	keyword := func() *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Store = true
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		return f
	}
	vocab := bleve.NewTextFieldMapping()
	vocab.Analyzer = VocabAnalyzer
	vocab.Store = false
	vocab.IncludeTermVectors = false
	vocab.IncludeInAll = false

	stored := bleve.NewTextFieldMapping()
	stored.Index = false
	stored.Store = true
	stored.IncludeTermVectors = false
	stored.IncludeInAll = false
	stored.DocValues = false

	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt(fieldRef, keyword())
	dm.AddFieldMappingsAt(fieldDeck, keyword())
	dm.AddFieldMappingsAt(fieldID, keyword())
	dm.AddFieldMappingsAt(fieldLevel, keyword())
	dm.AddFieldMappingsAt(fieldTags, keyword())
	dm.AddFieldMappingsAt(fieldTagText, text(false))
	dm.AddFieldMappingsAt(fieldTitle, text(true))
	dm.AddFieldMappingsAt(fieldAsked, text(true))
	dm.AddFieldMappingsAt(fieldSummary, text(true))
	dm.AddFieldMappingsAt(fieldBody, text(true))
	dm.AddFieldMappingsAt(fieldBlocks, stored)
	dm.AddFieldMappingsAt(fieldPhrases, stored)
	dm.AddFieldMappingsAt(fieldVocab, vocab)
	// No field goes into Bleve's catch-all "_all" field and every query
	// names its fields, so the composite field is not built at all: it cost
	// a tenth of a large deck's index build while holding nothing.
	dm.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())

	im := bleve.NewIndexMapping()
	im.DefaultMapping = dm
	im.DefaultAnalyzer = EnglishAnalyzer
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false
	im.ScoringModel = "bm25"
	return im
}
