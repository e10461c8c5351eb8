// Package browse is djq's interactive terminal browser: a list of
// questions with live ranked search on the left, the rendered answer on the
// right (or below on narrow terminals), a full-screen reader, and a way to
// pick an answer into stdout. It is a bubbletea model; the command layer
// runs it on the terminal and prints what the person picked.
package browse

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

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
	// Open opens a URL in a web browser (opener.Opener.Open); o calls it
	// for the selected question's first docs link. When it is nil or
	// fails, the status line shows the link instead.
	Open func(url string) error
	// Level is the starting level filter ("" for all).
	Level bank.Level
	// Query is the starting search (djq browse --query): the list opens
	// with it run and shown, the cursor on the best hit, and / edits it.
	Query string
	Seed  uint64
}

type mode int

const (
	modeList mode = iota
	modeFilter
	modeFull
	modeHelp
)

// Model is the browser's state.
type Model struct {
	cfg    Config
	all    []*bank.Question
	byRef  map[string]*bank.Question
	shown  []*bank.Question
	cursor int
	offset int
	level  int // index into levelCycle
	mode   mode
	filter textinput.Model
	query  string
	terms  []string // the query's words, marked in the list and preview
	view   viewport.Model
	width  int
	height int
	rng    *rand.Rand
	cache  map[string]string
	err    string
	// status is a one-off message (what o did) shown instead of the key
	// hints until the next key.
	status  string
	picked  *bank.Question
	quitted bool
	// interrupted is Ctrl-C, which Run reports as errkind.ErrInterrupted
	// (exit 130), unlike q.
	interrupted bool
	// titleWidth is the longest title of all, so that the list's share
	// of a wide screen does not jump as the search narrows. The id column
	// is sized to the rows on screen (columns).
	titleWidth int
	// marker puts "> " before the selected row (see tea.ColorProfileMsg).
	marker bool
	// fullWidth is the width the reader's answer was rendered at.
	fullWidth int
	// helpOffset is how far the help overlay is scrolled, when it does
	// not fit the screen.
	helpOffset int
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
		m.titleWidth = max(m.titleWidth, ansi.StringWidth(q.Title))
	}
	for i, l := range levelCycle {
		if l == cfg.Level {
			m.level = i
		}
	}
	m.query = cfg.Query
	m.filter.SetValue(cfg.Query)
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
	m.terms = searchTerms(m.query)
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
		m.layout()
		if m.mode == modeFull {
			m.reflow()
		}
		return m, nil
	case tea.ColorProfileMsg:
		// Without colour (TERM=dumb, NO_COLOR) the selected row also gets
		// a > before it: a dumb terminal shows no reverse video, and with
		// the level colours gone the reversed row alone is easy to lose.
		m.marker = msg.Profile == colorprofile.NoTTY || msg.Profile == colorprofile.ASCII
		return m, nil
	case tea.KeyPressMsg:
		if m.status != "" {
			m.status = ""
			m.layout()
		}
		return m.key(msg)
	case openedMsg:
		m.status = msg.status()
		m.layout()
		return m, nil
	}
	return m, nil
}

// layout fits the reader and the list to the window and the footer.
func (m *Model) layout() {
	m.view.SetWidth(m.width)
	m.view.SetHeight(m.height - m.footerRows())
	// The list may have lost rows (a smaller window, the switch to the
	// stacked layout, a status message): bring the cursor back into view.
	m.scroll()
}

// key routes a key press to the handler of the current mode; Ctrl-C quits
// from every mode, as an interruption.
func (m *Model) key(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if k.String() == "ctrl+c" {
		m.quitted, m.interrupted = true, true
		return m, tea.Quit
	}
	switch m.mode {
	case modeFilter:
		return m.filterKey(k)
	case modeFull:
		return m.readerKey(k)
	case modeHelp:
		return m.helpKey(k)
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
	case "o":
		return m, m.openDocs()
	}
	var cmd tea.Cmd
	m.view, cmd = m.view.Update(k)
	return m, cmd
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
		return m, m.openDocs()
	case "?":
		m.mode, m.helpOffset = modeHelp, 0
	case "p":
		return m.pick()
	}
	return m, nil
}

// openedMsg reports what opening a docs link did.
type openedMsg struct {
	url string
	err error
}

// status puts the link first: when the status wraps past its rows, what
// is cut is the reason, not the link the person needs to copy.
func (o openedMsg) status() string {
	if o.err != nil {
		return fmt.Sprintf("docs: %s (cannot open a browser: %v)", o.url, o.err)
	}
	return "opened " + o.url
}

// openDocs opens the selected question's first docs link. It runs as a
// command, off the update loop, because a browser can take a while to
// start; the result comes back as an openedMsg.
func (m *Model) openDocs() tea.Cmd {
	q := m.Selected()
	if q == nil {
		return nil
	}
	if len(q.Docs) == 0 {
		m.status = fmt.Sprintf("%s has no docs links", q.Ref())
		m.layout()
		return nil
	}
	url, open := q.Docs[0], m.cfg.Open
	if open == nil {
		m.status = "docs: " + url
		m.layout()
		return nil
	}
	return func() tea.Msg { return openedMsg{url: url, err: open(url)} }
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
	m.view = viewport.New(viewport.WithWidth(m.width), viewport.WithHeight(m.height-m.footerRows()))
	m.view.SetContent(m.mark(m.rendered(q, m.width)))
	m.fullWidth = m.width
	m.mode = modeFull
}

// reflow fits the reader to a new window: the answer is rendered again
// at the new width when that changed, and the reader keeps its place,
// the paragraph at the top of the screen (see samePlace), instead of
// going back to the top.
func (m *Model) reflow() {
	q := m.Selected()
	if q == nil || m.fullWidth == m.width {
		m.view.SetYOffset(m.view.YOffset()) // clamped to the new height
		return
	}
	old, top := strings.Split(m.view.GetContent(), "\n"), m.view.YOffset()
	m.view.SetContent(m.mark(m.rendered(q, m.width)))
	m.fullWidth = m.width
	m.view.SetYOffset(samePlace(old, strings.Split(m.view.GetContent(), "\n"), top))
}

// samePlace is the line of to (the answer rendered at another width) that
// shows what line top of from showed: paragraphs (runs of lines between
// blank ones) are the same in both, only wrapped differently, so it is
// the same paragraph, as far into it in proportion as top was. A top on a
// blank line keeps to the blank line before the same paragraph.
func samePlace(from, to []string, top int) int {
	src, dst := paragraphs(from), paragraphs(to)
	for i, p := range src {
		if top >= p[1] {
			continue
		}
		if i >= len(dst) {
			break
		}
		if top < p[0] { // on the blank lines before paragraph i
			return max(dst[i][0]-(p[0]-top), 0)
		}
		into := (top - p[0]) * (dst[i][1] - dst[i][0]) / (p[1] - p[0])
		return dst[i][0] + into
	}
	return max(len(to)-1, 0)
}

// paragraphs is where each run of non-blank lines starts and ends (the
// line after it).
func paragraphs(lines []string) [][2]int {
	var out [][2]int
	for i := 0; i < len(lines); i++ {
		if blank(lines[i]) {
			continue
		}
		start := i
		for i < len(lines) && !blank(lines[i]) {
			i++
		}
		out = append(out, [2]int{start, i})
	}
	return out
}

// blank reports whether a rendered line shows nothing (glamour pads its
// lines with spaces and styles them).
func blank(line string) bool { return strings.TrimSpace(ansi.Strip(line)) == "" }

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
