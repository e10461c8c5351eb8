package library

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/errkind"
	"github.com/djq-cli/djq/internal/hit"
	"github.com/djq-cli/djq/internal/sanitize"
	"github.com/djq-cli/djq/internal/search"
)

// Selection is the questions that --level, --tag and --deck choose.
type Selection struct {
	Bank      *bank.Bank
	Filter    bank.Filter
	Questions []*bank.Question
}

// Select applies a level and a tag (either may be empty) to the selected
// decks: the one path list, random, tags, quiz, export and browse share.
// An unknown deck, level or tag is a usage error; a filter that matches
// nothing is a not-found error naming the flags that made it.
func (l *Library) Select(level, tag string) (Selection, error) {
	if err := l.Check(); err != nil {
		return Selection{}, err
	}
	b, err := l.Bank()
	if err != nil {
		return Selection{}, err
	}
	flt, err := bank.NewFilter(level, tag, b.Tags(), l.Selected())
	if err != nil {
		return Selection{}, err
	}
	qs := b.Select(flt)
	if len(qs) == 0 {
		return Selection{}, errkind.NotFoundf("no questions match %s (see djq list)", l.Describe(level, tag))
	}
	return Selection{Bank: b, Filter: flt, Questions: qs}, nil
}

// Describe gives a selection as the flags that make it, for messages:
// "--deck interview --level advanced".
func (l *Library) Describe(level, tag string) string {
	var parts []string
	for _, d := range l.Selected() {
		parts = append(parts, "--deck "+d)
	}
	if level != "" {
		parts = append(parts, "--level "+level)
	}
	if tag != "" {
		parts = append(parts, "--tag "+tag)
	}
	return strings.Join(parts, " ")
}

// Query is one search of the selected decks as a user asked for it.
type Query struct {
	Text       string
	Level, Tag string
	Limit      int
	SnippetLen int
	// NoCache builds the index in memory instead of using the cache.
	NoCache bool
}

// Search runs q over the selected decks. A malformed query or level is
// rejected before the index is paid for; --deck is validated once, as the
// index opens; a tag is checked against the index's own tags, asked for
// only when there is one (asking first would wait for the decks' files to
// be checked). No hit is a not-found error with a hint.
func (l *Library) Search(ctx context.Context, q Query) (*search.Result, error) {
	req, err := search.NewRequest(q.Text)
	if err != nil {
		return nil, err
	}
	flt, err := bank.NewFilter(q.Level, "", nil, l.Selected())
	if err != nil {
		return nil, err
	}
	ix, err := l.Index(q.NoCache)
	if err != nil {
		return nil, err
	}
	if q.Tag != "" {
		tags, _, err := ix.Facets()
		if err != nil {
			return nil, err
		}
		byTag, err := bank.NewFilter("", q.Tag, tags, nil)
		if err != nil {
			return nil, err
		}
		flt.Tag = byTag.Tag
	}
	req.Filter, req.Limit, req.SnippetLen = flt, q.Limit, q.SnippetLen
	res, err := ix.Search(ctx, req)
	if err != nil {
		return nil, err
	}
	if len(res.Hits) == 0 {
		hint := "try fewer or other words, or djq list"
		if d := l.Describe(q.Level, q.Tag); d != "" && (q.Level == "" && q.Tag == "" || l.matchesUnfiltered(ctx, ix, req)) {
			hint = "try without " + d
		}
		return res, errkind.NotFoundf("no questions match %s (%s)", sanitize.Quote(q.Text), hint)
	}
	return res, nil
}

// matchesUnfiltered reports whether req finds anything without the
// --level and --tag flags, so that "try without --level advanced" is
// only suggested when it would help. A --deck selection alone is always
// named: the other decks are not in this index to try.
func (l *Library) matchesUnfiltered(ctx context.Context, ix *search.Index, req search.Request) bool {
	req.Filter = bank.Filter{Decks: req.Filter.Decks}
	req.Limit = 1
	res, err := ix.Search(ctx, req)
	return err == nil && len(res.Hits) > 0
}

// Refs is what browse's live search needs: the refs of every question
// of the selected decks that matches query at level, best first.
func (l *Library) Refs(ctx context.Context, query string, level bank.Level) ([]string, error) {
	ix, err := l.Index(false)
	if err != nil {
		return nil, err
	}
	res, err := ix.Search(ctx, search.Request{Query: query, Filter: bank.Filter{Decks: l.Selected(), Level: level}, Limit: 1000})
	if search.NoWords(err) {
		return nil, nil // "the", typed on the way to "the admin"
	}
	if err != nil {
		return nil, err
	}
	refs := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		refs[i] = h.Ref
	}
	return refs, nil
}

// SuggestRef answers `djq show select_related`: text where a reference
// belongs is a usage error that offers the best search hit instead. A
// malformed number ("0", "3x") or NAME:ID keeps refErr, the plain
// reference error.
func (l *Library) SuggestRef(ctx context.Context, text string, refErr error) error {
	if first, _ := utf8.DecodeRuneInString(strings.TrimSpace(text)); strings.Contains(text, ":") || !unicode.IsLetter(first) {
		return refErr
	}
	var hits []hit.Hit
	if ix, err := l.Index(false); err == nil {
		hits, _ = ix.Suggest(ctx, text, 1)
	}
	if len(hits) == 0 {
		return errkind.Usagef("no question %s: a reference is an id such as 35 or NAME:ID; to look for text use djq search %s", sanitize.Quote(text), sanitize.Echo(text))
	}
	return errkind.Usagef("no question %s: did you mean %s %s? (djq search %s)", sanitize.Quote(text), hits[0].Ref, strings.TrimSuffix(hits[0].Title, "?"), sanitize.Echo(text))
}

// Complete lists the refs that start with prefix, each followed by a tab
// and its title: the form shells show as a completion with a description.
func (l *Library) Complete(prefix string) ([]string, error) {
	b, err := l.Bank()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, q := range b.Questions() {
		if ref := q.Ref(); strings.HasPrefix(ref, prefix) {
			out = append(out, ref+"\t"+q.Title)
		}
	}
	return out, nil
}
