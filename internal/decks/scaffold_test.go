package decks

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/djq-cli/djq/internal/errkind"
)

func TestNew(t *testing.T) {
	for _, tt := range []struct {
		name     string
		arg      func(root string) string
		noData   bool
		prepare  func(t *testing.T, root string)
		wantDir  func(root string) string // "" when an error is wanted
		wantName string
		inDecks  bool
		wantErr  string
	}{
		{name: "a bare name goes in the decks folder", arg: func(string) string { return "mine" },
			wantDir: func(r string) string { return filepath.Join(r, "data", "decks", "mine") }, wantName: "mine", inDecks: true},
		{name: "a folder goes where it says", arg: func(r string) string { return filepath.Join(r, "work", "interview") },
			wantDir: func(r string) string { return filepath.Join(r, "work", "interview") }, wantName: "interview"},
		{name: "an empty folder may be used", arg: func(r string) string { return filepath.Join(r, "empty") },
			prepare: func(t *testing.T, r string) { os.MkdirAll(filepath.Join(r, "empty"), 0o755) },
			wantDir: func(r string) string { return filepath.Join(r, "empty") }, wantName: "empty"},
		{name: "a folder that is not empty", arg: func(r string) string { return filepath.Join(r, "full") },
			prepare: func(t *testing.T, r string) {
				os.MkdirAll(filepath.Join(r, "full"), 0o755)
				os.WriteFile(filepath.Join(r, "full", "notes.md"), []byte("mine"), 0o644)
			}, wantErr: "already exists and is not empty"},
		{name: "no data folder for a bare name", arg: func(string) string { return "mine" }, noData: true, wantErr: "no decks folder to create"},
		{name: "the built-in deck's name", arg: func(string) string { return "django" }, wantErr: "it is the built-in deck's name"},
		{name: "a name with a space", arg: func(r string) string { return filepath.Join(r, "my deck") }, wantErr: "use letters, digits"},
		{name: "a name too long for a folder", arg: func(r string) string { return filepath.Join(r, strings.Repeat("x", 256)) }, wantErr: "at most 255 bytes"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			if tt.prepare != nil {
				tt.prepare(t, root)
			}
			data := filepath.Join(root, "data")
			if tt.noData {
				data = ""
			}
			c, err := New(tt.arg(root), data)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || errkind.Of(err) != errkind.Usage {
					t.Fatalf("New = %+v, %v; want a usage error saying %q", c, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.Dir != tt.wantDir(root) || c.Name != tt.wantName || c.InDecksFolder != tt.inDecks || c.Questions == 0 {
				t.Errorf("New = %+v, want dir %s, name %s, in decks folder %v", c, tt.wantDir(root), tt.wantName, tt.inDecks)
			}
			d, ps := read(Location{Name: c.Name, Path: c.Dir}, nil)
			if len(ps) > 0 || len(d.Questions) != c.Questions {
				t.Errorf("the new deck reads as %d questions with problems %v, want %d clean", len(d.Questions), ps, c.Questions)
			}
			if _, err := New(tt.arg(root), data); err == nil {
				t.Errorf("a second New over the same folder succeeded: djq must never overwrite files")
			}
		})
	}
}

func TestRegistryAddRemove(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config", RegistryFile)
	r, err := ReadRegistry(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []struct {
		op, arg string
		want    string // folder added or removed, "" for none
		added   bool
		folders int
	}{
		{op: "add", arg: "/srv/a", want: "/srv/a", added: true, folders: 1},
		{op: "add", arg: "/srv/b/", want: "/srv/b", added: true, folders: 2},
		{op: "add", arg: "/srv/a", want: "/srv/a", added: false, folders: 2},
		{op: "remove", arg: "b", want: "/srv/b", folders: 1},
		{op: "remove", arg: "/srv/a", want: "/srv/a", folders: 0},
		{op: "remove", arg: "a", want: "", folders: 0},
	} {
		var got string
		var added bool
		if s.op == "add" {
			got, added, err = r.Add(s.arg)
		} else {
			got, err = r.Remove(s.arg)
		}
		if err != nil || got != s.want || added != s.added || len(r.Folders) != s.folders {
			t.Fatalf("%s %s = %q, %v, %v with %d folders; want %q, %v with %d", s.op, s.arg, got, added, err, len(r.Folders), s.want, s.added, s.folders)
		}
		again, err := ReadRegistry(path)
		if err != nil || len(again.Folders) != s.folders {
			t.Errorf("after %s %s the file holds %v (%v)", s.op, s.arg, again.Folders, err)
		}
	}
}
