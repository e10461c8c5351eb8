// Package export writes questions out of djq for other tools: one Markdown
// document for notes apps (GitHub, Obsidian), a tab-separated file that
// Anki imports as flashcards, and JSON.
package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/djq-cli/djq/internal/atomicfile"
	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/errkind"
	"github.com/djq-cli/djq/internal/output"
	"github.com/djq-cli/djq/internal/sanitize"
)

// Formats lists the export formats.
var Formats = []string{"markdown", "anki", "json"}

// Anchor is the heading of a question in the Markdown export and the
// target of links to it. It is lowercase letters, digits, '-' and '_' only,
// so that GitHub's heading slug and Obsidian's heading link are the same
// text: "35", "interview-12".
func Anchor(q *bank.Question) string {
	var b strings.Builder
	for _, r := range strings.ToLower(q.Ref()) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '_', r == '-':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	return b.String()
}

// Markdown writes one document: a title, a table of contents linking to
// every question, then each question as a section: its ref as the heading
// (the link target), the title, level and tags, the answer with its
// headings moved down under the question, docs links, and "See also" links
// to related questions in the same document.
func Markdown(w io.Writer, title string, qs []*bank.Question, lookup bank.Lookup) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", title)
	fmt.Fprintf(&b, "%d questions exported by djq.\n\n## Contents\n\n", len(qs))
	in := map[bank.Ref]bool{}
	for _, q := range qs {
		in[bank.Ref{Deck: q.Deck, ID: q.ID}] = true
		fmt.Fprintf(&b, "- [%s](#%s) %s *(%s)*\n", q.Ref(), Anchor(q), escapeInline(q.Title), q.Level)
	}
	for _, q := range qs {
		fmt.Fprintf(&b, "\n## %s\n\n### %s\n\n", Anchor(q), escapeInline(q.Title))
		meta := string(q.Level)
		if len(q.Tags) > 0 {
			meta += " · " + strings.Join(q.Tags, ", ")
		}
		fmt.Fprintf(&b, "*%s*\n\n", meta)
		if q.Summary != "" {
			fmt.Fprintf(&b, "> %s\n\n", q.Summary)
		}
		b.WriteString(ShiftHeadings(bank.NormalizeMarkdown(q.Body), 2))
		b.WriteString("\n")
		if len(q.Docs) > 0 {
			b.WriteString("\n**Docs:**\n\n")
			for _, d := range q.Docs {
				fmt.Fprintf(&b, "- <%s>\n", d)
			}
		}
		var see []string
		for _, id := range q.Related {
			r := bank.Ref{Deck: q.Deck, ID: id}
			if !in[r] || lookup == nil {
				continue
			}
			if rq := lookup(r); rq != nil {
				see = append(see, fmt.Sprintf("- [%s](#%s) %s", rq.Ref(), Anchor(rq), escapeInline(rq.Title)))
			}
		}
		if len(see) > 0 {
			b.WriteString("\n**See also:**\n\n")
			b.WriteString(strings.Join(see, "\n"))
			b.WriteString("\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// escapeInline keeps a title from being read as Markdown syntax when it
// starts a line or holds brackets.
func escapeInline(s string) string {
	r := strings.NewReplacer("[", `\[`, "]", `\]`)
	return r.Replace(s)
}

// ShiftHeadings moves every ATX heading outside fenced code down by n
// levels (## becomes ####), capped at level 6.
func ShiftHeadings(md string, n int) string {
	lines := strings.Split(md, "\n")
	inFence := false
	for i, l := range lines {
		t := strings.TrimLeft(l, " ")
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			inFence = !inFence
			continue
		}
		if inFence || !strings.HasPrefix(l, "#") {
			continue
		}
		level := len(l) - len(strings.TrimLeft(l, "#"))
		if level > 6 || len(l) > level && l[level] != ' ' {
			continue
		}
		lines[i] = strings.Repeat("#", min(level+n, 6)) + l[level:]
	}
	return strings.Join(lines, "\n")
}

// AnkiDeckName is the Anki deck a djq deck goes into.
func AnkiDeckName(deck string) string {
	if deck == bank.DefaultDeck {
		return "Django Interview"
	}
	return deck
}

var markdownToHTML = goldmark.New(goldmark.WithExtensions(extension.GFM))

// HTML renders an answer's Markdown as HTML for Anki: code becomes
// <pre><code class="language-x">, raw HTML in the answer is not passed
// through.
func HTML(md string) (string, error) {
	var buf bytes.Buffer
	if err := markdownToHTML.Convert([]byte(md), &buf); err != nil {
		return "", err
	}
	return strings.TrimSpace(safeHrefs(buf.String())), nil
}

var hrefAttr = regexp.MustCompile(`(?i)\b(href|src)="([^"]*)"`)

// safeHrefs empties every link target that is not a web link or an
// in-page anchor. The Markdown converter already empties javascript: in
// [text](link) form, but keeps autolinks (<javascript:alert(1)>, <data:…>,
// <file:///…>) as they are, and an answer from a shared deck is untrusted
// text that Anki would make clickable.
func safeHrefs(html string) string {
	return hrefAttr.ReplaceAllStringFunc(html, func(m string) string {
		sub := hrefAttr.FindStringSubmatch(m)
		target := strings.ToLower(strings.TrimSpace(sub[2]))
		if target == "" || strings.HasPrefix(target, "#") || strings.HasPrefix(target, "https://") ||
			strings.HasPrefix(target, "http://") || strings.HasPrefix(target, "mailto:") {
			return m
		}
		return sub[1] + `=""`
	})
}

// AnkiNote is one line of the Anki export.
type AnkiNote struct {
	Front, Back string
	Tags        []string
	Deck        string
}

// Notes makes the Anki notes for questions: the front is the question's
// title (stable, so re-importing an updated export updates notes instead
// of duplicating them), the back the answer as HTML with its summary and
// docs links, and tags carry level, topics and the ref.
func Notes(qs []*bank.Question) ([]AnkiNote, error) {
	notes := make([]AnkiNote, 0, len(qs))
	for _, q := range qs {
		body, err := HTML(q.Body)
		if err != nil {
			return nil, fmt.Errorf("rendering %s: %w", q.Ref(), err)
		}
		var back strings.Builder
		if q.Summary != "" {
			fmt.Fprintf(&back, "<p><b>%s</b></p>\n", htmlEscape(q.Summary))
		}
		back.WriteString(body)
		if len(q.Docs) > 0 {
			back.WriteString("\n<p>Docs:</p>\n<ul>\n")
			for _, d := range q.Docs {
				if bank.IsWebLink(d) {
					fmt.Fprintf(&back, "<li><a href=\"%s\">%s</a></li>\n", htmlEscape(d), htmlEscape(d))
				} else { // javascript:, data:, file: links stay text
					fmt.Fprintf(&back, "<li>%s</li>\n", htmlEscape(d))
				}
			}
			back.WriteString("</ul>")
		}
		tags := []string{"django", "level::" + string(q.Level)}
		for _, t := range q.Tags {
			tags = append(tags, ankiTag(t))
		}
		if q.Deck == bank.DefaultDeck {
			tags = append(tags, fmt.Sprintf("djq::%d", q.ID))
		} else {
			tags = append(tags, fmt.Sprintf("djq::%s::%d", ankiTag(q.Deck), q.ID))
		}
		notes = append(notes, AnkiNote{Front: htmlEscape(q.Title), Back: back.String(), Tags: tags, Deck: AnkiDeckName(q.Deck)})
	}
	return notes, nil
}

var spaces = regexp.MustCompile(`\s+`)

func ankiTag(s string) string { return spaces.ReplaceAllString(s, "_") }

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// Anki writes notes as a tab-separated text file that Anki 2.1.54 and
// later imports without changing any import option: the header lines set
// the separator, HTML, note type, deck and tags column. Questions from
// several decks get a deck column instead of one #deck line.
func Anki(w io.Writer, notes []AnkiNote) error {
	decks := map[string]bool{}
	for _, n := range notes {
		decks[n.Deck] = true
	}
	var b strings.Builder
	b.WriteString("#separator:tab\n#html:true\n#notetype:Basic\n")
	perNoteDeck := len(decks) > 1
	if perNoteDeck {
		b.WriteString("#deck column:4\n")
	} else if len(notes) > 0 {
		fmt.Fprintf(&b, "#deck:%s\n", notes[0].Deck)
	}
	b.WriteString("#tags column:3\n")
	for _, n := range notes {
		fields := []string{n.Front, n.Back, strings.Join(n.Tags, " ")}
		if perNoteDeck {
			fields = append(fields, n.Deck)
		}
		for i, f := range fields {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(QuoteField(f))
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// QuoteField quotes a field the way Anki's text import reads it: a field
// holding a tab, a double quote or a line break is wrapped in double
// quotes with inner quotes doubled.
func QuoteField(s string) string {
	if !strings.ContainsAny(s, "\t\"\n\r") {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// JSON writes the full question objects, as `djq show --format json`.
func JSON(w io.Writer, qs []*bank.Question) error {
	return output.WriteJSON(w, output.Questions(qs, true))
}

// ParseFormat checks a format as typed (any case, spaces trimmed) against
// Formats; an unknown one is a usage error that lists them.
func ParseFormat(s string) (string, error) {
	format := strings.ToLower(strings.TrimSpace(s))
	if !slices.Contains(Formats, format) {
		return "", errkind.Usagef("unknown export format %s: valid formats are %s", sanitize.Quote(s), strings.Join(Formats, ", "))
	}
	return format, nil
}

// Write writes qs in format, one of Formats; level names the selection's
// level in the Markdown document's title (empty for all levels).
func Write(w io.Writer, format string, qs []*bank.Question, level bank.Level, lookup bank.Lookup) error {
	switch format {
	case "markdown":
		return Markdown(w, Title(qs, level), qs, lookup)
	case "anki":
		notes, err := Notes(qs)
		if err != nil {
			return err
		}
		return Anki(w, notes)
	case "json":
		return JSON(w, qs)
	}
	return fmt.Errorf("export: unknown format %s", sanitize.Quote(string(format)))
}

// AfterText is write with lead written first when the format is Markdown:
// the newlines that keep a document appended to notes (`djq export >>
// notes.md`) one blank line from the text before it (render.AppendLead
// decides them). Anki and JSON are not documents to append to.
func AfterText(lead, format string, write func(io.Writer) error) func(io.Writer) error {
	if lead == "" || format != "markdown" {
		return write
	}
	return func(w io.Writer) error {
		if _, err := io.WriteString(w, lead); err != nil {
			return err
		}
		return write(w)
	}
}

// Title names a Markdown export after its decks and its level: the
// built-in deck's export keeps "Django interview questions", and any other
// is named after the decks it holds ("Questions from the interview deck"),
// never as "NAME interview questions", which read "interview interview
// questions" for the deck most people name first.
func Title(qs []*bank.Question, level bank.Level) string {
	var decks []string
	for _, q := range qs {
		if !slices.Contains(decks, q.Deck) {
			decks = append(decks, q.Deck)
		}
	}
	slices.SortFunc(decks, func(a, b string) int { // the bank's order: built-in first
		switch {
		case a == bank.DefaultDeck:
			return -1
		case b == bank.DefaultDeck:
			return 1
		}
		return strings.Compare(a, b)
	})
	var title string
	switch {
	case len(decks) == 0 || len(decks) == 1 && decks[0] == bank.DefaultDeck:
		title = "Django interview questions"
	case len(decks) == 1:
		title = "Questions from the " + decks[0] + " deck"
	default:
		last := len(decks) - 1
		title = "Questions from the " + strings.Join(decks[:last], ", ") + " and " + decks[last] + " decks"
	}
	if level != "" {
		title += " (" + string(level) + ")"
	}
	return title
}

// ToFile writes what write produces to path, a file the user named with -o,
// once it is all made (an error leaves the file as it was), atomically and
// without following a link or overwriting a folder (atomicfile.WriteOver).
func ToFile(path string, write func(io.Writer) error) error {
	var out bytes.Buffer
	if err := write(&out); err != nil {
		return err
	}
	if err := atomicfile.WriteOver(path, out.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, unwrapPath(err))
	}
	return nil
}

// unwrapPath drops the path from a path error, whose message ToFile gives.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
