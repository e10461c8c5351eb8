package decks

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/djq-cli/djq/internal/atomicfile"
)

// RegistryFile is the name of the file in djq's config folder that lists
// the deck folders added with `djq decks add`, one absolute path a line.
const RegistryFile = "decks.txt"

// MaxRegistryLine bounds one line of the registry: a longer line cannot be
// a folder path (PATH_MAX is 4096 on Linux), so it is skipped with a warning
// and kept in the file as it is.
const MaxRegistryLine = 4096

// Registry is the list of deck folders a user made known permanently.
type Registry struct {
	// Path is the registry file.
	Path string
	// Folders are absolute deck folders, in the order they were added.
	Folders []string
	// Warnings are the lines that were skipped, each naming its line.
	Warnings []string

	// lines are the file's lines as read: comments, blank lines and lines
	// that were skipped are written back unchanged.
	lines []string
}

// ReadRegistry reads the registry file; a missing file is an empty
// registry. Blank lines and lines starting with # are ignored, and kept
// when the file is written again, so people may edit it by hand.
func ReadRegistry(path string) (*Registry, error) {
	r := &Registry{Path: path}
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return r, nil
	}
	if err != nil {
		return nil, err
	}
	text := strings.TrimSuffix(string(raw), "\n")
	if text == "" {
		return r, nil
	}
	r.lines = strings.Split(text, "\n")
	for i, l := range r.lines {
		line := strings.TrimSpace(l)
		switch {
		case len(line) > MaxRegistryLine:
			r.Warnings = append(r.Warnings, fmt.Sprintf("%s:%d: a line of %d bytes (a folder path has at most %d)", path, i+1, len(line), MaxRegistryLine))
		case line != "" && !strings.HasPrefix(line, "#") && !slices.Contains(r.Folders, line):
			r.Folders = append(r.Folders, line)
		}
	}
	return r, nil
}

// Add records folder made absolute, and returns that; added is false when
// the folder was already there.
func (r *Registry) Add(folder string) (abs string, added bool, err error) {
	if abs, err = filepath.Abs(folder); err != nil {
		return "", false, err
	}
	if slices.Contains(r.Folders, abs) {
		return abs, false, nil
	}
	if len(r.lines) == 0 {
		r.lines = append(r.lines, "# Deck folders added with `djq decks add`, one a line.")
	}
	r.Folders = append(r.Folders, abs)
	r.lines = append(r.lines, abs)
	return abs, true, r.save()
}

// Remove forgets the folder whose deck name (its base name) is name, or
// whose path is name; it reports the folder removed, "" when none matched.
// The folder itself is never touched; only its line leaves the file.
func (r *Registry) Remove(name string) (string, error) {
	abs, _ := filepath.Abs(name)
	for i, f := range r.Folders {
		if filepath.Base(f) == name || f == abs {
			r.Folders = slices.Delete(r.Folders, i, i+1)
			r.lines = slices.DeleteFunc(r.lines, func(l string) bool { return strings.TrimSpace(l) == f })
			return f, r.save()
		}
	}
	return "", nil
}

// save writes the registry atomically, so that a crash leaves the old list
// or the new one, never half of it; the file keeps its permissions.
func (r *Registry) save() error {
	if err := os.MkdirAll(filepath.Dir(r.Path), 0o700); err != nil {
		return err
	}
	perm := os.FileMode(0o644)
	if info, err := os.Stat(r.Path); err == nil {
		perm = info.Mode().Perm()
	}
	return atomicfile.WriteFile(r.Path, []byte(strings.Join(r.lines, "\n")+"\n"), perm)
}
