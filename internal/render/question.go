package render

import (
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/output"
)

// Markdown returns the clean Markdown document for one question: the title
// as a heading, a line with ref, level and tags, the one-line summary as a
// quote, the answer, related questions and the docs links. It has no escape
// codes and no trailing whitespace, starts with the "# " title line and ends
// with exactly one newline, and keeps a blank line around every heading,
// list, table and code block, so it can go straight into notes.
func Markdown(q *bank.Question, lookup bank.Lookup) string {
	d := docParts(q, lookup, false)
	var b strings.Builder
	b.WriteString(d.head)
	if d.summary != "" {
		fmt.Fprintf(&b, "> %s\n\n", d.summary)
	}
	b.WriteString(d.rest)
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// parts is a question's document cut where pretty output treats the summary
// on its own: head is the title and meta line, rest the answer, related
// questions and docs. head and rest end with a newline.
type parts struct {
	head, summary, rest string
}

// docParts cuts a question's document into parts. The meta line is in
// italics only for the terminal (italic is how glamour shows it): in
// Markdown a paragraph that is all emphasis reads as a fake heading to
// markdownlint (MD036).
func docParts(q *bank.Question, lookup bank.Lookup, italicMeta bool) parts {
	var head strings.Builder
	fmt.Fprintf(&head, "# %s\n\n", q.Title)
	meta := []string{"Question " + q.Ref(), string(q.Level)}
	if len(q.Tags) > 0 {
		meta = append(meta, strings.Join(q.Tags, ", "))
	}
	if len(q.CheckedOn) > 0 {
		meta = append(meta, checkedNote(q.CheckedOn))
	}
	if italicMeta {
		fmt.Fprintf(&head, "*%s*\n\n", strings.Join(meta, " · "))
	} else {
		fmt.Fprintf(&head, "%s\n\n", strings.Join(meta, " · "))
	}
	var b strings.Builder
	if body := bank.NormalizeMarkdown(trimTrailingSpace(q.Body)); strings.TrimSpace(body) != "" {
		b.WriteString(body)
		b.WriteString("\n")
	}
	var related []string
	for _, id := range q.Related {
		r := bank.Ref{Deck: q.Deck, ID: id}
		if lookup == nil {
			continue
		}
		if rq := lookup(r); rq != nil {
			related = append(related, fmt.Sprintf("- %s: %s", rq.Ref(), rq.Title))
		}
	}
	if len(related) > 0 {
		b.WriteString("\n## Related questions\n\n")
		b.WriteString(strings.Join(related, "\n"))
		b.WriteString("\n")
	}
	if len(q.Docs) > 0 {
		b.WriteString("\n## Docs\n\n")
		for _, d := range q.Docs {
			fmt.Fprintf(&b, "- <%s>\n", d)
		}
	}
	rest := strings.TrimLeft(b.String(), "\n")
	return parts{
		head:    trimTrailingSpace(head.String()),
		summary: escapeProse(strings.TrimSpace(q.Summary)),
		rest:    trimTrailingSpace(rest),
	}
}

// checkedNote says on which Django series the answer's code and claims
// were run: "checked on Django 5.2 and 6.1".
func checkedNote(series []string) string {
	s := series[len(series)-1]
	if len(series) > 1 {
		s = strings.Join(series[:len(series)-1], ", ") + " and " + s
	}
	return "checked on Django " + s
}

// separator goes between questions when several are shown at once.
const separator = "\n---\n\n"

// Questions writes questions in the policy's format.
func Questions(w io.Writer, p Policy, qs []*bank.Question, lookup bank.Lookup) error {
	return QuestionsWith(w, p, qs, lookup, Pretty)
}

// PrettyFunc makes pretty output: Pretty itself, or a cache around it
// (internal/rendercache), which is how output is cached without render
// touching a file.
type PrettyFunc func(Policy, []*bank.Question, bank.Lookup) (string, error)

// QuestionsWith is Questions with pretty output made by pretty.
// With p.Short it draws each question's title and direct answer only
// (shortened); its JSON is then list's objects, without the body.
func QuestionsWith(w io.Writer, p Policy, qs []*bank.Question, lookup bank.Lookup, pretty PrettyFunc) error {
	if p.Short && p.Format != FormatJSON {
		qs = shortened(qs)
	}
	switch p.Format {
	case FormatJSON:
		return output.WriteJSON(w, output.Questions(qs, !p.Short))
	case FormatPretty:
		text, err := pretty(p, qs, lookup)
		if err != nil {
			return err
		}
		_, err = io.WriteString(w, text)
		return err
	default:
		docs := make([]string, len(qs))
		for i, q := range qs {
			docs[i] = Markdown(q, lookup)
		}
		text := strings.Join(docs, separator)
		// Appending to notes: one blank line keeps this title off the
		// text before it (MD022). A fresh file gets none, so the output
		// still starts with its "# " title there.
		text = p.Lead + text
		_, err := io.WriteString(w, text)
		return err
	}
}

// trimTrailingSpace removes spaces at line ends, including the padding
// glamour adds before a final reset sequence, so that output pasted into
// notes or compared in tests has no invisible tails.
func trimTrailingSpace(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = trimLine(l)
	}
	return strings.Join(lines, "\n")
}

// boldSeam is where glamour's plain-text styles split one bold run in two
// ("**INSTALLED_****APPS**") because the text node was split at "_".
var boldSeam = regexp.MustCompile(`(\S)\*\*\*\*(\S)`)

func joinBoldRuns(s string) string { return boldSeam.ReplaceAllString(s, "$1$2") }

// trimLine removes what glamour leaves at a line's end: spaces, each
// possibly wrapped in its own SGR sequence. It scans from the end by hand:
// an end-anchored regular expression retried at every position was the
// single largest cost of rendering.
func trimLine(l string) string {
	end, sawEsc := len(l), false
	for end > 0 {
		switch c := l[end-1]; {
		case c == ' ' || c == '\t':
			end--
		case c == 'm':
			// Walk back over "\x1b[" digits and semicolons "m".
			i := end - 2
			for i >= 0 && (l[i] >= '0' && l[i] <= '9' || l[i] == ';') {
				i--
			}
			if i < 1 || l[i] != '[' || l[i-1] != '\x1b' {
				return finishTrim(l, end, sawEsc)
			}
			end, sawEsc = i-1, true
		default:
			return finishTrim(l, end, sawEsc)
		}
	}
	return finishTrim(l, end, sawEsc)
}

func finishTrim(l string, end int, sawEsc bool) string {
	if end == len(l) {
		return l
	}
	if sawEsc && end > 0 {
		// Close whatever style was open; the padding carried no text.
		return l[:end] + "\x1b[0m"
	}
	return l[:end]
}

// escapeProse escapes a summary, which is plain text in the front matter,
// so that it shows as written in Markdown and on a terminal: "__dict__"
// would be bold, "clean_<field>()" an HTML tag, "*args" emphasis. Runs of
// underscores inside a word (is_valid, data__owner) cannot start emphasis
// and stay as they are, so notes remain readable.
func escapeProse(s string) string {
	if !strings.ContainsAny(s, "_*<`\\") {
		return s
	}
	alnum := func(i int) bool {
		if i < 0 || i >= len(s) {
			return false
		}
		c := s[i]
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '_':
			j := i
			for j < len(s) && s[j] == '_' {
				j++
			}
			run := s[i:j]
			if !alnum(i-1) || !alnum(j) {
				run = strings.ReplaceAll(run, "_", `\_`)
			}
			b.WriteString(run)
			i = j - 1
		case '*', '`', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '<':
			if alnum(i + 1) {
				b.WriteByte('\\')
			}
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
