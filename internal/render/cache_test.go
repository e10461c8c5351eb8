package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/muesli/termenv"

	"github.com/djq-cli/djq/internal/bank"
)

// TestRenderCacheNeverStale renders through the cache, changes the
// question and renders again: the cached output must be served only while
// the content, width and style are the same.
func TestRenderCacheNeverStale(t *testing.T) {
	dir := t.TempDir()
	qs, lookup := fixture()
	q := *qs[0]
	p := Policy{Format: FormatPretty, Style: "dark", Width: 70, Color: true, Profile: termenv.ANSI, CacheDir: dir}
	render := func(p Policy, q *bank.Question) string {
		t.Helper()
		out, err := Pretty(p, []*bank.Question{q}, lookup)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	first := render(p, &q)
	files, _ := filepath.Glob(filepath.Join(dir, "render", "*", "*.txt"))
	if len(files) != 1 {
		t.Fatalf("cache holds %d files, want 1", len(files))
	}
	// A hit serves the file: prove it by planting a marker in it.
	if err := os.WriteFile(files[0], []byte(first+"MARK"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := render(p, &q); got != first+"MARK" {
		t.Fatalf("second render did not come from the cache")
	}
	q.Body += "\n\nA new closing paragraph."
	if got := render(p, &q); !strings.Contains(got, "new closing paragraph") {
		t.Errorf("changed question served stale output")
	}
	p.Width = 90
	if got := render(p, &q); strings.Contains(got, "MARK") {
		t.Errorf("another width served the cached output")
	}
	p.Width, p.Profile = 70, termenv.TrueColor
	if got := render(p, &q); strings.Contains(got, "MARK") {
		t.Errorf("another colour depth served the cached output")
	}
}
