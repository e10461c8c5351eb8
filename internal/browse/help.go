package browse

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/djq-cli/djq/internal/textwidth"
)

// helpEntry is one line of the ? overlay: the keys, what they do, and a
// shorter way to say it for a small screen.
type helpEntry struct{ keys, long, short string }

// helpEntries lists every key README.md lists for browse, and the extra
// ones (a test keeps the two in step).
var helpEntries = []helpEntry{
	{"j / k, ↑ / ↓", "move", "move"},
	{"PgUp / PgDn", "move a page (also Ctrl-D / Ctrl-U)", "a page (Ctrl-D / Ctrl-U)"},
	{"g / G", "first / last question (also Home / End)", "first / last (Home / End)"},
	{"/", "search as you type (ranked, typo-tolerant, like djq search); Enter keeps the results, Esc clears them", "search as you type"},
	{"Tab", "cycle the level: all, beginner, intermediate, advanced", "cycle the level"},
	{"Enter", "read the answer full screen (j/k, PgUp/PgDn, g/G; q back)", "read full screen"},
	{"r", "jump to a random question of the current list", "a random question"},
	{"o", "open the first docs link in the browser ($BROWSER, else the system's); shows the link when none can be opened", "open the docs link"},
	{"p", "quit and print the selected answer as Markdown on stdout", "print the answer, quit"},
	{"?", "this help", "this help"},
	{"q, Ctrl-C", "quit (Ctrl-C exits 130, for scripts)", "quit"},
	{"b / i / a", "the level, as an initial when the list is narrow: beginner, intermediate, advanced", "beginner, intermediate, advanced"},
}

const (
	helpTitle = "djq browse — keys"
	helpBack  = "any key: back"
	helpMore  = "j/k scroll · any other key: back"
)

// helpLines is the overlay's text above its footer, laid out to fit the
// screen if it can: the long descriptions with blank lines around them,
// else the short ones, else the short ones packed; scroll tells whether
// even that is taller than the screen less its footer.
func (m *Model) helpLines() (lines []string, scroll bool) {
	room := m.height - 1
	for _, short := range []bool{false, true} {
		body := helpBody(m.width, short)
		if len(body)+3 <= room { // title, blank, body, blank; the footer has its own row
			return append(append([]string{helpTitle, ""}, body...), ""), false
		}
	}
	body := helpBody(m.width, true)
	return append([]string{helpTitle}, body...), len(body)+1 > room
}

// helpBody is the entries: keys in a column, descriptions wrapped beside
// them. On a narrow screen the column is narrower and starts at the edge.
func helpBody(width int, short bool) []string {
	indent, keyW := "  ", 15
	if width < 60 {
		indent, keyW = "", 12
	}
	descW := max(width-len(indent)-keyW-2, 10)
	var out []string
	for _, e := range helpEntries {
		desc := e.long
		if short {
			desc = e.short
		}
		for i, l := range textwidth.WrapWords(desc, descW) {
			keys := ""
			if i == 0 {
				keys = e.keys
			}
			line := indent + keys + strings.Repeat(" ", max(keyW-ansi.StringWidth(keys), 0)) + "  " + l
			out = append(out, ansi.Truncate(line, width, "…"))
		}
	}
	return out
}

// helpView is the key overlay, its footer ("any key: back") always on the
// last row: what is above it scrolls when it does not fit.
func (m *Model) helpView() string {
	lines, scroll := m.helpLines()
	room := m.height - 1
	foot := helpBack
	if scroll {
		off := min(max(m.helpOffset, 0), len(lines)-room)
		lines = lines[off : off+room]
		foot = helpMore
	}
	for len(lines) < room {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n") + "\n" + dimStyle.Render(ansi.Truncate(foot, m.width, "…"))
}

// helpKey scrolls the overlay with j/k when it does not fit; any other
// key (any key at all when it fits) goes back to the list.
func (m *Model) helpKey(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if lines, scroll := m.helpLines(); scroll {
		switch k.String() {
		case "j", "down":
			m.helpOffset = min(m.helpOffset+1, len(lines)-(m.height-1))
			return m, nil
		case "k", "up":
			m.helpOffset = max(m.helpOffset-1, 0)
			return m, nil
		}
	}
	m.mode = modeList
	return m, nil
}
