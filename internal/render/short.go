package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/textwidth"
)

// shortened is what `djq show --short` draws of each question: its title,
// meta line and direct answer, for revising many questions quickly. The
// direct answer is the summary field, which each answer's author writes as
// the one-paragraph answer to the question (it is the quote under the
// title of the full view); the body's first paragraph is the start of the
// detail and often reads as a fragment without it, so it stands in only
// for a question that has no summary. Related questions and docs links
// belong to the full view and are left out.
func shortened(qs []*bank.Question) []*bank.Question {
	out := make([]*bank.Question, len(qs))
	for i, q := range qs {
		s := &bank.Question{ID: q.ID, Deck: q.Deck, Title: q.Title, Level: q.Level, Tags: q.Tags,
			Summary: q.Summary, CheckedOn: q.CheckedOn, File: q.File}
		if strings.TrimSpace(s.Summary) == "" {
			s.Summary = firstParagraph(q.Body)
		}
		out[i] = s
	}
	return out
}

// firstParagraph is the body's first paragraph of prose before its first
// heading, as one line: "" when the body opens with a heading, code, a
// list or a table.
func firstParagraph(body string) string {
	var lines []string
	for _, l := range strings.Split(body, "\n") {
		t := strings.TrimSpace(l)
		if t == "" && len(lines) == 0 {
			continue
		}
		if t == "" || headingLine.MatchString(l) || fenceLine.MatchString(l) {
			break
		}
		if len(lines) == 0 && strings.ContainsAny(t[:1], "-*+>|0123456789") {
			break
		}
		lines = append(lines, t)
	}
	return strings.Join(lines, " ")
}

// writeSummaries is List with each row followed by its question's summary,
// wrapped to the policy's width and indented under the title (`djq list
// --summary`), and a blank line between questions so each reads as one
// entry. A question without a summary is its row alone.
func writeSummaries(w io.Writer, p Policy, qs []*bank.Question, rows []string, indent int) error {
	width := max(p.Width-indent, 20)
	var b strings.Builder
	for i, q := range qs {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(rows[i])
		b.WriteString("\n")
		for _, l := range textwidth.WrapWords(strings.Join(strings.Fields(q.Summary), " "), width) {
			fmt.Fprintf(&b, "%s%s\n", strings.Repeat(" ", indent), strings.TrimRight(l, " "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
