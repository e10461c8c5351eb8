// Package data embeds djq's built-in question bank, the deck "django", so
// that the binary needs no files beside it.
package data

import (
	"embed"
	"io/fs"

	"github.com/djq-cli/djq/internal/bank"
)

//go:generate go run ../internal/gen bank index docs

// Questions holds the built-in question files under questions/, one
// NNN-slug.md per question.
//
//go:embed questions/*.md
var Questions embed.FS

// compact is the built-in deck parsed at build time (go generate): see
// bank.EncodeCompact. A test fails when it no longer matches questions/.
//
//go:embed bank.bin
var compact string

// Builtin returns the built-in deck, decoded from its compact form in
// microseconds, and the fingerprint of its question files (which keys the
// search index cache), computed at build time.
func Builtin() (*bank.Deck, string, error) {
	return bank.DecodeCompact(bank.DefaultDeck, "(built in)", compact)
}

// Fingerprint is the fingerprint of the built-in question files, recorded
// at build time, read without decoding the questions.
func Fingerprint() (string, error) { return bank.CompactFingerprint(compact) }

// Synonyms is the curated list of search synonyms and abbreviations (FBV,
// CBV, DRF, N+1, ...), one group per line.
//
//go:embed synonyms.txt
var Synonyms string

// QuestionsDir is the folder inside Questions that holds the files.
const QuestionsDir = "questions"

//go:embed index
var index embed.FS

// Index returns the search index of this deck, built ahead of time by
// `go generate ./...` so that a first search copies it instead of
// indexing. A test fails when it no longer matches the questions.
func Index() fs.FS {
	sub, err := fs.Sub(index, "index")
	if err != nil {
		panic(err) // the embedded folder is always there
	}
	return sub
}
