package browse

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/djq-cli/djq/internal/bank"
)

// mixedDecks is the built-in deck's questions 1-12 and three of a user
// deck with a long name.
func mixedDecks() Config {
	cfg := testConfig(12)
	for i := 1; i <= 3; i++ {
		cfg.Questions = append(cfg.Questions, &bank.Question{ID: i, Deck: "interview-prep-2026", Level: bank.Intermediate,
			Title: fmt.Sprintf("Deck question %d?", i), Body: "body"})
	}
	return cfg
}

// TestListColumnsIssue26: the id column is as wide as the refs shown (a
// user deck's long refs are cut, keeping the id, and do not widen the
// built-in ids when the list shows only those), and levels are words
// where the titles keep their room, initials at 40 columns.
func TestListColumnsIssue26(t *testing.T) {
	tests := []struct {
		name   string
		width  int
		keys   []string
		want   []string // rows that must be on screen, trimmed
		maxRef int      // the id column's width
	}{
		{"80 columns: words, deck refs cut at a quarter of the width", 80, nil, []string{
			"1                    beginner     Question about topic 1?",
			"interview-prep-20…:3 intermediate Deck question 3?",
		}, 20},
		{"40 columns: initials, deck refs cut keeping the id", 40, []string{"G"}, []string{
			"10         b Question about topic 10?",
			"intervi…:3 i Deck question 3?",
		}, 10},
		{"the built-in ids alone are compact again", 80, []string{"/", "topic", "enter"}, []string{
			"12 advanced     Question about topic 12?",
			" 1 beginner     Question about topic 1?",
		}, 2},
		{"40 columns, built-in ids alone", 40, []string{"/", "topic", "enter"}, []string{
			"12 a Question about topic 12?",
		}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := sized(mixedDecks(), tt.width, 40)
			press(m, tt.keys...)
			screen := lines(m.Render())
			for _, w := range tt.want {
				found := false
				for _, l := range screen {
					found = found || strings.TrimRight(l, " ") == w
				}
				if !found {
					t.Errorf("no row %q at %d columns:\n%s", w, tt.width, strings.Join(screen, "\n"))
				}
			}
			if c := m.columns(tt.width); c.ref != tt.maxRef {
				t.Errorf("id column %d wide, want %d", c.ref, tt.maxRef)
			}
			for i, l := range screen {
				if ansi.StringWidth(l) > tt.width {
					t.Errorf("line %d is %d wide: %q", i, ansi.StringWidth(l), l)
				}
			}
		})
	}
}

// TestLevelLegend: where the list shows initials, the header explains
// them if it has room; where it shows words it needs not.
func TestLevelLegend(t *testing.T) {
	const legend = " · b beginner · i intermediate · a advanced"
	for _, tt := range []struct {
		width  int
		legend bool
	}{{120, true}, {100, true}, {80, false}, {40, false}} {
		m := sized(longTitles(30), tt.width, 24)
		head := lines(m.Render())[0]
		if got := strings.HasSuffix(head, legend); got != tt.legend {
			t.Errorf("at %d columns header %q, legend %v, want %v", tt.width, head, got, tt.legend)
		}
		if ansi.StringWidth(head) > tt.width {
			t.Errorf("at %d columns the header is %d wide", tt.width, ansi.StringWidth(head))
		}
	}
}

// TestIdColumnFollowsTheScreen: with a user deck after the built-in one,
// the built-in rows keep their compact right-aligned ids until the
// deck's rows scroll into view.
func TestIdColumnFollowsTheScreen(t *testing.T) {
	cfg := testConfig(30)
	cfg.Questions = append(cfg.Questions, mixedDecks().Questions[12:]...)
	m := sized(cfg, 80, 24)
	if ls := lines(m.Render()); strings.TrimRight(ls[1], " ") != " 1 beginner     Question about topic 1?" {
		t.Errorf("first row %q", ls[1])
	}
	press(m, "G")
	ls := lines(m.Render())
	if got := strings.TrimRight(ls[11], " "); got != "interview-prep-20…:3 intermediate Deck question 3?" {
		t.Errorf("last row %q", got)
	}
}

func TestFitRef(t *testing.T) {
	for _, tt := range []struct {
		ref   string
		width int
		want  string
	}{
		{"35", 3, "35"},
		{"interview:3", 11, "interview:3"},
		{"interview:3", 10, "intervi…:3"},
		{"interview:123", 6, "i…:123"},
		{"interview:12345", 6, "inter…"},
	} {
		if got := fitRef(tt.ref, tt.width); got != tt.want || ansi.StringWidth(got) > tt.width {
			t.Errorf("fitRef(%q, %d) = %q, want %q", tt.ref, tt.width, got, tt.want)
		}
	}
}

