package search

import (
	"fmt"
	"slices"
	"strings"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/sanitize"
	"github.com/djq-cli/djq/internal/textdist"
)

// checkFields validates the level:, tag: and deck: terms of a query against
// the levels and what the index holds, so that `tag:nosuch orm` says the
// tag does not exist (a usage error, with a near match when there is one)
// instead of finding nothing.
func checkFields(r multiReader, clauses []Clause) error {
	for _, c := range clauses {
		if c.Occur == MustNot || c.Field == "" || c.Field == "title" {
			continue
		}
		value := strings.ToLower(c.Text)
		var known []string
		switch c.Field {
		case "level":
			if _, err := bank.ParseLevel(c.Text); err != nil {
				return &QueryError{Msg: err.Error() + " (in the query)"}
			}
			continue
		case "tag":
			known, _ = r.terms(fieldTags)
		case "deck":
			known, _ = r.terms(fieldDeck)
			value = c.Text
		default:
			continue
		}
		if len(known) == 0 || slices.Contains(known, value) {
			continue
		}
		hint := ""
		if near := textdist.Nearest(value, known); near != "" {
			hint = "did you mean " + c.Field + ":" + near + "? "
		}
		return &QueryError{Msg: fmt.Sprintf("unknown %s %s in the query: %s%ss are %s", c.Field, sanitize.Quote(c.Text), hint, c.Field, strings.Join(known, ", "))}
	}
	return nil
}
