package browse

import (
	"fmt"
	"image/color"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/textwidth"
)

// WideLayout is the width from which list and preview sit side by side.
const WideLayout = 100

const (
	// minPreview is the narrowest the side preview gets in the wide
	// layout: narrower, and the rendered answer's code blocks and quotes
	// wrap into noise. The list takes the rest, up to what its longest
	// title needs, because titles are what one scans: at 120 columns 62
	// cells of title, which is 83 of the bank's 103 titles whole.
	minPreview = 50
	// gap separates the list and the preview.
	gap = 2
	// maxStatusRows bounds a status message (a long URL wraps rather than
	// being cut, so that it can still be copied whole).
	maxStatusRows = 3
)

var (
	headStyle   = lipgloss.NewStyle().Bold(true)
	selStyle    = lipgloss.NewStyle().Reverse(true)
	dimStyle    = lipgloss.NewStyle().Faint(true)
	levelColors = map[bank.Level]color.Color{bank.Beginner: lipgloss.Color("2"), bank.Intermediate: lipgloss.Color("3"), bank.Advanced: lipgloss.Color("1")}
)

// Key hints, longest first: the footer shows the first that fits, so that
// "q quit" is never the part that is cut off.
var (
	listHints = []string{
		"/ search · tab level · enter read · r random · o open docs · p print · ? help · q quit",
		"/ search · tab level · enter read · r random · o docs · p print · ? help · q quit",
		"/ search · tab level · enter read · o docs · p print · ? help · q quit",
		"/ search · enter read · ? help · q quit",
		"? help · q quit",
		"q quit",
	}
	readerHints = []string{
		"j/k scroll · g/G top/bottom · o open docs · p print · q back",
		"j/k scroll · g/G top/bottom · p print · q back",
		"j/k scroll · q back",
		"q back",
	}
	filterHints = []string{
		"enter keep · esc clear · tab level",
		"esc clear",
	}
)

func (m *Model) wide() bool { return m.width >= WideLayout }

// listWidth is the width of the list column.
func (m *Model) listWidth() int {
	if !m.wide() {
		return m.width
	}
	need := m.columns(m.width).ref + 3 + m.titleWidth
	if m.marker {
		need += 2
	}
	return max(min(need, m.width-minPreview-gap), m.width*2/5)
}

// bodyHeight is the screen height less the header and the footer.
func (m *Model) bodyHeight() int {
	return max(m.height-1-m.footerRows(), 1)
}

// listHeight is how many list rows fit: the whole body beside the preview,
// or half of it above the preview.
func (m *Model) listHeight() int {
	h := m.bodyHeight()
	if !m.wide() {
		h = max(h/2, 3)
	}
	return max(h, 1)
}

// listRows is how many rows the list actually draws: with few hits the
// stacked layout gives the rest to the preview.
func (m *Model) listRows() int {
	return max(min(m.listHeight(), len(m.shown)-m.offset), 1)
}

