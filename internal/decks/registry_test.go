package decks

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRegistryKeepsWhatPeopleWrote: comments, blank lines and an overlong
// line survive decks add and remove; the long line is skipped with a
// warning that names its line, and the other folders still count
// (issue 23, item 6).
func TestRegistryKeepsWhatPeopleWrote(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, RegistryFile)
	long := "/" + strings.Repeat("x", 70_000)
	in := "# my decks\n\n/srv/work-deck\n# old one below\n" + long + "\r\n/srv/other\n"
	if err := os.WriteFile(path, []byte(in), 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := ReadRegistry(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(r.Folders, ",") != "/srv/work-deck,/srv/other" {
		t.Errorf("folders %q", r.Folders)
	}
	if len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], RegistryFile+":5:") {
		t.Errorf("warnings %q", r.Warnings)
	}
	added := filepath.Join(dir, "new-deck")
	if _, ok, err := r.Add(added); err != nil || !ok {
		t.Fatalf("add: %v", err)
	}
	if _, err := r.Remove("other"); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	want := "# my decks\n\n/srv/work-deck\n# old one below\n" + long + "\r\n" + added + "\n"
	if string(b) != want {
		t.Errorf("file after add and remove:\n%.300q\nwant\n%.300q", b, want)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the file's own 0600", info.Mode().Perm())
	}
	// A new registry starts with the explanatory comment.
	fresh := &Registry{Path: filepath.Join(dir, "sub", RegistryFile)}
	if _, _, err := fresh.Add(added); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(fresh.Path); !strings.HasPrefix(string(b), "# Deck folders") || !strings.HasSuffix(string(b), added+"\n") {
		t.Errorf("fresh registry %q", b)
	}
}
