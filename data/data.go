// Package data embeds djq's built-in question bank, the deck "django", so
// that the binary needs no files beside it.
package data

import "embed"

// Questions holds the built-in question files under questions/, one
// NNN-slug.md per question.
//
//go:embed questions/*.md
var Questions embed.FS

// Synonyms is the curated list of search synonyms and abbreviations (FBV,
// CBV, DRF, N+1, ...), one group per line.
//
//go:embed synonyms.txt
var Synonyms string

// QuestionsDir is the folder inside Questions that holds the files.
const QuestionsDir = "questions"
