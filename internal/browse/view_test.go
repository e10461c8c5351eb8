package browse

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/opener"
)

// longTitles is testConfig with titles as long as the bank's longest.
func longTitles(n int) Config {
	cfg := testConfig(n)
	for _, q := range cfg.Questions {
		q.Title = fmt.Sprintf("What is the difference between select_related and prefetch_related (%d)?", q.ID)
	}
	return cfg
}

// lines is a rendered screen without escapes, one string per line.
func lines(view string) []string { return strings.Split(stripANSI(view), "\n") }

func TestListColumns(t *testing.T) {
	t.Run("titles get the room at 120 columns", func(t *testing.T) {
		m := sized(longTitles(103), 120, 40)
		row := lines(m.Render())[2]
		title := strings.TrimSpace(row[:m.listWidth()])
		if w := ansi.StringWidth(title); w < 60 {
			t.Errorf("list row is %d cells at 120 columns: %q", w, title)
		}
		if pw := 120 - m.listWidth() - gap; pw < minPreview {
			t.Errorf("preview is %d wide, under %d", pw, minPreview)
		}
	})
	t.Run("short titles leave the preview its share", func(t *testing.T) {
		m := sized(testConfig(10), 120, 40)
		if m.listWidth() != 48 {
			t.Errorf("list width %d, want 2/5 of 120", m.listWidth())
		}
	})
	t.Run("ids are right-aligned like djq list", func(t *testing.T) {
		m := sized(testConfig(103), 120, 40)
		press(m, "G")
		ls := lines(m.Render())
		if !strings.HasPrefix(ls[len(ls)-2], "103 b ") || !strings.HasPrefix(ls[1], " 66 a ") {
			t.Errorf("rows %q … %q", ls[1], ls[len(ls)-2])
		}
		// The column is as wide as the ids on screen (issue 26).
		press(m, "g")
		if ls := lines(m.Render()); !strings.HasPrefix(ls[1], " 1 b ") || !strings.HasPrefix(ls[10], "10 b ") {
			t.Errorf("rows %q, %q", ls[1], ls[10])
		}
	})
	t.Run("deck refs are left-aligned", func(t *testing.T) {
		cfg := testConfig(12)
		for _, q := range cfg.Questions {
			q.Deck = "mine"
		}
		m := sized(cfg, 120, 40)
		if ls := lines(m.Render()); !strings.HasPrefix(ls[1], "mine:1  b ") || !strings.HasPrefix(ls[12], "mine:12 a ") {
			t.Errorf("rows %q, %q", ls[1], ls[12])
		}
	})
	t.Run("the selected row is reversed across the column", func(t *testing.T) {
		m := sized(testConfig(10), 120, 40)
		if w := ansi.StringWidth(selectedRow(m.listView(m.listWidth()))); w != m.listWidth() {
			t.Errorf("selection is %d wide, list %d", w, m.listWidth())
		}
	})
}

// TestKeyHints: at every width the footer fits, and the way out is what
// stays.
func TestKeyHints(t *testing.T) {
	for _, w := range []int{20, 30, 45, 60, 80, 81, 100, 120} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			m := sized(testConfig(30), w, 24)
			ls := lines(m.Render())
			foot := ls[len(ls)-1]
			if !strings.HasSuffix(foot, "q quit") || ansi.StringWidth(foot) > w || strings.Contains(foot, "…") {
				t.Errorf("list footer at %d: %q", w, foot)
			}
			press(m, "enter")
			ls = lines(m.Render())
			foot = ls[len(ls)-1]
			if !strings.Contains(foot, "q back") || ansi.StringWidth(foot) > w {
				t.Errorf("reader footer at %d: %q", w, foot)
			}
		})
	}
}

// TestFewHitsFillTheScreen: in the stacked layout a short list gives its
// rows to the preview instead of leaving them blank.
func TestFewHitsFillTheScreen(t *testing.T) {
	cfg := testConfig(30)
	cfg.Render = func(q *bank.Question, width int) string {
		var b strings.Builder
		for i := 1; i <= 40; i++ {
			fmt.Fprintf(&b, "answer line %d\n", i)
		}
		return b.String()
	}
	m := sized(cfg, 80, 24)
	press(m, "/", "12", "enter")
	ls := lines(m.Render())
	if len(ls) != 24 {
		t.Fatalf("%d lines, want 24:\n%s", len(ls), strings.Join(ls, "\n"))
	}
	// header, 1 row, divider, 20 preview lines, footer
	if ls[2] != strings.Repeat("─", 80) || ls[22] != "answer line 20" {
		t.Errorf("screen:\n%s", strings.Join(ls, "\n"))
	}
}

