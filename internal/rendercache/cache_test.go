package rendercache

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/muesli/termenv"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/render"
)

// fixture is a question with a related one and a docs link: all of what
// a key depends on.
func fixture() ([]*bank.Question, bank.Lookup) {
	q1 := &bank.Question{
		ID: 7, Deck: bank.DefaultDeck, Title: "How do you start an app?", Level: bank.Beginner,
		Tags: []string{"setup", "tooling"}, Summary: "Run startapp, then add the app to INSTALLED_APPS.",
		Related: []int{8}, Docs: []string{"https://docs.djangoproject.com/en/stable/ref/django-admin/#startapp"},
		Body: "Run `python manage.py startapp polls` and list the app in **INSTALLED_APPS**.\n\n```python\nINSTALLED_APPS = [\n    \"polls\",\n]\n```",
	}
	q2 := &bank.Question{ID: 8, Deck: bank.DefaultDeck, Title: "What does runserver do?", Level: bank.Beginner}
	byRef := map[bank.Ref]*bank.Question{{Deck: "django", ID: 7}: q1, {Deck: "django", ID: 8}: q2}
	return []*bank.Question{q1, q2}, func(r bank.Ref) *bank.Question { return byRef[r] }
}

// TestRenderCacheNeverStale renders through the cache, changes the
// question and renders again: the cached output must be served only while
// the content, width and style are the same.
func TestRenderCacheNeverStale(t *testing.T) {
	dir := t.TempDir()
	qs, lookup := fixture()
	q := *qs[0]
	c := Dir(dir)
	p := render.Policy{Format: render.FormatPretty, Style: "dark", Width: 70, Color: true, Profile: termenv.ANSI}
	draw := func(p render.Policy, q *bank.Question) string {
		t.Helper()
		out, err := c.Pretty(p, []*bank.Question{q}, lookup)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	first := draw(p, &q)
	files, _ := filepath.Glob(filepath.Join(dir, "render", "*", "*.txt"))
	if len(files) != 1 {
		t.Fatalf("cache holds %d files, want 1", len(files))
	}
	// A hit serves the file: prove it by planting a marker in it.
	if err := os.WriteFile(files[0], encodeEntry(first+"MARK"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := draw(p, &q); got != first+"MARK" {
		t.Fatalf("second render did not come from the cache")
	}
	q.Body += "\n\nA new closing paragraph."
	if got := draw(p, &q); !strings.Contains(got, "new closing paragraph") {
		t.Errorf("changed question served stale output")
	}
	p.Width = 90
	if got := draw(p, &q); strings.Contains(got, "MARK") {
		t.Errorf("another width served the cached output")
	}
	p.Width, p.Profile = 70, termenv.TrueColor
	if got := draw(p, &q); strings.Contains(got, "MARK") {
		t.Errorf("another colour depth served the cached output")
	}
}

func TestRenderCachePrune(t *testing.T) {
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	write := func(t *testing.T, dir, name string, age time.Duration) string {
		t.Helper()
		p := filepath.Join(dir, "render", name[:2], name+".txt")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, now.Add(-age), now.Add(-age)); err != nil {
			t.Fatal(err)
		}
		return p
	}
	exists := func(p string) bool { _, err := os.Stat(p); return err == nil }

	t.Run("old files and empty folders go, recent ones stay", func(t *testing.T) {
		dir := t.TempDir()
		old := write(t, dir, "aaold", renderMaxAge+time.Hour)
		recent := write(t, dir, "bbrecent", time.Hour)
		other := filepath.Join(dir, "render", "notes.md")
		if err := os.WriteFile(other, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		Dir(dir).prune(now)
		if exists(old) || exists(filepath.Dir(old)) {
			t.Errorf("%s (or its folder) was kept", old)
		}
		if !exists(recent) || !exists(other) {
			t.Errorf("a recent entry or a file that is not an entry was removed")
		}
	})

	t.Run("beyond the file limit the oldest go", func(t *testing.T) {
		dir := t.TempDir()
		var paths []string
		for i := range renderMaxFiles + 5 {
			paths = append(paths, write(t, dir, fmt.Sprintf("%02x%05d", i%256, i), time.Duration(renderMaxFiles+5-i)*time.Minute))
		}
		Dir(dir).prune(now)
		for i, p := range paths {
			if want := i >= 5; exists(p) != want {
				t.Fatalf("entry %d (age %d min): exists %v, want %v", i, renderMaxFiles+5-i, exists(p), want)
			}
		}
	})

	t.Run("at most once a day, after a write", func(t *testing.T) {
		dir := t.TempDir()
		clock := now
		c := Cache{dir: dir, now: func() time.Time { return clock }}
		c.put("cc"+strings.Repeat("0", 62), "first")
		old := write(t, dir, "ddold", renderMaxAge+time.Hour)
		clock = now.Add(time.Hour)
		c.put("ee"+strings.Repeat("0", 62), "second")
		if !exists(old) {
			t.Fatalf("pruned again within a day")
		}
		clock = now.Add(pruneEvery + time.Hour)
		c.put("ff"+strings.Repeat("0", 62), "third")
		if exists(old) {
			t.Errorf("not pruned after a day")
		}
		if out, ok := c.get("ff" + strings.Repeat("0", 62)); !ok || out != "third" {
			t.Errorf("the entry just written is gone: %q %v", out, ok)
		}
	})
}

// TestRenderCacheDamagedEntries: an entry that was emptied, truncated or
// garbled is re-rendered and written again, never served (issue 23, item
// 11); entries and their folders are private to the user (item 13).
func TestRenderCacheDamagedEntries(t *testing.T) {
	qs, lookup := fixture()
	for _, tc := range []struct {
		name   string
		damage func(b []byte) []byte
	}{
		{"emptied", func([]byte) []byte { return nil }},
		{"header only", func(b []byte) []byte { return b[:strings.IndexByte(string(b), '\n')+1] }},
		{"truncated", func(b []byte) []byte { return b[:len(b)/2] }},
		{"garbled", func(b []byte) []byte {
			g := append([]byte(nil), b...)
			g[len(g)-10] ^= 0x55
			return g
		}},
		{"no header (an older djq's entry)", func(b []byte) []byte { return b[strings.IndexByte(string(b), '\n')+1:] }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			c := Dir(dir)
			p := render.Policy{Format: render.FormatPretty, Style: "dark", Width: 70, Color: true, Profile: termenv.ANSI}
			first, err := c.Pretty(p, qs[:1], lookup)
			if err != nil {
				t.Fatal(err)
			}
			files, _ := filepath.Glob(filepath.Join(dir, "render", "*", "*.txt"))
			if len(files) != 1 {
				t.Fatalf("%d cache files", len(files))
			}
			for _, f := range []string{files[0], filepath.Dir(files[0]), filepath.Join(dir, "render")} {
				if info, _ := os.Stat(f); info.Mode().Perm()&0o077 != 0 {
					t.Errorf("%s has mode %v, want it private", f, info.Mode().Perm())
				}
			}
			b, _ := os.ReadFile(files[0])
			os.WriteFile(files[0], tc.damage(b), 0o600)
			again, err := c.Pretty(p, qs[:1], lookup)
			if err != nil || again != first {
				t.Errorf("damaged entry served: %v\n%q", err, again)
			}
			if b2, _ := os.ReadFile(files[0]); string(b2) != string(b) {
				t.Errorf("the damaged entry was not written again")
			}
		})
	}
}

// TestNew: the cache lives in djq's cache folder unless DJQ_RENDER_CACHE=0
// or there is no cache folder at all.
func TestNew(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"the cache folder", map[string]string{"DJQ_CACHE_DIR": dir}, dir},
		{"turned off", map[string]string{"DJQ_CACHE_DIR": dir, "DJQ_RENDER_CACHE": "0"}, ""},
		{"any other value keeps it", map[string]string{"DJQ_CACHE_DIR": dir, "DJQ_RENDER_CACHE": "1"}, dir},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := New(func(k string) string { return tt.env[k] }).dir; got != tt.want {
				t.Errorf("New().dir = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestOnlyPrettySingleQuestionsAreCached: Markdown, JSON and several
// questions at once go straight to render and leave no file; Answer (browse,
// quiz) is cached like show.
func TestOnlyPrettySingleQuestionsAreCached(t *testing.T) {
	qs, lookup := fixture()
	pretty := render.Policy{Format: render.FormatPretty, Style: "notty", Width: 70, Profile: termenv.Ascii}
	tests := []struct {
		name      string
		draw      func(c Cache) (string, error)
		wantFiles int
	}{
		{"markdown", func(c Cache) (string, error) {
			var b strings.Builder
			err := c.Questions(&b, render.Policy{Format: render.FormatMarkdown}, qs[:1], lookup)
			return b.String(), err
		}, 0},
		{"json", func(c Cache) (string, error) {
			var b strings.Builder
			err := c.Questions(&b, render.Policy{Format: render.FormatJSON}, qs[:1], lookup)
			return b.String(), err
		}, 0},
		{"two questions", func(c Cache) (string, error) { return c.Pretty(pretty, qs, lookup) }, 0},
		{"one question", func(c Cache) (string, error) {
			var b strings.Builder
			err := c.Questions(&b, pretty, qs[:1], lookup)
			return b.String(), err
		}, 1},
		{"an answer", func(c Cache) (string, error) { return c.Answer(pretty, qs[0], 50), nil }, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			out, err := tt.draw(Dir(dir))
			if err != nil || out == "" {
				t.Fatalf("draw = %q, %v", out, err)
			}
			files, _ := filepath.Glob(filepath.Join(dir, "render", "*", "*.txt"))
			if len(files) != tt.wantFiles {
				t.Errorf("%d cache files, want %d", len(files), tt.wantFiles)
			}
		})
	}
}
