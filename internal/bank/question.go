// Package bank holds djq's question model: one interview question with its
// front matter and Markdown answer, the parser that reads a question file,
// and the collection of questions that every command works on.
package bank

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/djq-cli/djq/internal/errkind"
	"github.com/djq-cli/djq/internal/sanitize"
	"github.com/djq-cli/djq/internal/textdist"
)

// Level is how hard a question is. The zero value is not a valid level.
type Level string

// The three levels, from easiest to hardest.
const (
	Beginner     Level = "beginner"
	Intermediate Level = "intermediate"
	Advanced     Level = "advanced"
)

// Levels lists the valid levels from easiest to hardest.
var Levels = []Level{Beginner, Intermediate, Advanced}

// LevelNames returns the valid level names, for error messages and shell
// completion.
func LevelNames() []string {
	names := make([]string, len(Levels))
	for i, l := range Levels {
		names[i] = string(l)
	}
	return names
}

// ParseLevel turns a user's level into a Level, ignoring case and surrounding
// space. The error names the bad value and the valid ones.
func ParseLevel(s string) (Level, error) {
	l := Level(strings.ToLower(strings.TrimSpace(s)))
	if slices.Contains(Levels, l) {
		return l, nil
	}
	hint := ""
	if near := textdist.Nearest(string(l), LevelNames()); near != "" {
		hint = "did you mean " + near + "? "
	}
	return "", fmt.Errorf("unknown level %s: %svalid levels are %s", sanitize.Quote(s), hint, strings.Join(LevelNames(), ", "))
}

// Rank orders levels from easiest (0) to hardest; unknown levels rank last.
func (l Level) Rank() int {
	if i := slices.Index(Levels, l); i >= 0 {
		return i
	}
	return len(Levels)
}

// DefaultDeck is the name of the built-in question bank.
const DefaultDeck = "django"

// Question is one interview question: its metadata from the front matter and
// its answer as Markdown.
type Question struct {
	ID      int
	Deck    string
	Title   string
	Level   Level
	Tags    []string
	Summary string
	// Asked lists other ways people phrase the question, in their own
	// vocabulary; search weighs them like the title.
	Asked   []string
	Related []int
	Docs    []string
	// Body is the answer in Markdown, without the front matter.
	Body string
	// File is where the question was read from, for messages.
	File string
	// BodyLine is the 1-based line of File on which Body starts.
	BodyLine int
	// CheckedOn lists the Django series ("5.2", "6.1") on which the
	// answer's executable check (data/checks/NNN.py) passed. It is set at
	// build time from the check runner's record, for the built-in deck
	// only, so it states what ran rather than what someone wrote.
	CheckedOn []string

	// keyLines maps front-matter keys to their lines, for messages.
	keyLines map[string]int
}

// Line returns the line of the front-matter key in File, or 1.
func (q *Question) Line(key string) int {
	if n := q.keyLines[key]; n > 0 {
		return n
	}
	return 1
}

// Ref is how the question is referred to on the command line: the bare id for
// the built-in deck, NAME:ID for any other.
func (q *Question) Ref() string {
	return Ref{Deck: q.Deck, ID: q.ID}.String()
}

// HasTag reports whether the question carries tag t (case-insensitive).
func (q *Question) HasTag(t string) bool {
	for _, x := range q.Tags {
		if strings.EqualFold(x, t) {
			return true
		}
	}
	return false
}

// DocsLinks is the docs link number nth (from 1) of q, or with all every
// one. A question without links is a not-found error; a number past the
// last link is a usage error that says how many there are.
func (q *Question) DocsLinks(nth int, all bool) ([]string, error) {
	switch n := len(q.Docs); {
	case n == 0:
		return nil, errkind.NotFoundf("question %s has no docs links", q.Ref())
	case all:
		return q.Docs, nil
	case nth < 1 || nth > n:
		has := "1 docs link"
		if n > 1 {
			has = fmt.Sprintf("%d docs links", n)
		}
		return nil, errkind.Usagef("question %s has %s: use a number from 1 to %d", q.Ref(), has, n)
	}
	return q.Docs[nth-1 : nth], nil
}

// IsWebLink reports whether a docs link is an http or https URL with a
// host: a deck's links are untrusted, and only those may become a link
// someone clicks (Anki's <a href>; opener checks the same before opening).
func IsWebLink(link string) bool {
	u, err := url.Parse(link)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
