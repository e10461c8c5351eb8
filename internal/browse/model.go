// Package browse is djq's interactive terminal browser: a list of
// questions with live ranked search on the left, the rendered answer on the
// right (or below on narrow terminals), a full-screen reader, and a way to
// pick an answer into stdout. It is a bubbletea model; the command layer
// runs it on the terminal and prints what the person picked.
package browse

import (
	"fmt"
	"image/color"
	"math/rand/v2"
	"strings"

	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/mattn/go-runewidth"

	"github.com/djq-cli/djq/internal/bank"
)

// SearchFunc ranks questions for a query within a level ("" for all) and
// returns their refs, best first.
type SearchFunc func(query string, level bank.Level) ([]string, error)

// RenderFunc renders a question's answer for a pane of the given width.
type RenderFunc func(q *bank.Question, width int) string

// Config is what the browser needs.
type Config struct {
	Questions []*bank.Question
	Search    SearchFunc
	Render    RenderFunc
	// Level is the starting level filter ("" for all).
	Level bank.Level
	Seed  uint64
}

type mode int

const (
	modeList mode = iota
	modeFilter
	modeFull
	modeDocs
	modeHelp
)

// WideLayout is the width from which list and preview sit side by side.
const WideLayout = 100

// Model is the browser's state.
type Model struct {
	cfg     Config
	all     []*bank.Question
	byRef   map[string]*bank.Question
	shown   []*bank.Question
	cursor  int
	offset  int
	level   int // index into levelCycle
	mode    mode
	filter  textinput.Model
	query   string
	view    viewport.Model
	width   int
	height  int
	rng     *rand.Rand
	cache   map[string]string
	err     string
	picked  *bank.Question
	quitted bool
}

var levelCycle = []bank.Level{"", bank.Beginner, bank.Intermediate, bank.Advanced}

// New builds the browser model.
func New(cfg Config) *Model {
	ti := textinput.New()
	ti.Prompt = "/"
	ti.Placeholder = "search"
	m := &Model{
		cfg: cfg, all: cfg.Questions, byRef: map[string]*bank.Question{},
		filter: ti, width: 80, height: 24, rng: rand.New(rand.NewPCG(cfg.Seed, 7)), cache: map[string]string{},
	}
	for _, q := range cfg.Questions {
		m.byRef[q.Ref()] = q
	}
	for i, l := range levelCycle {
		if l == cfg.Level {
			m.level = i
		}
	}
	m.refresh()
	return m
}

// Picked is the question chosen with p, or nil.
func (m *Model) Picked() *bank.Question { return m.picked }

// Init starts nothing: the browser waits for the window size and keys.
func (m *Model) Init() tea.Cmd { return nil }

// Selected is the question under the cursor, or nil.
func (m *Model) Selected() *bank.Question {
	if m.cursor < 0 || m.cursor >= len(m.shown) {
		return nil
	}
	return m.shown[m.cursor]
}

// refresh recomputes the shown list from the query and the level.
func (m *Model) refresh() {
	level := levelCycle[m.level]
	m.err = ""
	if strings.TrimSpace(m.query) == "" || m.cfg.Search == nil {
		m.shown = m.shown[:0]
		for _, q := range m.all {
			if level == "" || q.Level == level {
				m.shown = append(m.shown, q)
			}
		}
	} else {
		refs, err := m.cfg.Search(m.query, level)
		m.shown = m.shown[:0]
		if err != nil {
			m.err = err.Error()
		}
		for _, r := range refs {
			if q := m.byRef[r]; q != nil {
				m.shown = append(m.shown, q)
			}
		}
	}
	m.cursor, m.offset = 0, 0
}

// Update handles one message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = max(msg.Width, 20), max(msg.Height, 5)
		m.view.SetWidth(m.width)
		m.view.SetHeight(m.height - 1)
		// The list may have lost rows (a smaller window, or the switch to
		// the stacked layout): bring the cursor back into view.
		m.scroll()
		if m.mode == modeFull {
			m.openFull()
		}
		return m, nil
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	return m, nil
}

// key routes a key press to the handler of the current mode; Ctrl-C quits
// from every mode.
func (m *Model) key(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if k.String() == "ctrl+c" {
		m.quitted = true
		return m, tea.Quit
	}
	switch m.mode {
	case modeFilter:
		return m.filterKey(k)
	case modeFull:
		return m.readerKey(k)
	case modeDocs, modeHelp:
		return m.overlayKey(k)
	}
	return m.listKey(k)
}

