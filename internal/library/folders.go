package library

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/djq-cli/djq/internal/decks"
	"github.com/djq-cli/djq/internal/errkind"
	"github.com/djq-cli/djq/internal/output"
	"github.com/djq-cli/djq/internal/sanitize"
	"github.com/djq-cli/djq/internal/state"
)

// AddDeck records a deck folder in the config folder's decks.txt, so that
// every later run finds it; added is false when it was there already.
// A folder that is not one, or no config folder, is a usage error.
func (l *Library) AddDeck(folder string) (name, abs string, added bool, err error) {
	if folder, err = l.homePath(folder); err != nil {
		return "", "", false, err
	}
	if err := decks.IsFolder(folder, "add"); err != nil {
		return "", "", false, err
	}
	if l.paths.Config == "" {
		return "", "", false, errkind.Usagef("no config folder to record the deck in: set DJQ_CONFIG_DIR (or HOME), or use $DJQ_DECKS")
	}
	reg, err := l.Registry()
	if err != nil {
		return "", "", false, err
	}
	if abs, added, err = reg.Add(folder); err != nil {
		return "", "", false, fmt.Errorf("recording deck in %s: %w", reg.Path, err)
	}
	return filepath.Base(abs), abs, added, nil
}

// RemoveDeck forgets an added deck by name (or folder) and returns its
// folder, which is left untouched. A name that was never added is a usage
// error that lists the added decks.
func (l *Library) RemoveDeck(name string) (string, error) {
	reg, err := l.Registry()
	if err != nil {
		return "", err
	}
	removed, err := reg.Remove(name)
	if err != nil {
		return "", fmt.Errorf("updating %s: %w", reg.Path, err)
	}
	if removed != "" {
		return removed, nil
	}
	var names []string
	for _, p := range reg.Folders {
		names = append(names, filepath.Base(p))
	}
	if len(names) == 0 {
		return "", errkind.Usagef("unknown added deck %s: no deck folders were added with djq decks add", sanitize.Quote(name))
	}
	return "", errkind.Usagef("unknown added deck %s: added decks are %s", sanitize.Quote(name), strings.Join(names, ", "))
}

// Folders lists djq's folders with the variable that moves each and
// whether it exists, and, as extra lines, the deck folders that come from
// $DJQ_DECKS and from djq decks add.
func (l *Library) Folders() (rows []output.Path, extra []string) {
	p := l.paths
	join := func(dir, name string) string {
		if dir == "" {
			return ""
		}
		return filepath.Join(dir, name)
	}
	rows = []output.Path{
		{Name: "cache", Path: p.Cache, Env: "DJQ_CACHE_DIR"},
		{Name: "state", Path: join(p.State, state.FileName), Env: "DJQ_STATE_DIR"},
		{Name: "config", Path: p.Config, Env: "DJQ_CONFIG_DIR"},
		{Name: "decks", Path: join(p.Data, "decks"), Env: "DJQ_DATA_DIR"},
	}
	for i := range rows {
		if rows[i].Path != "" {
			_, err := os.Stat(rows[i].Path)
			rows[i].Exists = err == nil
		}
	}
	if env := l.opts.Getenv("DJQ_DECKS"); env != "" {
		extra = append(extra, fmt.Sprintf("%-7s %s  (DJQ_DECKS)", "decks", env))
	}
	if reg, err := l.Registry(); err == nil && len(reg.Folders) > 0 {
		extra = append(extra, fmt.Sprintf("%-7s %s  (added in %s)", "decks", strings.Join(reg.Folders, string(os.PathListSeparator)), decks.RegistryFile))
	}
	return rows, extra
}

// NewDeck makes a deck from the example (decks.New) in the decks folder
// or at the folder given, with a leading ~/ expanded.
func (l *Library) NewDeck(arg string) (decks.Created, error) {
	dir, err := l.homePath(arg)
	if err != nil {
		return decks.Created{}, err
	}
	return decks.New(dir, l.paths.Data)
}

// homePath expands a leading ~/ in a folder argument as a shell would; a
// quoted '~/x' reaches djq as it is, and a folder literally named "~" in
// the current folder is never what was meant. ~user is refused, as is ~
// without HOME.
func (l *Library) homePath(p string) (string, error) {
	if !strings.HasPrefix(p, "~") {
		return p, nil
	}
	if p != "~" && !strings.HasPrefix(p, "~/") && !strings.HasPrefix(p, "~"+string(os.PathSeparator)) {
		return "", errkind.Usagef("cannot use the folder %s: only a leading ~/ is expanded; give the folder's full path", sanitize.Quote(p))
	}
	home := l.opts.Getenv("HOME")
	if home == "" {
		return "", errkind.Usagef("cannot expand ~ in %s: HOME is not set; give the folder's full path", sanitize.Quote(p))
	}
	return filepath.Join(home, p[1:]), nil
}
