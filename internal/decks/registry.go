package decks

import (
	"bufio"
	"bytes"
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

// Registry is the list of deck folders a user made known permanently.
type Registry struct {
	// Path is the registry file.
	Path string
	// Folders are absolute deck folders, in the order they were added.
	Folders []string
}

// ReadRegistry reads the registry file; a missing file is an empty
// registry. Blank lines and lines starting with # are ignored, so people
// may edit it by hand.
func ReadRegistry(path string) (*Registry, error) {
	r := &Registry{Path: path}
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return r, nil
	}
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line != "" && !strings.HasPrefix(line, "#") && !slices.Contains(r.Folders, line) {
			r.Folders = append(r.Folders, line)
		}
	}
	return r, sc.Err()
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
	r.Folders = append(r.Folders, abs)
	return abs, true, r.save()
}

// Remove forgets the folder whose deck name (its base name) is name, or
// whose path is name; it reports the folder removed, "" when none matched.
// The folder itself is never touched.
func (r *Registry) Remove(name string) (string, error) {
	abs, _ := filepath.Abs(name)
	for i, f := range r.Folders {
		if filepath.Base(f) == name || f == abs {
			r.Folders = slices.Delete(r.Folders, i, i+1)
			return f, r.save()
		}
	}
	return "", nil
}

// save writes the registry atomically, so that a crash leaves the old list
// or the new one, never half of it.
func (r *Registry) save() error {
	if err := os.MkdirAll(filepath.Dir(r.Path), 0o755); err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString("# Deck folders added with `djq decks add`, one a line.\n")
	for _, f := range r.Folders {
		fmt.Fprintln(&b, f)
	}
	return atomicfile.WriteFile(r.Path, []byte(b.String()), 0o644)
}
