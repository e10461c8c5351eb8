package browse

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/djq-cli/djq/internal/bank"
)

func testConfig(n int) Config {
	var qs []*bank.Question
	levels := []bank.Level{bank.Beginner, bank.Intermediate, bank.Advanced}
	for i := 1; i <= n; i++ {
		qs = append(qs, &bank.Question{ID: i, Deck: bank.DefaultDeck, Title: fmt.Sprintf("Question about topic %d?", i),
			Level: levels[(i-1)%3], Docs: []string{fmt.Sprintf("https://docs.example/%d", i)}, Body: "body"})
	}
	return Config{
		Questions: qs,
		// A fake search: refs whose title contains the query, reversed,
		// so ranking visibly differs from list order.
		Search: func(query string, level bank.Level) ([]string, error) {
			var refs []string
			for i := len(qs) - 1; i >= 0; i-- {
				q := qs[i]
				if strings.Contains(q.Title, query) && (level == "" || q.Level == level) {
					refs = append(refs, q.Ref())
				}
			}
			return refs, nil
		},
		Render: func(q *bank.Question, width int) string {
			return fmt.Sprintf("ANSWER %s at %d\nline 2\nline 3", q.Ref(), width)
		},
		Seed: 1,
	}
}

func press(m *Model, keys ...string) {
	for _, k := range keys {
		if k == "enter" || k == "esc" || k == "tab" || k == "down" || k == "ctrl+c" {
			m.Update(keyMsg(k))
			continue
		}
		for _, r := range k {
			m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		}
	}
}

func sized(cfg Config, w, h int) *Model {
	m := New(cfg)
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

func TestBrowseModel(t *testing.T) {
	tests := []struct {
		name  string
		w, h  int
		keys  []string
		check func(t *testing.T, m *Model, view string)
	}{
		{"wide layout shows list and preview side by side", 120, 30, nil, func(t *testing.T, m *Model, v string) {
			first := stripANSI(strings.Split(v, "\n")[1])
			if !strings.Contains(first, " 1 b Question about topic 1?") || !strings.Contains(first, "ANSWER 1 at 70") {
				t.Errorf("first row %q", first)
			}
		}},
		{"narrow layout puts the preview under the list", 80, 30, nil, func(t *testing.T, m *Model, v string) {
			if !strings.Contains(v, strings.Repeat("─", 80)+"\nANSWER 1 at 80") {
				t.Errorf("view:\n%s", v)
			}
		}},
		{"move down", 120, 30, []string{"j", "j", "down"}, func(t *testing.T, m *Model, v string) {
			if m.Selected().ID != 4 || !strings.Contains(v, "ANSWER 4") {
				t.Errorf("selected %d", m.Selected().ID)
			}
		}},
		{"filter is live and ranked", 120, 30, []string{"/", "1", "2"}, func(t *testing.T, m *Model, v string) {
			if len(m.shown) != 1 || m.shown[0].ID != 12 || !strings.Contains(v, "1 of 30") || !strings.Contains(v, "/12") {
				t.Errorf("shown %d, view head %q", len(m.shown), strings.Split(v, "\n")[0])
			}
		}},
		{"filter ranking order", 120, 30, []string{"/", "1"}, func(t *testing.T, m *Model, v string) {
			if m.shown[0].ID != 21 {
				t.Errorf("first hit %d, want the search's first (21)", m.shown[0].ID)
			}
		}},
		{"esc clears the filter", 120, 30, []string{"/", "1", "2", "esc"}, func(t *testing.T, m *Model, v string) {
			if len(m.shown) != 30 || m.query != "" {
				t.Errorf("after esc: %d shown, query %q", len(m.shown), m.query)
			}
		}},
		{"tab cycles the level", 120, 30, []string{"tab"}, func(t *testing.T, m *Model, v string) {
			if len(m.shown) != 10 || !strings.Contains(v, "10 of 30 · beginner") {
				t.Errorf("head %q", strings.Split(v, "\n")[0])
			}
		}},
		{"tab four times is all levels again", 120, 30, []string{"tab", "tab", "tab", "tab"}, func(t *testing.T, m *Model, v string) {
			if len(m.shown) != 30 || !strings.Contains(v, "all levels") {
				t.Errorf("shown %d", len(m.shown))
			}
		}},
		{"level and filter combine", 120, 30, []string{"tab", "tab", "/", "1"}, func(t *testing.T, m *Model, v string) {
			for _, q := range m.shown {
				if q.Level != bank.Intermediate || !strings.Contains(q.Title, "1") {
					t.Errorf("shown %d (%s)", q.ID, q.Level)
				}
			}
		}},
		{"enter opens full screen, q closes", 120, 30, []string{"j", "enter"}, func(t *testing.T, m *Model, v string) {
			if m.mode != modeFull || !strings.Contains(v, "ANSWER 2 at 120") || !strings.Contains(v, "p print · q back") {
				t.Errorf("full view:\n%s", v)
			}
			press(m, "q")
			if m.mode != modeList {
				t.Errorf("q did not close the reader")
			}
		}},
		{"random jumps within the list", 120, 30, []string{"tab", "r"}, func(t *testing.T, m *Model, v string) {
			if m.Selected().Level != bank.Beginner {
				t.Errorf("random left the level filter")
			}
		}},
		{"help", 120, 30, []string{"?"}, func(t *testing.T, m *Model, v string) {
			if !strings.Contains(v, "Tab              cycle the level") || !strings.Contains(v, "g / G            first / last") {
				t.Errorf("help view:\n%s", v)
			}
		}},
		{"print picks the selection", 120, 30, []string{"j", "p"}, func(t *testing.T, m *Model, v string) {
			if m.Picked() == nil || m.Picked().ID != 2 {
				t.Errorf("picked %v", m.Picked())
			}
		}},
		{"no matches", 120, 30, []string{"/", "zzz"}, func(t *testing.T, m *Model, v string) {
			if !strings.Contains(v, "no questions match") || m.Selected() != nil {
				t.Errorf("view:\n%s", v)
			}
			press(m, "esc", "p")
		}},
		{"resize re-lays out", 120, 30, nil, func(t *testing.T, m *Model, _ string) {
			m.Update(tea.WindowSizeMsg{Width: 70, Height: 12})
			v := m.Render()
			for i, l := range strings.Split(v, "\n") {
				if w := len([]rune(stripANSI(l))); w > 70 {
					t.Errorf("line %d is %d wide after resizing to 70", i, w)
				}
			}
			if n := strings.Count(v, "\n") + 1; n > 12 {
				t.Errorf("%d lines after resizing to 12", n)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := sized(testConfig(30), tt.w, tt.h)
			press(m, tt.keys...)
			tt.check(t, m, m.Render())
		})
	}
}

// TestResizeKeepsSelectionVisible is issue #18's report: at 120×40 press
// G, resize to 90×30 (the stacked layout shows fewer rows), and the
// selected row must still be on screen and highlighted.
func TestResizeKeepsSelectionVisible(t *testing.T) {
	tests := []struct {
		name         string
		from, to     [2]int
		keys         []string
		wantSelected int
	}{
		{"last row, wide to narrow", [2]int{120, 40}, [2]int{90, 30}, []string{"G"}, 103},
		{"last row, taller to shorter", [2]int{120, 40}, [2]int{120, 12}, []string{"G"}, 103},
		{"middle row, wide to narrow", [2]int{120, 40}, [2]int{80, 24}, repeat("j", 35), 36},
		{"last row, narrow to wide fills the list", [2]int{80, 24}, [2]int{120, 40}, []string{"G"}, 103},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := sized(testConfig(103), tt.from[0], tt.from[1])
			press(m, tt.keys...)
			m.Update(tea.WindowSizeMsg{Width: tt.to[0], Height: tt.to[1]})
			if got := m.Selected().ID; got != tt.wantSelected {
				t.Fatalf("selected %d, want %d", got, tt.wantSelected)
			}
			v := m.Render()
			if !strings.Contains(selectedRow(v), fmt.Sprintf("Question about topic %d?", tt.wantSelected)) {
				t.Errorf("selected row %d not highlighted on screen at %dx%d:\n%s", tt.wantSelected, tt.to[0], tt.to[1], stripANSI(v))
			}
			if len(m.shown)-m.offset < min(m.listHeight(), len(m.shown)) {
				t.Errorf("rows stand empty: offset %d, %d rows, %d shown", m.offset, m.listHeight(), len(m.shown))
			}
		})
	}
}

