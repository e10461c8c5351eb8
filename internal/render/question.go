package render

import (
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/charmbracelet/glamour"
	"github.com/muesli/termenv"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/output"
)

// Markdown returns the clean Markdown document for one question: the title
// as a heading, a line with ref, level and tags, the one-line summary as a
// quote, the answer, related questions and the docs links. It has no escape
// codes and no trailing whitespace, so it can go straight into notes.
func Markdown(q *bank.Question, lookup bank.Lookup) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", q.Title)
	meta := []string{"Question " + q.Ref(), string(q.Level)}
	if len(q.Tags) > 0 {
		meta = append(meta, strings.Join(q.Tags, ", "))
	}
	fmt.Fprintf(&b, "*%s*\n\n", strings.Join(meta, " · "))
	if q.Summary != "" {
		fmt.Fprintf(&b, "> %s\n\n", q.Summary)
	}
	b.WriteString(q.Body)
	b.WriteString("\n")
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
	return trimTrailingSpace(b.String())
}

// separator goes between questions when several are shown at once.
const separator = "\n---\n\n"

// Questions writes questions in the policy's format.
func Questions(w io.Writer, p Policy, qs []*bank.Question, lookup bank.Lookup) error {
	switch p.Format {
	case FormatJSON:
		return output.WriteJSON(w, output.Questions(qs, true))
	case FormatPretty:
		r, err := p.glamour()
		if err != nil {
			return err
		}
		var out strings.Builder
		for i, q := range qs {
			if i > 0 {
				out.WriteString("\n")
			}
			s, err := r.Render(Markdown(q, lookup))
			if err != nil {
				return fmt.Errorf("rendering question %s: %w", q.Ref(), err)
			}
			out.WriteString(s)
		}
		text := out.String()
		if !p.Color {
			text = joinBoldRuns(text)
		}
		_, err = io.WriteString(w, trimTrailingSpace(text))
		return err
	default:
		docs := make([]string, len(qs))
		for i, q := range qs {
			docs[i] = Markdown(q, lookup)
		}
		_, err := io.WriteString(w, strings.Join(docs, separator))
		return err
	}
}

// glamour builds the renderer for pretty output. The colour profile is
// always given explicitly: glamour's default is TrueColor, which would
// ignore NO_COLOR.
func (p Policy) glamour() (*glamour.TermRenderer, error) {
	opts := []glamour.TermRendererOption{
		glamour.WithWordWrap(p.Width),
		glamour.WithColorProfile(p.Profile),
		glamour.WithChromaFormatter(chromaFormatter(p.Profile)),
	}
	if strings.HasSuffix(strings.ToLower(p.Style), ".json") {
		opts = append(opts, glamour.WithStylesFromJSONFile(p.Style))
	} else {
		style := p.Style
		if style == "auto" {
			// Never let glamour resolve "auto" itself: it would query the
			// terminal with a 5 s timeout.
			style = "dark"
		}
		opts = append(opts, glamour.WithStandardStyle(style))
	}
	r, err := glamour.NewTermRenderer(opts...)
	if err != nil {
		return nil, fmt.Errorf("loading style %s: %w", p.Style, err)
	}
	return r, nil
}

// chromaFormatter matches code highlighting to the colour depth: glamour
// otherwise always uses 256 colours, whose nearest-colour choice can differ
// from run to run on ties.
func chromaFormatter(p termenv.Profile) string {
	switch p {
	case termenv.TrueColor:
		return "terminal16m"
	case termenv.ANSI:
		return "terminal16"
	default:
		return "terminal256"
	}
}

// colorProfile reads the colour depth the terminal advertises.
func colorProfile(getenv func(string) string) termenv.Profile {
	ct := strings.ToLower(getenv("COLORTERM"))
	t := strings.ToLower(getenv("TERM"))
	switch {
	case ct == "truecolor" || ct == "24bit":
		return termenv.TrueColor
	case strings.Contains(t, "256color"):
		return termenv.ANSI256
	default:
		return termenv.ANSI
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

// trailingPad matches what glamour leaves at a line's end: spaces, each
// possibly wrapped in its own colour sequence.
var trailingPad = regexp.MustCompile(`(?:\x1b\[[0-9;]*m| |\t)+$`)

func trimLine(l string) string {
	loc := trailingPad.FindStringIndex(l)
	if loc == nil {
		return l
	}
	tail := l[loc[0]:]
	l = l[:loc[0]]
	if strings.Contains(tail, "\x1b[") {
		// Close whatever style was open; the padding carried no text.
		l += "\x1b[0m"
	}
	return l
}
