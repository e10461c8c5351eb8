// Package output holds the shapes djq writes for scripts and hands between
// packages: the JSON objects for questions and search hits (the hit itself
// lives in package hit), and the one JSON encoder. It is a leaf that
// render, export, search and the commands share, so that none of them has
// to import another only for a type.
package output

import (
	"encoding/json"
	"io"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/hit"
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
	// Seed is the seed of `djq random`'s pick, on every question it
	// picked: a field of each object, so scripts that read the array of
	// questions keep working, and `--seed` with it repeats the pick.
	Seed *int64 `json:"seed,omitempty"`
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

// Seeded is Questions with their bodies for a random pick made with seed.
func Seeded(qs []*bank.Question, seed int64) []Question {
	objs := Questions(qs, true)
	for i := range objs {
		objs[i].Seed = &seed
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

// Hit and Snippet are the search result shapes, whose home is package hit;
// the aliases stay until render imports hit itself (the render side of
// this refactor).
type (
	Hit     = hit.Hit
	Snippet = hit.Snippet
)

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
