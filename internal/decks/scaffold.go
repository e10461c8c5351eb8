package decks

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// scaffold is the example deck `djq decks new` starts from: three
// questions that show the format, and a README. "{{name}}" stands for the
// deck's name.
//
//go:embed scaffold/*
var scaffold embed.FS

// Scaffold creates dir with the example deck named name. The folder must
// not exist or must be empty, and every file is created exclusively:
// Scaffold never overwrites a user's file. It returns how many example
// questions it wrote.
func Scaffold(dir, name string) (int, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return 0, ErrNotEmpty
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return 0, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	entries, err := scaffold.ReadDir("scaffold")
	if err != nil {
		return 0, err
	}
	questions := 0
	for _, e := range entries {
		raw, err := scaffold.ReadFile("scaffold/" + e.Name())
		if err != nil {
			return 0, err
		}
		text := strings.ReplaceAll(string(raw), "{{name}}", name)
		if err := createNew(filepath.Join(dir, e.Name()), text); err != nil {
			return 0, err
		}
		if e.Name() != "README.md" {
			questions++
		}
	}
	return questions, nil
}

// ErrNotEmpty is Scaffold's refusal to write into a folder that has files.
var ErrNotEmpty = errors.New("the folder exists and is not empty")

// createNew writes a file that must not exist yet.
func createNew(path, text string) error {
	fh, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, werr := fh.WriteString(text)
	if cerr := fh.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return fmt.Errorf("writing %s: %w", path, werr)
	}
	return nil
}