// filterKey edits the search. Enter keeps the results and moves to the
// list; the arrows do too and also move, so one can type and then walk down.
func (m *Model) filterKey(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch k.String() {
	case "esc":
		m.filter.SetValue("")
		m.query = ""
		m.filter.Blur()
		m.mode = modeList
		m.refresh()
		return m, nil
	case "enter", "down", "up":
		m.filter.Blur()
		m.mode = modeList
		if k.String() != "enter" {
			return m.listKey(k)
		}
		return m, nil
	case "tab":
		m.cycleLevel()
		return m, nil
	}
	var cmd tea.Cmd
	m.filter, cmd = m.filter.Update(k)
	if m.filter.Value() != m.query {
		m.query = m.filter.Value()
		m.refresh()
	}
	return m, cmd
}

// readerKey scrolls the full-screen answer.
func (m *Model) readerKey(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch k.String() {
	case "q", "esc", "enter":
		m.mode = modeList
		return m, nil
	case "g", "home":
		m.view.GotoTop()
		return m, nil
	case "G", "end":
		m.view.GotoBottom()
		return m, nil
	case "p":
		return m.pick()
	}
	var cmd tea.Cmd
	m.view, cmd = m.view.Update(k)
	return m, cmd
}

// overlayKey closes the help or docs overlay on any key.
func (m *Model) overlayKey(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if k.String() == "p" && m.mode == modeDocs {
		return m.pick()
	}
	m.mode = modeList
	return m, nil
}

// listKey handles the list, the browser's home mode.
func (m *Model) listKey(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch k.String() {
	case "q":
		m.quitted = true
		return m, tea.Quit
	case "esc":
		if m.query != "" {
			m.query = ""
			m.filter.SetValue("")
			m.refresh()
		}
	case "/":
		m.mode = modeFilter
		return m, m.filter.Focus()
	case "tab":
		m.cycleLevel()
	case "down", "j":
		m.move(1)
	case "up", "k":
		m.move(-1)
	case "pgdown", "ctrl+d":
		m.move(m.listHeight())
	case "pgup", "ctrl+u":
		m.move(-m.listHeight())
	case "home", "g":
		m.move(-len(m.shown))
	case "end", "G":
		m.move(len(m.shown))
	case "enter":
		if m.Selected() != nil {
			m.openFull()
		}
	case "r":
		if len(m.shown) > 0 {
			m.cursor = m.rng.IntN(len(m.shown))
			m.scroll()
		}
	case "o":
		if m.Selected() != nil {
			m.mode = modeDocs
		}
	case "?":
		m.mode = modeHelp
	case "p":
		return m.pick()
	}
	return m, nil
}

func (m *Model) pick() (tea.Model, tea.Cmd) {
	if q := m.Selected(); q != nil {
		m.picked = q
		return m, tea.Quit
	}
	return m, nil
}

func (m *Model) cycleLevel() {
	m.level = (m.level + 1) % len(levelCycle)
	m.refresh()
}

func (m *Model) move(d int) {
	if len(m.shown) == 0 {
		return
	}
	m.cursor = min(max(m.cursor+d, 0), len(m.shown)-1)
	m.scroll()
}

// scroll moves the window of list rows so that the cursor is in it, and
// so that no rows stand empty while earlier ones are scrolled away (after
// a window grows).
func (m *Model) scroll() {
	h := m.listHeight()
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+h {
		m.offset = m.cursor - h + 1
	}
	m.offset = max(min(m.offset, len(m.shown)-h), 0)
}

func (m *Model) openFull() {
	q := m.Selected()
	if q == nil {
		return
	}
	m.view = viewport.New(viewport.WithWidth(m.width), viewport.WithHeight(m.height-1))
	m.view.SetContent(m.rendered(q, m.width))
	m.mode = modeFull
}

// rendered caches renders by question and width: glamour takes a few
// milliseconds, and the cursor passes the same questions again and again.
func (m *Model) rendered(q *bank.Question, width int) string {
	key := fmt.Sprintf("%s@%d", q.Ref(), width)
	if s, ok := m.cache[key]; ok {
		return s
	}
	s := m.cfg.Render(q, width)
	m.cache[key] = s
	return s
}