func TestQuitKeys(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		m := sized(testConfig(5), 100, 20)
		_, cmd := m.Update(keyMsg(k))
		if cmd == nil || cmd() != tea.Quit() {
			t.Errorf("%s does not quit", k)
		}
	}
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	}
	return tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
}

func repeat(k string, n int) []string {
	keys := make([]string, n)
	for i := range keys {
		keys[i] = k
	}
	return keys
}

// selectedRow is the screen line drawn in reverse video, without escapes.
func selectedRow(view string) string {
	for _, l := range strings.Split(view, "\n") {
		if strings.Contains(l, "\x1b[7m") {
			return stripANSI(l)
		}
	}
	return ""
}

func stripANSI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b {
			for i < len(s) && (s[i] < 'a' || s[i] > 'z') && (s[i] < 'A' || s[i] > 'Z' || s[i] == '[') {
				i++
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// BenchmarkFilterKeystroke types one character into the filter of a
// 10,000-question list with a search that scans every title.
func BenchmarkFilterKeystroke(b *testing.B) {
	m := sized(testConfig(10000), 120, 40)
	press(m, "/")
	for i := 0; b.Loop(); i++ {
		press(m, string(rune('0'+i%10)))
		m.Render()
		if i%20 == 19 {
			press(m, "esc", "/")
		}
	}
}

// TestInitialQuery: Config.Query (djq browse --query) opens the list with
// the search run, ready to move through or to edit.
func TestInitialQuery(t *testing.T) {
	cfg := testConfig(30)
	cfg.Query = "topic 1"
	cfg.Level = bank.Beginner
	m := sized(cfg, 120, 30)
	v := m.Render()
	if head := lines(v)[0]; !strings.HasPrefix(head, "djq browse · 5 of 30 · beginner · /topic 1") {
		t.Errorf("header %q", head)
	}
	if m.Selected().ID != 19 || m.mode != modeList {
		t.Errorf("selected %d in mode %d, want the first hit (19) in the list", m.Selected().ID, m.mode)
	}
	if ls := lines(v); !strings.HasSuffix(ls[len(ls)-1], "q quit") {
		t.Errorf("footer %q, want the key hints", ls[len(ls)-1])
	}
	press(m, "j")
	if m.Selected().ID != 16 {
		t.Errorf("j selected %d, want the second hit (16)", m.Selected().ID)
	}
	press(m, "/", "3")
	if m.query != "topic 13" {
		t.Errorf("/ edits %q, want the query extended", m.query)
	}
	press(m, "esc")
	if m.query != "" || len(m.shown) != 10 {
		t.Errorf("esc left query %q and %d shown", m.query, len(m.shown))
	}
}
