package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/djq-cli/djq/internal/cli"
)

// writeDocs writes the completion scripts and man pages into root,
// replacing the generated files only.
func writeDocs(root string) error {
	files, err := cli.GenerateDocs()
	if err != nil {
		return err
	}
	if err := os.RemoveAll(filepath.Join(root, "man")); err != nil {
		return err
	}
	for _, f := range files {
		path := filepath.Join(root, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("wrote %d completion and man files\n", len(files))
	return nil
}
