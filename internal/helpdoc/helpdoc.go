// Package helpdoc holds the reference tables djq documents in three places:
// the environment variables it reads, the files it keeps and its exit
// codes. The README's tables (between marker comments, checked by this
// package's test), the ENVIRONMENT, FILES and EXIT STATUS sections of the
// man pages (internal/gen) and `djq help environment|files|exit-codes`
// (cobra help topics, added by internal/cmdutil) are all drawn from these
// tables, so that none of them can say something the others do not.
//
// Cells are written in Markdown's inline syntax: `code` is the only markup,
// drawn as code in the README, bold in man pages and bare in help text.
package helpdoc

import (
	"fmt"
	"strings"

	"github.com/djq-cli/djq/internal/textwidth"
)

// Row is one line of a table: what it names (a variable, a file, a code),
// what it does, and for exit codes some commands that exit with it.
type Row struct {
	Name, Text, Examples string
}

// Topic is one table with the names it goes by.
type Topic struct {
	// Name is the help topic (`djq help NAME`) and the README marker.
	Name string
	// Section is the man page section heading.
	Section string
	// Short is the topic's one-line description in `djq --help`.
	Short string
	// Lead is the sentence before the table in help text and man pages
	// (the README has prose of its own around the table).
	Lead string
	// Header is the README table's column names.
	Header []string
	Rows   []Row
}

// Topics are the tables, in the order the man page shows them.
var Topics = []Topic{Environment, Files, ExitCodes}

// Lookup returns the topic named name.
func Lookup(name string) (Topic, bool) {
	for _, t := range Topics {
		if t.Name == name {
			return t, true
		}
	}
	return Topic{}, false
}

// Markdown is the topic's README table.
func (t Topic) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "| %s |\n|%s\n", strings.Join(t.Header, " | "), strings.Repeat(" --- |", len(t.Header)))
	for _, r := range t.Rows {
		cells := []string{r.Name, r.Text}
		if len(t.Header) > 2 {
			cells = append(cells, orDash(r.Examples))
		}
		fmt.Fprintf(&b, "| %s |\n", strings.Join(cells, " | "))
	}
	return b.String()
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// helpWidth is the width help text is wrapped to: it reads in any
// terminal of 80 columns.
const helpWidth = 78

// Text is the topic as `djq help NAME` prints it: the lead, then each name
// with its text wrapped and indented under it.
func (t Topic) Text() string {
	var b strings.Builder
	for _, l := range textwidth.WrapWords(plain(t.Lead), helpWidth) {
		b.WriteString(l + "\n")
	}
	for _, r := range t.Rows {
		fmt.Fprintf(&b, "\n  %s\n", plain(r.Name))
		text := r.Text
		if r.Examples != "" {
			text += ". For example: " + r.Examples
		}
		for _, l := range textwidth.WrapWords(plain(text), helpWidth-6) {
			fmt.Fprintf(&b, "      %s\n", l)
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// plain drops the Markdown code marks.
func plain(s string) string { return strings.ReplaceAll(s, "`", "") }

// Roff is the topic as a man page section: a heading, the lead, and a
// tagged paragraph per row.
func (t Topic) Roff() string {
	var b strings.Builder
	// Names, paths and flags must not be hyphenated or stretched apart:
	// no hyphenation (.nh), ragged right (.ad l).
	fmt.Fprintf(&b, ".SH %s\n.nh\n.ad l\n.PP\n%s\n", t.Section, roffText(t.Lead))
	for _, r := range t.Rows {
		name := roffText(r.Name)
		if !strings.Contains(r.Name, "`") {
			name = `\fB` + name + `\fP`
		}
		text := r.Text
		if r.Examples != "" {
			text += ". For example: " + r.Examples
		}
		fmt.Fprintf(&b, ".TP\n%s\n%s\n", name, roffText(text))
	}
	return b.String()
}

// roffText escapes s for roff and draws its `code` in bold: a backslash
// is \e, and a line never starts with roff's control characters.
func roffText(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	var b strings.Builder
	for i, part := range strings.Split(s, "`") {
		if i%2 == 1 {
			part = `\fB` + part + `\fP`
		}
		b.WriteString(part)
	}
	out := b.String()
	if strings.HasPrefix(out, ".") || strings.HasPrefix(out, "'") {
		out = `\&` + out
	}
	return out
}
