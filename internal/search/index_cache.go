package search

// The on-disk cache of indexes: one folder per deck and content key,
// created atomically, validated on open, rebuilt when damaged and cleaned
// up after a rebuild.

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/djq-cli/djq/internal/cachefile"
)

// meta is written beside a cached index, last, so that an index without it
// is known to be incomplete.
type meta struct {
	Key  string `json:"key"`
	Docs uint64 `json:"docs"`
}

const metaFile = "djq-index.json"

// Key is the cache key of an index: the content fingerprint, the mapping
// version and a hash of the source code that decides what goes into the
// index (the analysis and the mapping), so that an index written by a djq
// that analysed differently is never read.
func Key(src Source) string {
	return cachefile.Key(MappingVersion, codeHash(), src.Fingerprint)[:20]
}

//go:embed analysis.go mapping.go plaintext.go
var indexCode embed.FS

// codeHash fingerprints the code that shapes the index, on first use
// rather than in package init, so commands that never search skip it.
var codeHash = sync.OnceValue(func() string {
	var code strings.Builder
	for _, name := range []string{"analysis.go", "mapping.go", "plaintext.go"} {
		b, _ := indexCode.ReadFile(name)
		code.Write(b)
	}
	return cachefile.Key(code.String())[:16]
})

// openPart opens src's index from the cache, creating it there (from the
// prebuilt index when it matches, else by building) when it is missing or
// damaged. With no usable cache the index is transient: a temporary copy
// of the prebuilt one, or built in memory.
func openPart(src Source, opts Options) (*part, error) {
	key := Key(src)
	p, err := openKeyed(src, key, opts)
	if p != nil {
		p.src, p.key = src, key
	}
	return p, err
}

func openKeyed(src Source, key string, opts Options) (*part, error) {
	start := time.Now()
	prebuilt := prebuiltFor(src.Prebuilt, key)
	if opts.NoCache || opts.CacheDir == "" {
		why := "--no-cache"
		if !opts.NoCache {
			why = "no cache folder"
		}
		p, err := openTransient(src, prebuilt)
		opts.debugf("deck %s: %s, so a temporary index (%s) in %v", src.Name, why, transientKind(prebuilt), time.Since(start).Round(time.Microsecond))
		return p, err
	}
	final := filepath.Join(opts.CacheDir, indexDirName(src.Name, key))
	p, err := openCached(final, key)
	switch {
	case err == nil:
		opts.debugf("deck %s: opened the cached index %s (key %s) in %v", src.Name, final, key, time.Since(start).Round(time.Microsecond))
	case errors.Is(err, os.ErrNotExist):
		opts.debugf("deck %s: no cached index for key %s (first run, or the deck or djq's indexing changed)", src.Name, key)
	case errors.Is(err, errNoMeta):
		opts.debugf("deck %s: cached index %s is incomplete (%v); rebuilding", src.Name, final, err)
		discard(final, opts.CacheDir)
	default:
		opts.warnf("the search index %s is damaged (%v); rebuilding it", final, err)
		discard(final, opts.CacheDir)
	}
	if err != nil {
		populate := func(path string) error { return BuildAt(path, src) }
		how := "built it from the questions"
		if prebuilt != nil {
			populate = func(path string) error { return copyFS(prebuilt, path) }
			how = "copied the prebuilt index shipped with djq"
		}
		if p, err = createCached(opts.CacheDir, final, key, populate); err != nil {
			opts.debugf("deck %s: cannot write the index cache (%v); using a temporary index", src.Name, err)
			return openTransient(src, prebuilt)
		}
		opts.debugf("deck %s: %s into %s in %v", src.Name, how, final, time.Since(start).Round(time.Millisecond))
	}
	writeLatest(opts.CacheDir, src.Name, key)
	return p, nil
}

// transientKind says what a temporary index is made from, for DJQ_DEBUG.
func transientKind(prebuilt fs.FS) string {
	if prebuilt != nil {
		return "a copy of the prebuilt one"
	}
	return "built in memory"
}

// prebuiltFor returns the prebuilt index in fsys when it was built for key.
func prebuiltFor(fsys fs.FS, key string) fs.FS {
	if fsys == nil {
		return nil
	}
	raw, err := fs.ReadFile(fsys, metaFile)
	if err != nil {
		return nil
	}
	var m meta
	if json.Unmarshal(raw, &m) != nil || m.Key != key {
		return nil
	}
	return fsys
}

// PrebuiltMatches reports whether the prebuilt index in fsys was built for
// src with the current indexing code.
func PrebuiltMatches(fsys fs.FS, src Source) bool { return prebuiltFor(fsys, Key(src)) != nil }

