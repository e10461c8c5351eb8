// Package cachefile is djq's one way of keeping files in the cache folder:
// a name made from a key, written atomically into a folder only the user
// can read (0700, files 0600: a private deck's questions stay private), with
// a header of the body's length and SHA-256 that Read checks, so that an
// emptied, truncated or garbled entry is a miss, rebuilt by the caller,
// never trusted. Prune removes what a cache no longer needs, by age and
// count. Every cache (the compact deck copies and deck stamps in decks, the
// search index's latest-key files and folders in search) goes through it,
// so the rules above hold once for all.
package cachefile

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/djq-cli/djq/internal/atomicfile"
)

// header starts every entry: "djq-cache LENGTH SHA256\n", then the body.
const header = "djq-cache"

// ErrDamaged is an entry whose header does not match its body.
var ErrDamaged = errors.New("damaged cache entry")

// Key hashes parts (joined by NUL, so that ("ab","c") and ("a","bc")
// differ) into a hex SHA-256: the one way djq turns what a cache entry
// depends on into its name or key. Callers shorten it where a prefix is
// enough.
func Key(parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(sum[:])
}

// Encode is body with its header.
func Encode(body []byte) []byte {
	sum := sha256.Sum256(body)
	return append(fmt.Appendf(nil, "%s %d %s\n", header, len(body), hex.EncodeToString(sum[:])), body...)
}

// Decode checks an entry's header against its body and returns the body.
func Decode(b []byte) ([]byte, error) {
	head, body, ok := strings.Cut(string(b), "\n")
	var n int
	var sum string
	if !ok {
		return nil, ErrDamaged
	}
	if _, err := fmt.Sscanf(head, header+" %d %s", &n, &sum); err != nil || n != len(body) {
		return nil, ErrDamaged
	}
	got := sha256.Sum256([]byte(body))
	if hex.EncodeToString(got[:]) != sum {
		return nil, ErrDamaged
	}
	return []byte(body), nil
}

// Path is where the entry name lives in dir. A name is one path element.
func Path(dir, name string) string { return filepath.Join(dir, name) }

// Read returns the body of the entry name in dir: an error wrapping
// os.ErrNotExist when there is none, ErrDamaged when its header does not
// match.
func Read(dir, name string) ([]byte, error) {
	b, err := os.ReadFile(Path(dir, name))
	if err != nil {
		return nil, err
	}
	return Decode(b)
}

// Write stores body as the entry name in dir, creating dir (0700) first,
// atomically (a reader never sees half an entry) and private (0600).
func Write(dir, name string, body []byte) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	return atomicfile.WriteFile(Path(dir, name), Encode(body), 0o600)
}

// Pruning says which entries of a folder Prune may remove.
type Pruning struct {
	// Match selects the entries this cache owns; others are never touched.
	Match func(name string) bool
	// Keep are entries in use now, never removed.
	Keep func(name string) bool
	// MaxAge removes an entry not modified for this long; 0 is no limit.
	MaxAge time.Duration
	// MaxCount keeps at most this many matching entries, newest first;
	// 0 is no limit. With neither limit, every matching entry that is not
	// kept goes (a cache that keeps only its current entry).
	MaxCount int
	// Remove removes one entry (a folder is moved aside before deletion by
	// search); nil is os.RemoveAll.
	Remove func(path string)
}

// Prune removes the entries of dir that p selects and returns their names.
// A folder that cannot be read has nothing to prune.
func Prune(dir string, p Pruning, now time.Time) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	type entry struct {
		name string
		mod  time.Time
	}
	var owned []entry
	for _, e := range entries {
		if p.Match != nil && !p.Match(e.Name()) || p.Keep != nil && p.Keep(e.Name()) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		owned = append(owned, entry{e.Name(), info.ModTime()})
	}
	slices.SortFunc(owned, func(a, b entry) int { return b.mod.Compare(a.mod) })
	remove := p.Remove
	if remove == nil {
		remove = func(path string) { _ = os.RemoveAll(path) }
	}
	var removed []string
	for i, e := range owned {
		all := p.MaxAge == 0 && p.MaxCount == 0
		if all || p.MaxAge > 0 && now.Sub(e.mod) > p.MaxAge || p.MaxCount > 0 && i >= p.MaxCount {
			remove(filepath.Join(dir, e.name))
			removed = append(removed, e.name)
		}
	}
	return removed
}
