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
	need := m.refWidth + 3 + m.titleWidth
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
	return headStyle.Render(ansi.Truncate(h, m.width, "…"))
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
	for i := m.offset; i < end; i++ {
		b.WriteString(m.row(i, width))
		if i < end-1 {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// row draws one question: the ref aligned like djq list (ids to the right,
// NAME:ID refs to the left), the level's initial, and the title with the
// searched words marked. The selected row is reversed across the column.
func (m *Model) row(i, width int) string {
	q := m.shown[i]
	ref := fmt.Sprintf("%-*s", m.refWidth, q.Ref())
	if m.numericRefs {
		ref = fmt.Sprintf("%*s", m.refWidth, q.Ref())
	}
	title := ansi.Truncate(q.Title, max(width-m.refWidth-3, 5), "…")
	base, badge := lipgloss.NewStyle(), lipgloss.NewStyle().Foreground(levelColors[q.Level])
	if i == m.cursor {
		base, badge = selStyle, selStyle
	}
	line := base.Render(ref+" ") + badge.Render(string(q.Level[:1])) + base.Render(" ") + m.markTitle(title, base)
	if i == m.cursor {
		if pad := width - ansi.StringWidth(ref) - 3 - ansi.StringWidth(title); pad > 0 {
			line += base.Render(strings.Repeat(" ", pad))
		}
	}
	return line
}

// helpView is the key overlay, cut to the screen.
func (m *Model) helpView() string {
	lines := strings.Split(helpText, "\n")
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, m.width, "…")
	}
	return clip(strings.Join(lines, "\n"), m.height)
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

// helpText lists every key README.md lists for browse, and the extra ones
// (a test keeps the two in step).
const helpText = `djq browse — keys

  j / k, ↑ / ↓     move
  PgUp / PgDn      move a page (also Ctrl-D / Ctrl-U)
  g / G            first / last question (also Home / End)
  /                search as you type (ranked, typo-tolerant, like djq search);
                   Enter keeps the results, Esc clears them
  Tab              cycle the level: all, beginner, intermediate, advanced
  Enter            read the answer full screen (j/k, PgUp/PgDn, g/G; q back)
  r                jump to a random question of the current list
  o                open the first docs link in the browser ($BROWSER, else
                   the system's); shows the link when none can be opened
  p                quit and print the selected answer as Markdown on stdout
  ?                this help
  q, Ctrl-C        quit

any key: back`
