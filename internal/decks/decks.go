// Package decks finds users' own question decks: folders of question files
// in the built-in bank's format, beside the built-in deck "django".
package decks

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/errkind"
	"github.com/djq-cli/djq/internal/sanitize"
)

// Location is a deck folder and the name it goes by: the folder's name.
type Location struct {
	Name string
	Path string
}

// Sources say where to look for decks.
type Sources struct {
	// DataDir is djq's data folder; decks live in DataDir/decks/<name>/.
	DataDir string
	// EnvList is $DJQ_DECKS: deck folders separated by the OS path-list
	// separator.
	EnvList string
	// Flags are the --deck values that name folders.
	Flags []string
	// Added are the folders recorded by `djq decks add`.
	Added []string
}

// Locate lists the user decks: every folder in DataDir/decks, every folder
// in EnvList, every added folder and every folder in Flags. The same folder
// found twice counts once. A folder that cannot be a deck (missing, not a
// folder, a name that is not a deck name, the built-in deck's name, or the
// name of a deck found before it) is a warning naming both folders, and
// the folder is left out: the built-in deck and the other decks still
// work, so `djq show 35` never fails because of one deck folder. A --deck
// FOLDER that cannot be used is the error instead (a usage error naming
// the value as given): the user asked for that folder by name.
func Locate(src Sources) ([]Location, []error, error) {
	l := &locator{seenPath: map[string]bool{}, byName: map[string]string{bank.DefaultDeck: BuiltinPath}}
	if src.DataDir != "" {
		root := filepath.Join(src.DataDir, "decks")
		entries, err := os.ReadDir(root)
		if err == nil {
			sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
			for _, e := range entries {
				if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
					l.add(filepath.Join(root, e.Name()), root)
				}
			}
		}
	}
	for _, p := range filepath.SplitList(src.EnvList) {
		if strings.TrimSpace(p) != "" {
			l.add(p, "DJQ_DECKS")
		}
	}
	for _, p := range src.Added {
		l.add(p, "djq decks add")
	}
	for _, p := range src.Flags {
		if why := l.add(p, FlagOrigin); why != "" {
			return nil, l.warnings, errkind.Usagef("--deck %s: %s (a value with a '/', or starting with '.' or '~', is a deck folder; any other is a deck name: see djq decks)", sanitize.Quote(p), why)
		}
	}
	return l.found, l.warnings, nil
}

// BuiltinPath is what stands for the built-in deck's folder in messages.
const BuiltinPath = "(built in)"

// FlagOrigin is the origin of the folders given with --deck.
const FlagOrigin = "--deck"

// locator is one run of Locate: the decks found so far, by folder and by
// name, and the warnings about the folders left out.
type locator struct {
	found    []Location
	warnings []error
	seenPath map[string]bool
	byName   map[string]string
}

// add adds the deck folder path found in origin, or says why it cannot be
// a deck: a warning, except for --deck folders, whose reason it returns.
func (l *locator) add(path, origin string) (why string) {
	defer func() {
		if why != "" && origin != FlagOrigin {
			l.warnings = append(l.warnings, fmt.Errorf("deck folder %s (from %s): %s", path, origin, why))
		}
	}()
	abs, err := filepath.Abs(path)
	if err != nil {
		return err.Error()
	}
	if l.seenPath[abs] {
		return ""
	}
	st, err := os.Stat(abs)
	switch {
	case err != nil:
		return unwrapPathErr(err).Error()
	case !st.IsDir():
		return "not a folder"
	}
	return l.addFolder(abs)
}

// addFolder adds the folder abs under its name unless the name is not a
// valid deck name or is taken.
func (l *locator) addFolder(abs string) (why string) {
	name := filepath.Base(abs)
	if !bank.ValidDeckName(name) {
		return fmt.Sprintf("its name %s is not a valid deck name (letters, digits, '-', '_', '.')", sanitize.Quote(name))
	}
	if err := NameClash(name, abs, l.byName[name]); err != nil {
		return err.Error()
	}
	l.seenPath[abs] = true
	l.byName[name] = abs
	l.found = append(l.found, Location{Name: name, Path: abs})
	return ""
}

