package bank

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/djq-cli/djq/internal/errkind"
	"github.com/djq-cli/djq/internal/sanitize"
)

// Ref names one question: a deck and an id within it.
type Ref struct {
	Deck string
	ID   int
}

// String renders the ref as a user types it: "35" for the built-in deck,
// "interview:12" for others.
func (r Ref) String() string {
	if r.Deck == "" || r.Deck == DefaultDeck {
		return strconv.Itoa(r.ID)
	}
	return r.Deck + ":" + strconv.Itoa(r.ID)
}

// RefError is a reference that is not NAME:ID or a bare id: a usage error.
type RefError struct {
	Input string
	// Why says what is wrong and what a valid reference looks like.
	Why string
}

func (e *RefError) Error() string {
	return fmt.Sprintf("invalid question reference %s: %s", sanitize.Quote(e.Input), e.Why)
}

// Kind makes a malformed reference a usage error.
func (e *RefError) Kind() errkind.Kind { return errkind.Usage }

// maxID bounds ids so that a pasted 20-digit number is reported as out of
// range instead of overflowing.
const maxID = 1_000_000_000

// ParseRef reads a question reference: "35" (the built-in deck) or
// "NAME:35". It checks only the syntax; whether the question exists is the
// bank's business.
func ParseRef(s string) (Ref, error) {
	deck, idText := DefaultDeck, strings.TrimSpace(s)
	if i := strings.LastIndexByte(idText, ':'); i >= 0 {
		deck, idText = strings.TrimSpace(idText[:i]), strings.TrimSpace(idText[i+1:])
		if deck == "" {
			return Ref{}, badRef(s, "the deck name before ':' is empty (use NAME:ID or a bare id)")
		}
		if !ValidDeckName(deck) {
			return Ref{}, badRef(s, "deck names use letters, digits, '-', '_' and '.'")
		}
	}
	if idText == "" {
		return Ref{}, badRef(s, fmt.Sprintf("an id is a positive whole number such as 35 or %s:12", deckExample(deck)))
	}
	for _, c := range idText {
		if c < '0' || c > '9' {
			return Ref{}, badRef(s, fmt.Sprintf("an id is a positive whole number such as 35 or %s:12", deckExample(deck)))
		}
	}
	id, err := strconv.Atoi(idText)
	if err != nil || id > maxID {
		return Ref{}, badRef(s, "the id is out of range")
	}
	if id == 0 {
		return Ref{}, badRef(s, "ids start at 1")
	}
	return Ref{Deck: deck, ID: id}, nil
}

func badRef(input, why string) error { return &RefError{Input: input, Why: why} }

func deckExample(deck string) string {
	if deck == DefaultDeck {
		return "mydeck"
	}
	return deck
}

// ValidDeckName reports whether name can be used as a deck name: it must be
// non-empty and made of letters, digits, '-', '_' and '.'.
func ValidDeckName(name string) bool {
	if name == "" || name == "." || name == ".." {
		return false
	}
	for _, c := range name {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '_', c == '.':
		default:
			return false
		}
	}
	return true
}
