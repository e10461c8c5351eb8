package main

import (
	"bytes"
	"os"
	"path/filepath"
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
