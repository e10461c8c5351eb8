package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGeneratedDocsAreCurrent fails when completions/ or man/ no longer
// match the command tree: run `go generate ./...` and commit them.
func TestGeneratedDocsAreCurrent(t *testing.T) {
	files, err := generateDocs()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, f := range files {
		want[f.Path] = true
		got, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(f.Path)))
		if err != nil {
			t.Errorf("%s: %v (run go generate ./...)", f.Path, err)
			continue
		}
		if !bytes.Equal(got, f.Data) {
			t.Errorf("%s is stale: run go generate ./... and commit it", f.Path)
		}
	}
	for _, name := range []string{"djq.bash", "_djq", "djq.fish", "djq.ps1"} {
		if !want["completions/"+name] {
			t.Errorf("completions/%s is not generated", name)
		}
	}
	entries, _ := os.ReadDir(filepath.Join("..", "..", "man"))
	for _, e := range entries {
		if !want["man/"+e.Name()] {
			t.Errorf("man/%s is not generated any more: remove it", e.Name())
		}
	}
	if !want["man/djq.1"] {
		t.Errorf("man/djq.1 is not generated")
	}
}

// TestManPagesHaveReferenceSections checks the sections man-pages(7) asks
// for, drawn from internal/helpdoc, and that boolean flags read as
// switches (cobra/doc wrote "--help[=false]").
func TestManPagesHaveReferenceSections(t *testing.T) {
	files, err := generateDocs()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if !strings.HasPrefix(f.Path, "man/") {
			continue
		}
		page := string(f.Data)
		want := []string{".SH EXIT STATUS\n"}
		if f.Path == "man/djq.1" {
			want = append(want, ".SH ENVIRONMENT\n", ".SH FILES\n", `\fBDJQ_CACHE_DIR\fP`, `\fB$DJQ_STATE_DIR/state.json\fP`)
		}
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %q", f.Path, w)
			}
		}
		if strings.Contains(page, "[=false]") || strings.Contains(page, "[=true]") {
			t.Errorf("%s shows a boolean flag's default as a value: %q", f.Path, "[=false]")
		}
		if i, j := strings.Index(page, ".SH EXIT STATUS"), strings.Index(page, ".SH SEE ALSO"); j >= 0 && i > j {
			t.Errorf("%s: EXIT STATUS comes after SEE ALSO", f.Path)
		}
	}
}