// statusLines is the status message wrapped at spaces to the width, a
// word longer than a line (a link) split across lines, at most
// maxStatusRows.
func (m *Model) statusLines() []string {
	if m.status == "" {
		return nil
	}
	var lines []string
	line := ""
	for _, w := range strings.Fields(m.status) {
		for ansi.StringWidth(w) > m.width {
			if line != "" {
				lines, line = append(lines, line), ""
			}
			head := ansi.Truncate(w, m.width, "")
			lines, w = append(lines, head), w[len(head):]
		}
		switch {
		case w == "":
		case line == "":
			line = w
		case ansi.StringWidth(line)+1+ansi.StringWidth(w) <= m.width:
			line += " " + w
		default:
			lines, line = append(lines, line), w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines[:min(len(lines), maxStatusRows)]
}

func (m *Model) footerRows() int {
	if m.mode == modeFilter || m.status == "" {
		return 1
	}
	return len(m.statusLines())
}

// View draws the screen, always in the terminal's alternate screen so that
// quitting restores what was there.
func (m *Model) View() tea.View {
	v := tea.NewView(m.Render())
	v.AltScreen = true
	return v
}

// Render draws the screen as text.
func (m *Model) Render() string {
	switch m.mode {
	case modeFull:
		return m.view.View() + "\n" + m.readerFooter()
	case modeHelp:
		return m.helpView()
	}
	var body string
	if m.wide() {
		listW := m.listWidth()
		previewW := m.width - listW - gap
		preview := ""
		if q := m.Selected(); q != nil {
			preview = m.mark(clip(m.rendered(q, previewW), m.bodyHeight()))
		}
		body = lipgloss.JoinHorizontal(lipgloss.Top,
			lipgloss.NewStyle().Width(listW).MaxWidth(listW).Render(m.listView(listW)), strings.Repeat(" ", gap),
			lipgloss.NewStyle().Width(previewW).MaxWidth(previewW).Render(preview))
	} else {
		preview := ""
		if q := m.Selected(); q != nil {
			preview = m.mark(clip(m.rendered(q, m.width), m.bodyHeight()-m.listRows()-1))
		}
		body = m.listView(m.width) + "\n" + strings.Repeat("─", m.width) + "\n" + preview
	}
	// The body is padded so that the footer stays on the last line
	// whatever the preview's length.
	body = clip(body, m.bodyHeight())
	body += strings.Repeat("\n", m.bodyHeight()-strings.Count(body, "\n")-1)
	return m.header() + "\n" + body + "\n" + m.footer()
}

func (m *Model) header() string {
	level := "all levels"
	if l := levelCycle[m.level]; l != "" {
		level = string(l)
	}
	h := fmt.Sprintf("djq browse · %d of %d · %s", len(m.shown), len(m.all), level)
	if m.query != "" {
		h += fmt.Sprintf(" · /%s", m.query)
	}
	if m.err != "" {
		h += " · " + m.err
	}
	h = ansi.Truncate(h, m.width, "…")
	return headStyle.Render(h) + m.legend(h)
}

// footer is the search input while typing, else a status message, else
// the key hints that fit.
func (m *Model) footer() string {
	if m.mode == modeFilter {
		in := m.filter.View()
		if hint := textwidth.FitHint(filterHints, m.width-lipgloss.Width(in)-2); hint != "" {
			in += "  " + dimStyle.Render(hint)
		}
		return in
	}
	if lines := m.statusLines(); lines != nil {
		return strings.Join(lines, "\n")
	}
	return dimStyle.Render(textwidth.FitHint(listHints, m.width))
}

// readerFooter names the question and the keys, with the scroll position
// at the right.
func (m *Model) readerFooter() string {
	if lines := m.statusLines(); lines != nil {
		return strings.Join(lines, "\n")
	}
	ref := " " + m.Selected().Ref() + " · "
	pct := fmt.Sprintf("  %3.0f%%", m.view.ScrollPercent()*100)
	hint := textwidth.FitHint(readerHints, m.width-len(ref)-len(pct))
	if hint == "" {
		return dimStyle.Render(ansi.Truncate(strings.TrimSpace(ref+hint), m.width, ""))
	}
	line := ref + hint
	line += strings.Repeat(" ", max(m.width-ansi.StringWidth(line)-len(pct), 0)) + pct
	return dimStyle.Render(line)
}

func (m *Model) listView(width int) string {
	if len(m.shown) == 0 {
		return dimStyle.Render("  no questions match")
	}
	var b strings.Builder
	end := min(m.offset+m.listHeight(), len(m.shown))
	c := m.columns(width)
	for i := m.offset; i < end; i++ {
		b.WriteString(m.row(i, width, c))
		if i < end-1 {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// row draws one question: a "> " before the selected one when there is
// no colour, the ref aligned like djq list (ids to the right, NAME:ID refs
// to the left), the level, and the title with the searched words marked.
// The selected row is reversed across the column.
func (m *Model) row(i, width int, c cols) string {
	q := m.shown[i]
	ref := fitRef(q.Ref(), c.ref)
	if c.numeric {
		ref = fmt.Sprintf("%*s", c.ref, ref)
	} else {
		ref += strings.Repeat(" ", c.ref-ansi.StringWidth(ref))
	}
	level := string(q.Level[:1])
	if c.level > 1 {
		level = fmt.Sprintf("%-*s", c.level, q.Level)
	}
	title := ansi.Truncate(q.Title, c.title, "…")
	base, badge := lipgloss.NewStyle(), lipgloss.NewStyle().Foreground(levelColors[q.Level])
	mark := ""
	if m.marker {
		mark = "  "
	}
	if i == m.cursor {
		base, badge = selStyle, selStyle
		if m.marker {
			mark = "> "
		}
	}
	line := mark + base.Render(ref+" ") + badge.Render(level) + base.Render(" ") + m.markTitle(title, base)
	if i == m.cursor {
		if pad := width - ansi.StringWidth(mark) - c.ref - c.level - 2 - ansi.StringWidth(title); pad > 0 {
			line += base.Render(strings.Repeat(" ", pad))
		}
	}
	return line
}

// cols is the width of each column of a list row, and whether the refs
// are ids alone (the built-in deck's), which are right-aligned.
type cols struct {
	mark, ref, level, title int
	numeric                 bool
}

// wordList is the list width from which the level is a word.
const wordList = 72

// columns sizes a row of the list width wide. The level is its word
// (beginner, intermediate, advanced) when the list is at least wordList
// wide (the stacked layout from 80 columns, the wide one from 130): the
// titles keep 55 cells or more beside it, and every level reads without a
// legend. Narrower, titles need the 11 cells more (at 120 columns the
// list beside the preview keeps 62 cells of title, as issue 18 asked, not
// 51), and the level is its coloured initial, which the header explains
// when it has room (legend) and ? always does.
//
// The id column is as wide as the refs on screen, at most a quarter of
// the list (row cuts a longer one): a user deck's NAME:ID refs further
// down must not widen the built-in deck's ids, which are right-aligned
// like djq list's while they are all that is shown.
func (m *Model) columns(width int) cols {
	c := cols{ref: 1, level: 1, numeric: true}
	for _, q := range m.shown[m.offset:min(m.offset+m.listHeight(), len(m.shown))] {
		c.ref = max(c.ref, ansi.StringWidth(q.Ref()))
		c.numeric = c.numeric && q.Deck == bank.DefaultDeck
	}
	c.ref = min(c.ref, max(width/4, 6))
	if m.marker {
		c.mark = 2
	}
	if width-c.mark >= wordList {
		c.level = len(bank.Intermediate)
	}
	c.title = max(width-c.mark-c.ref-c.level-2, 5)
	return c
}

// legend explains the level initials in the header, when the list shows
// initials and the header has room for it.
func (m *Model) legend(header string) string {
	if m.columns(m.listWidth()).level > 1 {
		return ""
	}
	plain := " · b beginner · i intermediate · a advanced"
	if ansi.StringWidth(header)+ansi.StringWidth(plain) > m.width {
		return ""
	}
	var b strings.Builder
	for _, l := range []bank.Level{bank.Beginner, bank.Intermediate, bank.Advanced} {
		b.WriteString(" · " + lipgloss.NewStyle().Foreground(levelColors[l]).Render(string(l[:1])) + " " + string(l))
	}
	return b.String()
}

// fitRef cuts a ref to width cells, keeping its id: a user deck's name
// gives way first ("intervi…:3"), since the id is what djq show needs.
func fitRef(ref string, width int) string {
	if ansi.StringWidth(ref) <= width {
		return ref
	}
	if deck, id, ok := strings.Cut(ref, ":"); ok && width-len(id)-1 >= 2 {
		return ansi.Truncate(deck, width-len(id)-1, "…") + ":" + id
	}
	return ansi.Truncate(ref, width, "…")
}

// clip keeps the first n lines of s.
func clip(s string, n int) string {
	if n <= 0 {
		return ""
	}
	lines := strings.Split(strings.TrimLeft(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}