func (m *Model) wide() bool { return m.width >= WideLayout }

// listHeight is how many list rows fit.
func (m *Model) listHeight() int {
	h := m.height - 2 // header and footer
	if !m.wide() {
		h = max((m.height-2)/2, 3)
	}
	return max(h, 1)
}

var (
	headStyle   = lipgloss.NewStyle().Bold(true)
	selStyle    = lipgloss.NewStyle().Reverse(true)
	dimStyle    = lipgloss.NewStyle().Faint(true)
	levelColors = map[bank.Level]color.Color{bank.Beginner: lipgloss.Color("2"), bank.Intermediate: lipgloss.Color("3"), bank.Advanced: lipgloss.Color("1")}
)

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
		q := m.Selected()
		footer := dimStyle.Render(fmt.Sprintf(" %s · j/k scroll · g/G top/bottom · p print · q back  %3.0f%%", q.Ref(), m.view.ScrollPercent()*100))
		return m.view.View() + "\n" + footer
	case modeHelp:
		return helpText
	case modeDocs:
		q := m.Selected()
		var b strings.Builder
		fmt.Fprintf(&b, "%s\n\n", headStyle.Render("Docs for "+q.Ref()+": "+q.Title))
		if len(q.Docs) == 0 {
			b.WriteString("  (no docs links)\n")
		}
		for _, d := range q.Docs {
			fmt.Fprintf(&b, "  %s\n", d)
		}
		b.WriteString("\n" + dimStyle.Render("any key: back · p: print this answer and quit"))
		return b.String()
	}
	header := m.header()
	list := m.listView()
	footer := dimStyle.Render(runewidth.Truncate("/ search · tab level · enter read · r random · o docs · p print · ? help · q quit", m.width, "…"))
	if m.mode == modeFilter {
		footer = m.filter.View()
	}
	var body string
	if m.wide() {
		listW := m.width * 2 / 5
		preview := ""
		if q := m.Selected(); q != nil {
			preview = clip(m.rendered(q, m.width-listW-2), m.height-2)
		}
		body = lipgloss.JoinHorizontal(lipgloss.Top,
			lipgloss.NewStyle().Width(listW).MaxWidth(listW).Render(list), "  ",
			lipgloss.NewStyle().Width(m.width-listW-2).MaxWidth(m.width-listW-2).Render(preview))
	} else {
		preview := ""
		if q := m.Selected(); q != nil {
			preview = clip(m.rendered(q, m.width), m.height-2-m.listHeight()-1)
		}
		body = list + "\n" + strings.Repeat("─", m.width) + "\n" + preview
	}
	return header + "\n" + clip(body, m.height-2) + "\n" + footer
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
	return headStyle.Render(runewidth.Truncate(h, m.width, "…"))
}

func (m *Model) listView() string {
	if len(m.shown) == 0 {
		return dimStyle.Render("  no questions match")
	}
	width := m.width
	if m.wide() {
		width = m.width * 2 / 5
	}
	var b strings.Builder
	end := min(m.offset+m.listHeight(), len(m.shown))
	for i := m.offset; i < end; i++ {
		q := m.shown[i]
		badge := lipgloss.NewStyle().Foreground(levelColors[q.Level]).Render(string(q.Level[:1]))
		title := runewidth.Truncate(q.Title, max(width-len(q.Ref())-5, 5), "…")
		line := fmt.Sprintf("%s %s %s", q.Ref(), badge, title)
		if i == m.cursor {
			line = selStyle.Render(fmt.Sprintf("%s %s %s", q.Ref(), string(q.Level[:1]), title))
		}
		b.WriteString(line)
		if i < end-1 {
			b.WriteString("\n")
		}
	}
	return b.String()
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

const helpText = `djq browse — keys

  j / k, ↑ / ↓     move            PgUp / PgDn   page
  /                search (live, ranked, typo-tolerant); Esc clears it
  Tab              cycle the level: all, beginner, intermediate, advanced
  Enter            read the answer full screen (j/k, PgUp/PgDn, g/G; q back)
  r                jump to a random question of the current list
  o                show the docs links
  p                quit and print the selected answer as Markdown on stdout
  ?                this help
  q, Ctrl-C        quit

any key: back`
