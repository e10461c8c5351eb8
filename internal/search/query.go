package search

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/djq-cli/djq/internal/errkind"
)

// MaxQueryLen bounds a query in bytes. Longer input is almost certainly a
// paste gone wrong, and every word costs a clause.
const MaxQueryLen = 1000

// Occur says how a clause takes part in the match.
type Occur int

// Clause occurrences, as written with no prefix, '+' and '-'.
const (
	Should Occur = iota
	Must
	MustNot
)

// Clause is one part of a parsed query.
type Clause struct {
	Occur Occur
	// Field is "" for free text, or one of level, tag, title, deck.
	Field string
	// Text is the word or phrase.
	Text string
	// Phrase is true for quoted text, matched as a sequence.
	Phrase bool
}

// QueryError is a query that cannot be searched; the command layer maps it
// to a usage error.
type QueryError struct{ Msg string }

func (e *QueryError) Error() string { return e.Msg }

// Kind makes a query that cannot be searched a usage error.
func (e *QueryError) Kind() errkind.Kind { return errkind.Usage }

// fieldNames are the field terms the query language knows.
var fieldNames = map[string]bool{"level": true, "tag": true, "title": true, "deck": true}

// ParseQuery reads the query language: plain words; "quoted phrases";
// +required and -excluded words or phrases (a word starting "--", such as
// --deploy, is literal); and field terms level:L,
// tag:T, title:WORD (or title:"a phrase") and deck:NAME. Anything else is
// searched literally: an unbalanced quote runs to the end, a lone + or -
// is punctuation, and an unknown "name:" is part of the word.
func ParseQuery(s string) ([]Clause, error) {
	if !utf8.ValidString(s) {
		return nil, &QueryError{Msg: "the query is not valid UTF-8 text"}
	}
	if len(s) > MaxQueryLen {
		return nil, &QueryError{Msg: fmt.Sprintf("the query is too long (%d bytes): at most %d", len(s), MaxQueryLen)}
	}
	var out []Clause
	rs := []rune(s)
	i := 0
	for i < len(rs) {
		for i < len(rs) && unicode.IsSpace(rs[i]) {
			i++
		}
		if i >= len(rs) {
			break
		}
		c := Clause{}
		switch rs[i] {
		case '+':
			c.Occur = Must
			i++
		case '-':
			// Only a single '-' excludes: "--deploy" is the literal
			// option people search for (check --deploy).
			if i+1 >= len(rs) || rs[i+1] != '-' {
				c.Occur = MustNot
				i++
			}
		}
		if i >= len(rs) || unicode.IsSpace(rs[i]) {
			continue // a lone + or -
		}
		// field:value?
		if j := fieldPrefix(rs, i); j > 0 {
			c.Field = strings.ToLower(string(rs[i : j-1]))
			i = j
			if i >= len(rs) || unicode.IsSpace(rs[i]) {
				return nil, &QueryError{Msg: fmt.Sprintf("nothing after %q: write %s:VALUE, for example %s", c.Field+":", c.Field, fieldExample(c.Field))}
			}
		}
		if rs[i] == '"' {
			j := i + 1
			for j < len(rs) && rs[j] != '"' {
				j++
			}
			c.Text = strings.TrimSpace(string(rs[i+1 : min(j, len(rs))]))
			c.Phrase = true
			i = j + 1
		} else {
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) {
				j++
			}
			c.Text = string(rs[i:j])
			i = j
		}
		if strings.TrimSpace(c.Text) == "" {
			if c.Field != "" {
				return nil, &QueryError{Msg: fmt.Sprintf("nothing after %q: write %s:VALUE, for example %s", c.Field+":", c.Field, fieldExample(c.Field))}
			}
			continue
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil, &QueryError{Msg: noWords}
	}
	return out, nil
}

// noWords is the one message for a query with nothing searchable left,
// whether it held only punctuation ("+") or only words too common to
// search ("the"): both are the same mistake, a usage error.
const noWords = "the query has no words to search for: use a more specific word, such as djq search select_related"

// NoWords reports whether err is the "no words to search for" mistake,
// which browse's live search, typing word by word, shows as no results.
func NoWords(err error) bool {
	var qe *QueryError
	return errors.As(err, &qe) && qe.Msg == noWords
}

// searchable reports whether clauses leave anything to search for or
// select by: a word that is not a stop word, a phrase, or a field term.
// Exclusions alone select nothing.
func searchable(clauses []Clause) bool {
	for _, c := range clauses {
		if c.Occur == MustNot {
			continue
		}
		if c.Field != "" || len(analyze(sharedCache, EnglishAnalyzer, c.Text)) > 0 {
			return true
		}
	}
	return false
}

// filterOnly reports whether clauses select by level, tag or deck alone,
// with no words to rank by ("tag:orm", "level:advanced -signals").
func filterOnly(clauses []Clause) bool {
	seen := false
	for _, c := range clauses {
		switch {
		case c.Occur == MustNot:
		case c.Field == "level" || c.Field == "tag" || c.Field == "deck":
			seen = true
		default:
			return false
		}
	}
	return seen
}

// fieldPrefix returns the index just past "name:" when rs[i:] starts with
// a known field name and a colon, else 0.
func fieldPrefix(rs []rune, i int) int {
	j := i
	for j < len(rs) && unicode.IsLetter(rs[j]) {
		j++
	}
	if j == i || j >= len(rs) || rs[j] != ':' {
		return 0
	}
	if !fieldNames[strings.ToLower(string(rs[i:j]))] {
		return 0
	}
	return j + 1
}

func fieldExample(field string) string {
	switch field {
	case "level":
		return "level:advanced"
	case "tag":
		return "tag:orm"
	case "deck":
		return "deck:django"
	default:
		return `title:cache or title:"form valid"`
	}
}
