package render

import (
	"strings"

	"github.com/muesli/termenv"

	"github.com/djq-cli/djq/internal/bank"
)

// OnTerminal is p for drawing on the terminal itself (/dev/tty), as browse
// does even when stdout is redirected (djq browse >> notes.md): output is
// pretty, and colour follows the terminal rather than stdout, so it is off
// only for NO_COLOR, TERM=dumb or --color never on a terminal stdout.
func OnTerminal(p Policy, t Terminal) Policy {
	p.Format = FormatPretty
	p.Color = p.Color || (!t.StdoutTTY && t.Env["NO_COLOR"] == "" && t.Env["TERM"] != "dumb")
	if !p.Color {
		p.Profile, p.Style = termenv.Ascii, "notty"
		return p
	}
	p.Profile = termenv.ANSI256
	if p.Style == "" || p.Style == "auto" || p.Style == "notty" {
		p.Style = "dark"
	}
	return p
}

// Answer renders one question, without its related questions, as p says
// at width columns (p's own width when width is 0): the preview pane of
// browse and the full-screen reader of quiz. A question glamour cannot
// render falls back to its Markdown.
func Answer(p Policy, q *bank.Question, width int) string {
	return AnswerWith(p, q, width, Pretty)
}

// AnswerWith is Answer with pretty output made by pretty.
func AnswerWith(p Policy, q *bank.Question, width int, pretty PrettyFunc) string {
	if width > 0 {
		p.Width = max(width, MinWidth)
	}
	var out strings.Builder
	if err := QuestionsWith(&out, p, []*bank.Question{q}, nil, pretty); err != nil {
		return Markdown(q, nil)
	}
	return out.String()
}
