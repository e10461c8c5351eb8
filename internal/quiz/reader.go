package quiz

import (
	"fmt"
	"io"
	"strings"

	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/djq-cli/djq/internal/fsrs"
	"github.com/djq-cli/djq/internal/textwidth"
)

// The reader's keys. Grading uses the quiz's own keys (1-4, a/h/g/e), the
// same as at the short prompt, so that g means good on every card; top
// and bottom are therefore Home and End only. browse's reader has g/G for
// top and bottom, but there a stray key costs a scroll; here it records a
// grade that cannot be taken back, so no scroll key may be a grade key.
// G is left unbound for the same reason: one missed Shift would grade.
//
// Key hints, longest first: the footer shows the first that fits, so
// that "q quit" is never the part that is cut off.
var readerHints = []string{
	"grade 1/a again · 2/h hard · 3/g good · 4/e easy · scroll j/k space PgUp/PgDn Home/End · q quit",
	"1/a again · 2/h hard · 3/g good · 4/e easy · j/k space PgUp/PgDn Home/End · q quit",
	"1/a again · 2/h hard · 3/g good · 4/e easy · j/k space Home/End · q quit",
	"1/a again · 2/h hard · 3/g good · 4/e easy · j/k scroll · q quit",
	"1 again · 2 hard · 3 good · 4 easy · j/k scroll · q quit",
	"1 again · 2 hard · 3 good · 4 easy · q quit",
	"1-4 grade · q quit",
	"q quit",
}

var (
	readerDim = lipgloss.NewStyle().Faint(true)
)

// reader is the full-screen view of an answer too tall for the terminal:
// the answer scrolls above a footer that always shows where the card
// stands and the grade keys. It ends on a grade or a quit key.
type reader struct {
	view          viewport.Model
	label         string // "[2/5] Question 33"
	width, height int

	// rerender draws the answer again at a width; nil keeps the first
	// rendering. renderedAt is the width of the content shown, maxWidth
	// the width it was first rendered at, which a wider window keeps.
	rerender             func(width int) string
	renderedAt, maxWidth int

	grade  fsrs.Grade
	graded bool
	// interrupted is Ctrl-C, which ends the session with exit 130.
	interrupted bool
}

// newReader shows answer at width×height until the first window size
// arrives.
func newReader(answer, label string, width, height int) *reader {
	r := &reader{label: label}
	r.view = viewport.New()
	r.view.SetContent(strings.TrimRight(answer, "\n"))
	r.resize(width, height)
	return r
}

// Graded is the grade chosen; ok is false when the person quit.
func (r *reader) Graded() (g fsrs.Grade, ok bool) { return r.grade, r.graded }

// Init starts nothing: the reader waits for the window size and keys.
func (r *reader) Init() tea.Cmd { return nil }

func (r *reader) resize(width, height int) {
	r.width, r.height = max(width, 20), max(height, 5)
	r.view.SetWidth(r.width)
	r.view.SetHeight(max(r.height-r.footerRows(), 1))
	if w := min(r.width, r.maxWidth); r.rerender != nil && w != r.renderedAt {
		// A window made narrower than the answer would cut every long
		// line: draw it again to fit, keeping the place in it.
		at := r.view.ScrollPercent()
		r.view.SetContent(strings.TrimRight(r.rerender(w), "\n"))
		r.renderedAt = w
		r.view.SetYOffset(int(at*float64(max(r.view.TotalLineCount()-r.view.Height(), 0)) + 0.5))
	}
}

// Update handles one message.
func (r *reader) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		r.resize(msg.Width, msg.Height)
	case tea.InterruptMsg:
		return r, tea.Quit
	case tea.KeyPressMsg:
		return r.key(msg)
	}
	return r, nil
}

func (r *reader) key(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch s := k.String(); s {
	case "q", "esc":
		return r, tea.Quit
	case "ctrl+c":
		r.interrupted = true
		return r, tea.Quit
	case "1", "2", "3", "4", "a", "h", "g", "e":
		r.grade, _ = ParseGrade(s)
		r.graded = true
		return r, tea.Quit
	case "j", "down":
		r.view.ScrollDown(1)
	case "k", "up":
		r.view.ScrollUp(1)
	case "space", "pgdown":
		r.view.PageDown()
	case "pgup":
		r.view.PageUp()
	case "home":
		r.view.GotoTop()
	case "end":
		r.view.GotoBottom()
	}
	return r, nil
}

// View draws the reader in the alternate screen, so that leaving it puts
// back the session printed so far.
func (r *reader) View() tea.View {
	v := tea.NewView(r.Render())
	v.AltScreen = true
	return v
}

// Render draws the screen as text: the answer, then the footer.
func (r *reader) Render() string {
	return r.view.View() + "\n" + r.footer()
}

// footer is a rule naming the card with the scroll position, and the key
// hints that fit. The summary is not repeated here: the rendered answer
// starts with it, and at 80×24 it took four of the answer's rows.
func (r *reader) footer() string {
	pct := fmt.Sprintf(" %3.0f%% ──", r.view.ScrollPercent()*100)
	label := ansi.Truncate("── "+r.label+" ", r.width-ansi.StringWidth(pct), "… ")
	rule := label + strings.Repeat("─", max(r.width-ansi.StringWidth(label)-ansi.StringWidth(pct), 0)) + pct
	return readerDim.Render(rule) + "\n" + readerDim.Render(textwidth.FitHint(readerHints, r.width))
}

func (r *reader) footerRows() int { return 2 }

// wrap breaks s at spaces into lines at most width cells wide; a word
// longer than a line is cut.
func wrap(s string, width int) []string {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = ansi.Truncate(w, width, "…")
	}
	return textwidth.WrapWords(strings.Join(words, " "), width)
}

// teaReader runs the reader as a Bubble Tea program on a terminal. The
// program puts the terminal in raw mode and restores the mode it found,
// which is the normal one: rawKeys leaves raw mode after every key.
func teaReader(in io.Reader, out io.Writer, env []string) func(*reader) error {
	return func(r *reader) error {
		_, err := tea.NewProgram(r, tea.WithInput(in), tea.WithOutput(out), tea.WithEnvironment(env)).Run()
		return err
	}
}