// NameClash says why the folder abs cannot be the deck name when prev is
// the folder that deck already has ("" when it has none, BuiltinPath for
// the built-in deck): a deck's name is its folder's, and refs (NAME:ID)
// and --deck name one deck only.
func NameClash(name, abs, prev string) error {
	switch prev {
	case "", abs:
		return nil
	case BuiltinPath:
		return fmt.Errorf("its name %s is the built-in deck's; rename the folder", sanitize.Quote(name))
	}
	return fmt.Errorf("a deck named %s is already at %s; rename one of the folders", sanitize.Quote(name), sanitize.Name(prev))
}

func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// IsPath reports whether a --deck value names a folder rather than a deck:
// it contains a path separator, starts with '.' or '~', or is absolute.
func IsPath(v string) bool {
	return strings.ContainsAny(v, `/\`) || strings.HasPrefix(v, ".") || strings.HasPrefix(v, "~") || filepath.IsAbs(v)
}

// statDeck lists a deck's question files and stats them.
func statDeck(loc Location) ([]string, []fileStat, error) {
	dir, err := os.Open(loc.Path)
	if err != nil {
		return nil, nil, err
	}
	defer dir.Close()
	names, err := dir.Readdirnames(-1)
	if err != nil {
		return nil, nil, err
	}
	kept := names[:0]
	for _, n := range names {
		if strings.HasSuffix(n, ".md") && !strings.EqualFold(n, "README.md") {
			kept = append(kept, n)
		}
	}
	stats := make([]fileStat, len(kept))
	statAll(dir, loc.Path, kept, stats)
	return kept, stats, nil
}

// sumStats hashes the stats into a deck's fingerprint. Stats run on several
// goroutines, and each file's entry is hashed on its own and the hashes
// summed, so no sort is needed: a 10,000-file deck costs about 8 ms.
func sumStats(loc Location, names []string, stats []fileStat) string {
	var sumA, sumB uint64
	for i, n := range names {
		if !stats[i].ok || stats[i].dir {
			continue // removed meanwhile, or a folder named *.md
		}
		a, b := entryHash(n, stats[i])
		sumA += a
		sumB += b
	}
	h := sha256.New()
	var buf [8 * 3]byte
	binary.LittleEndian.PutUint64(buf[0:], sumA)
	binary.LittleEndian.PutUint64(buf[8:], sumB)
	binary.LittleEndian.PutUint64(buf[16:], uint64(len(names)))
	h.Write([]byte(loc.Name))
	h.Write(buf[:])
	return hex.EncodeToString(h.Sum(nil))
}

// entryHash hashes one file's name, size and mtime twice (FNV-1a 64 with
// two offsets), giving 128 bits per entry to sum.
func entryHash(name string, st fileStat) (uint64, uint64) {
	const prime = 1099511628211
	a, b := uint64(14695981039346656037), uint64(0x9e3779b97f4a7c15)
	mix := func(c byte) {
		a = (a ^ uint64(c)) * prime
		b = (b ^ uint64(c)) * prime
	}
	for i := 0; i < len(name); i++ {
		mix(name[i])
	}
	mix(0)
	for _, v := range []int64{st.size, st.mtime} {
		for k := 0; k < 8; k++ {
			mix(byte(v >> (8 * k)))
		}
	}
	return a, b
}

// fileStat is what the fingerprint needs of a file.
type fileStat struct {
	size, mtime int64
	dir, ok     bool
}

// statAll fills stats for names in dir with statWorkers goroutines.
func statAll(dir *os.File, path string, names []string, stats []fileStat) {
	const statWorkers = 4
	if len(names) < 64 {
		for i, n := range names {
			stats[i] = statOne(dir, path, n)
		}
		return
	}
	var wg sync.WaitGroup
	for w := range statWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(names); i += statWorkers {
				stats[i] = statOne(dir, path, names[i])
			}
		}()
	}
	wg.Wait()
}