// TestSelectedMarker: without colour (TERM=dumb is Bubble Tea's NoTTY
// profile, NO_COLOR its ASCII) the selected row is marked with ">", since
// reverse video may not show; with colour nothing changes.
func TestSelectedMarker(t *testing.T) {
	for _, tt := range []struct {
		profile colorprofile.Profile
		marked  bool
	}{
		{colorprofile.NoTTY, true},
		{colorprofile.ASCII, true},
		{colorprofile.ANSI, false},
		{colorprofile.TrueColor, false},
	} {
		t.Run(tt.profile.String(), func(t *testing.T) {
			m := sized(testConfig(5), 80, 24)
			m.Update(tea.ColorProfileMsg{Profile: tt.profile})
			press(m, "j")
			ls := lines(m.Render())
			if got := strings.HasPrefix(ls[2], "> ") && strings.Contains(ls[2], "topic 2?"); got != tt.marked {
				t.Errorf("selected row %q, marked %v, want %v", ls[2], got, tt.marked)
			}
			if tt.marked && !strings.HasPrefix(ls[1], "  ") {
				t.Errorf("an unselected row is not indented to match: %q", ls[1])
			}
			for i, l := range ls {
				if ansi.StringWidth(l) > 80 {
					t.Errorf("line %d is %d wide", i, ansi.StringWidth(l))
				}
			}
		})
	}
}

// paragraphAnswer is an answer of 30 numbered paragraphs of words,
// wrapped to width, so that a narrower window makes every paragraph
// longer.
func paragraphAnswer(q *bank.Question, width int) string {
	var paras []string
	for p := 1; p <= 30; p++ {
		var words []string
		for w := 1; w <= 40; w++ {
			words = append(words, fmt.Sprintf("p%dw%d", p, w))
		}
		var lines []string
		line := ""
		for _, w := range words {
			if line != "" && len(line)+1+len(w) > width {
				lines, line = append(lines, line), w
				continue
			}
			line = strings.TrimSpace(line + " " + w)
		}
		paras = append(paras, strings.Join(append(lines, line), "\n"))
	}
	return strings.Join(paras, "\n\n")
}

// TestReaderKeepsPlaceOnResize is issue 26: resizing the reader used to
// jump back to the top; it keeps the paragraph at the top of the screen.
func TestReaderKeepsPlaceOnResize(t *testing.T) {
	cfg := testConfig(3)
	cfg.Render = paragraphAnswer
	m := sized(cfg, 120, 40)
	press(m, "enter")
	for range 60 {
		m.Update(tea.KeyPressMsg{Code: 'j', Text: "j"})
	}
	para := func() string {
		top := strings.Fields(stripANSI(strings.Split(m.Render(), "\n")[0]))
		if len(top) == 0 {
			return ""
		}
		return strings.SplitN(top[0], "w", 2)[0]
	}
	want := para()
	if want == "" || want == "p1" {
		t.Fatalf("did not scroll into the answer: top paragraph %q", want)
	}
	for _, size := range [][2]int{{80, 24}, {40, 15}, {120, 40}, {120, 20}} {
		m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		if got := para(); got != want {
			t.Errorf("at %dx%d the top line is in paragraph %q, want %q:\n%s", size[0], size[1], got, want, stripANSI(m.Render()))
		}
		if m.mode != modeFull {
			t.Fatalf("resize left the reader")
		}
	}
}

func TestSamePlace(t *testing.T) {
	from := []string{"a1", "a2", "", "b1", "b2", "b3", "b4", "", "", "c1"}
	to := []string{"a1", "", "b1", "b2", "", "", "c1", "c2"}
	for _, tt := range []struct{ top, want int }{
		{0, 0}, {1, 0}, {2, 1}, {3, 2}, {5, 3}, {7, 4}, {8, 5}, {9, 6}, {20, 7},
	} {
		if got := samePlace(from, to, tt.top); got != tt.want {
			t.Errorf("samePlace(top %d) = %d, want %d", tt.top, got, tt.want)
		}
	}
}

// TestHelpFits is issue 26 at 40×15, where the overlay cut its
// descriptions and hid "any key: back": at every size the footer is on the
// last row, no line is cut, and what does not fit scrolls with j/k.
func TestHelpFits(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}, {40, 15}, {40, 10}, {20, 6}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m := sized(testConfig(3), size[0], size[1])
			press(m, "?")
			ls := lines(m.Render())
			if len(ls) != size[1] {
				t.Fatalf("%d lines on a %d-line screen", len(ls), size[1])
			}
			last := ls[len(ls)-1]
			if last != helpBack && last != helpMore && size[0] >= 32 {
				t.Errorf("last line %q", last)
			}
			seen := map[string]bool{}
			for range 30 {
				for _, l := range lines(m.Render()) {
					if strings.HasSuffix(strings.TrimRight(l, " "), "…") || ansi.StringWidth(l) > size[0] {
						if size[0] >= 40 {
							t.Errorf("line cut or too wide: %q", l)
						}
					}
					seen[strings.TrimSpace(l)] = true
				}
				if last != helpMore {
					break
				}
				m.Update(tea.KeyPressMsg{Code: 'j', Text: "j"})
			}
			if size[0] >= 40 {
				for _, e := range helpEntries {
					found := false
					for l := range seen {
						found = found || strings.HasPrefix(l, e.keys)
					}
					if !found {
						t.Errorf("no line for %q", e.keys)
					}
				}
			}
			if size == [2]int{40, 15} && last != helpBack {
				t.Errorf("at 40×15 the help should fit whole, footer %q", last)
			}
			press(m, "x")
			if m.mode != modeList {
				t.Errorf("x did not go back")
			}
		})
	}
}
