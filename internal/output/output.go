// Package output holds the shapes djq writes for scripts and hands between
// packages: the JSON objects for questions and search hits, a search hit
// with its marked snippet, and the one JSON encoder. It is a leaf that
// render, export, search and the commands share, so that none of them has
// to import another only for a type.
package output

import (
	"encoding/json"
	"io"
	"strings"

	"github.com/djq-cli/djq/internal/bank"
)

// Question is the JSON shape of a question, shared by show, list, random
// and export.
type Question struct {
	ID      int      `json:"id"`
	Deck    string   `json:"deck"`
	Ref     string   `json:"ref"`
	Title   string   `json:"title"`
	Level   string   `json:"level"`
	Tags    []string `json:"tags"`
	Summary string   `json:"summary"`
	Related []int    `json:"related"`
	Docs    []string `json:"docs"`
	Body    string   `json:"body,omitempty"`
	// CheckedOn lists the Django series the answer's check passed on
	// (built-in questions with a check only).
	CheckedOn []string `json:"checked_on,omitempty"`
}

// FromQuestion converts a question; withBody adds the answer.
func FromQuestion(q *bank.Question, withBody bool) Question {
	j := Question{
		ID: q.ID, Deck: q.Deck, Ref: q.Ref(), Title: q.Title, Level: string(q.Level),
		Tags: NonNil(q.Tags), Summary: q.Summary, Related: NonNil(q.Related), Docs: NonNil(q.Docs),
		CheckedOn: q.CheckedOn,
	}
	if withBody {
		j.Body = q.Body
	}
	return j
}

// Questions converts a list of questions.
func Questions(qs []*bank.Question, withBody bool) []Question {
	objs := make([]Question, len(qs))
	for i, q := range qs {
		objs[i] = FromQuestion(q, withBody)
	}
	return objs
}

// Deck is one line of `djq decks`.
type Deck struct {
	Name      string `json:"name"`
	Path      string `json:"path"`
	Questions int    `json:"questions"`
}

// Path is one of djq's folders, as `djq paths` shows it.
type Path struct {
	Name   string `json:"name"`
	Path   string `json:"path"`
	Exists bool   `json:"exists"`
	Env    string `json:"env"`
}

// Hit is one search result, best first in a result list.
type Hit struct {
	Ref     string
	Deck    string
	ID      int
	Title   string
	Level   string
	Tags    []string
	Score   float64
	Snippet Snippet
}

// HitJSON is the JSON shape of one search result.
type HitJSON struct {
	ID      int      `json:"id"`
	Deck    string   `json:"deck"`
	Ref     string   `json:"ref"`
	Title   string   `json:"title"`
	Level   string   `json:"level"`
	Tags    []string `json:"tags"`
	Score   float64  `json:"score"`
	Snippet string   `json:"snippet"`
}

// Hits converts search results to their JSON shape.
func Hits(hits []Hit) []HitJSON {
	objs := make([]HitJSON, len(hits))
	for i, h := range hits {
		objs[i] = HitJSON{ID: h.ID, Deck: h.Deck, Ref: h.Ref, Title: h.Title, Level: h.Level,
			Tags: NonNil(h.Tags), Score: h.Score, Snippet: h.Snippet.Text}
	}
	return objs
}

// Snippet is a short excerpt of an answer with the matched words marked.
type Snippet struct {
	Text string
	// Marks are [start, end) byte ranges of Text that matched, in order.
	Marks [][2]int
}

// Format returns the text with every marked range passed through mark
// (which adds bold, say); a nil mark returns the plain text.
func (s Snippet) Format(mark func(...string) string) string {
	if mark == nil {
		return s.Text
	}
	var b strings.Builder
	prev := 0
	for _, m := range s.Marks {
		if m[0] < prev || m[1] > len(s.Text) {
			continue
		}
		b.WriteString(s.Text[prev:m[0]])
		b.WriteString(mark(s.Text[m[0]:m[1]]))
		prev = m[1]
	}
	b.WriteString(s.Text[prev:])
	return b.String()
}

// NonNil returns xs, or an empty slice for nil, so JSON shows [] not null.
func NonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// WriteJSON is djq's one JSON encoder: two-space indent, no HTML escaping
// (answers are full of <, > and &), one trailing newline.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