// TestHelpListsREADMEKeys: every key the README's browse table names is in
// the ? overlay.
func TestHelpListsREADMEKeys(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(readme)
	start := strings.Index(s, "### `djq browse`")
	if start < 0 {
		t.Fatal("README has no djq browse section")
	}
	s = s[start:]
	if end := strings.Index(s[4:], "\n### "); end >= 0 {
		s = s[:end+4]
	}
	var keys []string
	for _, l := range strings.Split(s, "\n") {
		if !strings.HasPrefix(l, "| `") {
			continue
		}
		for _, k := range regexp.MustCompile("`([^` ]+)`").FindAllStringSubmatch(l, -1) {
			keys = append(keys, k[1])
		}
	}
	if len(keys) < 15 {
		t.Fatalf("found only %d keys in the README's browse table: %q", len(keys), keys)
	}
	m := sized(testConfig(3), 80, 24)
	press(m, "?")
	help := m.Render()
	if n := len(lines(help)); n > 24 {
		t.Errorf("help is %d lines at 80×24", n)
	}
	for _, k := range keys {
		if !regexp.MustCompile(`(^|[^\pL])` + regexp.QuoteMeta(k) + `($|[^\pL])`).MatchString(help) {
			t.Errorf("README key %q is missing from the ? overlay", k)
		}
	}
}

func TestOpenDocs(t *testing.T) {
	tests := []struct {
		name   string
		open   func(string) error
		docs   []string
		status string
	}{
		{"opens the first link", func(string) error { return nil }, []string{"https://a.example/1", "https://b.example/2"}, "opened https://a.example/1"},
		{"shows the link when the opener fails", func(string) error { return errors.New("no browser found") },
			[]string{"https://a.example/1"}, "docs: https://a.example/1 (cannot open a browser: no browser found)"},
		{"shows the link when there is no opener", nil, []string{"https://a.example/1"}, "docs: https://a.example/1"},
		{"says when there is no link", func(string) error { t.Error("opened with no link"); return nil }, nil, "1 has no docs links"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig(3)
			cfg.Questions[0].Docs = tt.docs
			var opened []string
			if tt.open != nil {
				cfg.Open = func(url string) error { opened = append(opened, url); return tt.open(url) }
			}
			for _, keys := range [][]string{{"o"}, {"enter", "o"}} {
				m := sized(cfg, 80, 24)
				opened = nil
				press(m, keys[:len(keys)-1]...)
				_, cmd := m.Update(keyMsg("o"))
				if cmd != nil {
					m.Update(cmd())
				}
				ls := lines(m.Render())
				if foot := ls[len(ls)-1]; foot != tt.status {
					t.Errorf("after %v: footer %q, want %q", keys, foot, tt.status)
				}
				if tt.open != nil && len(tt.docs) > 0 && (len(opened) != 1 || opened[0] != tt.docs[0]) {
					t.Errorf("opened %q", opened)
				}
				press(m, "j")
				if ls := lines(m.Render()); strings.Contains(ls[len(ls)-1], "a.example") {
					t.Errorf("status outlived the next key: %q", ls[len(ls)-1])
				}
			}
		})
	}
}

// TestOpenDocsWithoutABrowser is issue 26's stutter: the opener's own
// error after browse's "cannot open a browser: " reads once.
func TestOpenDocsWithoutABrowser(t *testing.T) {
	o := opener.New(func(string) string { return "" })
	o.GOOS, o.LookPath = "linux", func(string) (string, error) { return "", exec.ErrNotFound }
	cfg := testConfig(3)
	cfg.Questions[0].Docs = []string{"https://a.example/1"}
	cfg.Open = o.Open
	m := sized(cfg, 120, 24)
	_, cmd := m.Update(keyMsg("o"))
	m.Update(cmd())
	ls := lines(m.Render())
	want := "docs: https://a.example/1 (cannot open a browser: xdg-open is not installed; set $BROWSER)"
	if foot := ls[len(ls)-1]; foot != want {
		t.Errorf("footer %q, want %q", foot, want)
	}
}

// TestLongStatusWraps: a link too long for the line wraps over a few lines
// instead of being cut, and the screen keeps its height and the selection.
func TestLongStatusWraps(t *testing.T) {
	url := "https://docs.djangoproject.com/en/stable/ref/models/querysets/#django.db.models.query.QuerySet.select_related"
	cfg := testConfig(30)
	cfg.Questions[29].Docs = []string{url}
	m := sized(cfg, 60, 20)
	press(m, "G", "o")
	ls := lines(m.Render())
	if len(ls) != 20 {
		t.Errorf("%d lines, want 20", len(ls))
	}
	if got := ls[len(ls)-3:]; got[0] != "docs:" || got[1]+got[2] != url {
		t.Errorf("status %q", got)
	}
	if !strings.Contains(selectedRow(m.Render()), "topic 30") {
		t.Errorf("selection off screen:\n%s", strings.Join(ls, "\n"))
	}
}
