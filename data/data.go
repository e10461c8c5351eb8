// Package data embeds djq's built-in question bank, the deck "django", so
// that the binary needs no files beside it.
package data

import "embed"

// Questions holds the built-in question files under questions/, one
// NNN-slug.md per question.
//
//go:embed questions/*.md
var Questions embed.FS

// QuestionsDir is the folder inside Questions that holds the files.
const QuestionsDir = "questions"
