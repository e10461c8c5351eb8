package bank

import (
	"slices"
	"strings"

	"github.com/djq-cli/djq/internal/errkind"
	"github.com/djq-cli/djq/internal/sanitize"
	"github.com/djq-cli/djq/internal/textdist"
)

// NewFilter validates a level and a tag as a user typed them (either may
// be empty) against the known tags: an unknown level or tag is a usage
// error that lists the valid values, with a suggestion for a near miss.
func NewFilter(level, tag string, knownTags, decks []string) (Filter, error) {
	flt := Filter{Decks: decks}
	if level != "" {
		l, err := ParseLevel(level)
		if err != nil {
			return flt, errkind.AsUsage(err)
		}
		flt.Level = l
	}
	if tag != "" {
		t := strings.ToLower(strings.TrimSpace(tag))
		if !slices.Contains(knownTags, t) {
			hint := ""
			if near := textdist.Nearest(t, knownTags); near != "" {
				hint = "did you mean " + near + "? "
			}
			return flt, errkind.Usagef("unknown tag %s: %stags are %s", sanitize.Quote(tag), hint, strings.Join(knownTags, ", "))
		}
		flt.Tag = t
	}
	return flt, nil
}