// openTransient serves a run that has no usable cache: a copy of the
// prebuilt index in a temporary folder removed at Close, else an index
// built in memory.
func openTransient(src Source, prebuilt fs.FS) (*part, error) {
	if prebuilt != nil {
		removeStale(os.TempDir(), true, time.Now())
		if dir, err := makeTemp("", "djq-index-"); err == nil {
			path := filepath.Join(dir, "index")
			if err := copyFS(prebuilt, path); err == nil {
				if idx, err := bleve.OpenUsing(path, map[string]interface{}{"read_only": true}); err == nil {
					return &part{idx: idx, removeOnClose: dir}, nil
				}
			}
			removeTemp(dir)
		}
	}
	return buildMemory(src)
}

// copyFS writes the files of fsys under dir.
func copyFS(fsys fs.FS, dir string) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(target, 0o700)
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o600)
	})
}

// errNoMeta is an index folder without its metadata file: a build that
// was interrupted, not damage worth telling the user about.
var errNoMeta = errors.New("no metadata")

func openCached(path, key string) (*part, error) {
	raw, err := os.ReadFile(filepath.Join(path, metaFile))
	if errors.Is(err, os.ErrNotExist) {
		if _, serr := os.Stat(path); serr == nil {
			return nil, errNoMeta
		}
		return nil, err
	}
	if err != nil {
		return nil, err
	}
	var m meta
	if err := json.Unmarshal(raw, &m); err != nil || m.Key != key {
		return nil, fmt.Errorf("bad index metadata")
	}
	var idx bleve.Index
	var n uint64
	err = safely(func() error {
		var err error
		if idx, err = bleve.OpenUsing(path, map[string]interface{}{"read_only": true}); err != nil {
			return err
		}
		n, err = idx.DocCount()
		return err
	})
	if err == nil && n != m.Docs {
		err = fmt.Errorf("index holds %d documents, metadata says %d", n, m.Docs)
	}
	if err != nil {
		if idx != nil {
			_ = safely(idx.Close)
		}
		return nil, err
	}
	return &part{idx: idx, path: path}, nil
}

// createCached populates a temporary folder with a complete index and its
// metadata (written last, by the builder or copied with a prebuilt index)
// and renames the folder into place, so that a reader never sees a partial
// index under its real name.
func createCached(dir, final, key string, populate func(string) error) (*part, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	tmp, err := makeTemp(dir, "tmp-"+key+"-")
	if err != nil {
		return nil, err
	}
	defer removeTemp(tmp)
	path := filepath.Join(tmp, "index")
	if err := populate(path); err != nil {
		return nil, err
	}
	if err := os.Rename(path, final); err != nil {
		// Another djq got there first: use its index if it is valid.
		if p, oerr := openCached(final, key); oerr == nil {
			return p, nil
		}
		return nil, err
	}
	p, err := openCached(final, key)
	if err != nil {
		discard(final, dir)
		return nil, err
	}
	p.built = true
	return p, nil
}

// discard moves a broken cache entry out of the way before deleting it, so
// that a concurrent reader never sees it half-deleted under its real name.
func discard(path, dir string) {
	trash, err := makeTemp(dir, "trash-")
	if err != nil {
		_ = os.RemoveAll(path)
		return
	}
	defer removeTemp(trash)
	_ = os.Rename(path, filepath.Join(trash, "x"))
}

// latestName is the cache entry that records the key of a deck's newest
// index, so that the next run can open it while it checks the deck's files.
func latestName(deck string) string { return "latest-" + deck }

// readLatest is the key recorded for deck; a damaged record is none.
func readLatest(dir, deck string) string {
	b, err := cachefile.Read(dir, latestName(deck))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// writeLatest records key as the deck's newest index; failing is
// harmless (the next run checks the deck's files before searching).
func writeLatest(dir, deck, key string) {
	if readLatest(dir, deck) != key {
		_ = cachefile.Write(dir, latestName(deck), []byte(key+"\n"))
	}
}

// staleAge is how old a leftover temporary folder must be before it is
// removed: younger ones may belong to a djq that is building right now.
const staleAge = 10 * time.Minute

// indexDirName names a cached index by deck and key, so that cleaning up
// after one deck's rebuild never touches another deck's index.
func indexDirName(deck, key string) string {
	return "index-" + deck + "-" + key
}

// cleanup removes the old indexes of the decks this run rebuilt (earlier
// versions of their content, or of djq) and abandoned temporary folders.
// It runs only after a rebuild, so warm runs never pay for it.
func cleanup(dir string, rebuilt []string, keep map[string]bool) {
	cachefile.Prune(dir, cachefile.Pruning{
		Match:  func(name string) bool { return isIndexOf(name, rebuilt) },
		Keep:   func(name string) bool { return keep[filepath.Join(dir, name)] },
		Remove: func(path string) { discard(path, dir) },
	}, time.Now())
	removeStale(dir, false, time.Now())
}

// isIndexOf reports whether the cache entry name is an index of one of
// decks: "index-<deck>-<key>" with a 20-character key.
func isIndexOf(name string, decks []string) bool {
	for _, d := range decks {
		rest, ok := strings.CutPrefix(name, "index-"+d+"-")
		if ok && len(rest) == 20 && !strings.Contains(rest, "-") {
			return true
		}
	}
	return false
}
