package search

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/djq-cli/djq/internal/bank"
)

// Source is what an index is built from: a fingerprint of the content
// (cheap to compute on every run) and the questions themselves (only
// loaded when the index has to be built).
type Source struct {
	// Fingerprint changes whenever any question that would be indexed
	// changes.
	Fingerprint string
	Questions   func() ([]*bank.Question, error)
}

// Options control where the index lives.
type Options struct {
	// CacheDir is the folder for cached indexes; empty means no cache.
	CacheDir string
	// NoCache forces an in-memory index even when a cache folder exists.
	NoCache bool
	// Version is djq's version. It is not part of the cache key (the
	// code hash is), and is kept for messages.
	Version string
	// Prebuilt is an index built ahead of time for the built-in deck
	// (see data/index), with its djq-index.json. When its key matches the
	// source's, it is copied into place instead of building: a first
	// search then costs a file copy, not an indexing run.
	Prebuilt fs.FS
	// Debug receives one line about cache decisions; nil for silence.
	Debug io.Writer
}

// Index is an open search index.
type Index struct {
	idx      bleve.Index
	synonyms *Synonyms
	// Path is where the cached index lives; empty for an in-memory one.
	Path string
	// Built is true when this run had to create the cached index.
	Built bool
	// removeOnClose is a temporary folder holding this index.
	removeOnClose string
}

// Close releases the index.
func (ix *Index) Close() error {
	err := ix.idx.Close()
	if ix.removeOnClose != "" {
		os.RemoveAll(ix.removeOnClose)
	}
	return err
}

// DocCount is the number of indexed questions.
func (ix *Index) DocCount() (uint64, error) { return ix.idx.DocCount() }

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
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s", MappingVersion, codeHash, src.Fingerprint)
	return hex.EncodeToString(h.Sum(nil))[:20]
}

//go:embed analysis.go mapping.go plaintext.go
var indexCode embed.FS

// codeHash fingerprints the code that shapes the index.
var codeHash = func() string {
	h := sha256.New()
	for _, name := range []string{"analysis.go", "mapping.go", "plaintext.go"} {
		b, _ := indexCode.ReadFile(name)
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}()

// Open returns the index for src: the cached one when it is there and
// valid, else a new one built atomically into the cache (in a temporary
// folder, then renamed into place, so that concurrent djq processes
// starting on an empty cache all succeed and leave one valid index). A
// corrupt or partial cache entry is rebuilt. When the cache cannot be
// written, or opts.NoCache is set, the index is built in memory.
func Open(src Source, syn *Synonyms, opts Options) (*Index, error) {
	debugf := func(format string, args ...any) {
		if opts.Debug != nil {
			fmt.Fprintf(opts.Debug, "djq: search: "+format+"\n", args...)
		}
	}
	key := Key(src)
	prebuilt := prebuiltFor(opts.Prebuilt, key)
	if opts.NoCache || opts.CacheDir == "" {
		return openTransient(src, syn, prebuilt)
	}
	final := filepath.Join(opts.CacheDir, "index-"+key)
	if ix, err := openCached(final, key, syn); err == nil {
		return ix, nil
	} else if !errors.Is(err, os.ErrNotExist) {
		debugf("cached index %s is unusable (%v); rebuilding", final, err)
		discard(final, opts.CacheDir)
	}
	populate := func(path string) error { return buildAt(path, src) }
	if prebuilt != nil {
		populate = func(path string) error { return copyFS(prebuilt, path) }
	}
	ix, err := createCached(opts.CacheDir, final, key, syn, populate)
	if err != nil {
		debugf("cannot write the index cache (%v); using a temporary index", err)
		return openTransient(src, syn, prebuilt)
	}
	cleanup(opts.CacheDir, final)
	return ix, nil
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
func openTransient(src Source, syn *Synonyms, prebuilt fs.FS) (*Index, error) {
	if prebuilt != nil {
		if dir, err := os.MkdirTemp("", "djq-index-"); err == nil {
			path := filepath.Join(dir, "index")
			if err := copyFS(prebuilt, path); err == nil {
				if idx, err := bleve.OpenUsing(path, map[string]interface{}{"read_only": true}); err == nil {
					return &Index{idx: idx, synonyms: syn, removeOnClose: dir}, nil
				}
			}
			os.RemoveAll(dir)
		}
	}
	return buildMemory(src, syn)
}

// copyFS writes the files of fsys under dir.
func copyFS(fsys fs.FS, dir string) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

func openCached(path, key string, syn *Synonyms) (*Index, error) {
	raw, err := os.ReadFile(filepath.Join(path, metaFile))
	if err != nil {
		return nil, err
	}
	var m meta
	if err := json.Unmarshal(raw, &m); err != nil || m.Key != key {
		return nil, fmt.Errorf("bad index metadata")
	}
	idx, err := bleve.OpenUsing(path, map[string]interface{}{"read_only": true})
	if err != nil {
		return nil, err
	}
	n, err := idx.DocCount()
	if err != nil || n != m.Docs {
		idx.Close()
		return nil, fmt.Errorf("index holds %d documents, metadata says %d", n, m.Docs)
	}
	return &Index{idx: idx, synonyms: syn, Path: path}, nil
}

// discard moves a broken cache entry out of the way before deleting it, so
// that a concurrent reader never sees it half-deleted under its real name.
func discard(path, dir string) {
	trash, err := os.MkdirTemp(dir, "trash-")
	if err != nil {
		_ = os.RemoveAll(path)
		return
	}
	if err := os.Rename(path, filepath.Join(trash, "x")); err != nil {
		_ = os.RemoveAll(trash)
		return
	}
	_ = os.RemoveAll(trash)
}

func buildMemory(src Source, syn *Synonyms) (*Index, error) {
	qs, err := src.Questions()
	if err != nil {
		return nil, err
	}
	idx, err := bleve.NewUsing("", newMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("creating the search index: %w", err)
	}
	if err := fill(idx, qs); err != nil {
		idx.Close()
		return nil, err
	}
	return &Index{idx: idx, synonyms: syn, Built: true}, nil
}

// BuildAt builds the index of src into a new folder path (which must not
// exist) and records its key; the generator of the prebuilt index uses it.
func BuildAt(path string, src Source) error {
	if err := buildAt(path, src); err != nil {
		return err
	}
	idx, err := bleve.OpenUsing(path, map[string]interface{}{"read_only": true})
	if err != nil {
		return err
	}
	n, err := idx.DocCount()
	idx.Close()
	if err != nil {
		return err
	}
	raw, _ := json.Marshal(meta{Key: Key(src), Docs: n})
	return writeFileSync(filepath.Join(path, metaFile), raw)
}

func buildAt(path string, src Source) error {
	qs, err := src.Questions()
	if err != nil {
		return err
	}
	idx, err := bleve.NewUsing(path, newMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return err
	}
	if err := fill(idx, qs); err != nil {
		idx.Close()
		return err
	}
	return idx.Close()
}

// createCached populates a temporary folder, writes the metadata last and
// renames the folder into place, so that a reader never sees a partial
// index under its real name.
func createCached(dir, final, key string, syn *Synonyms, populate func(string) error) (*Index, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(dir, "tmp-"+key+"-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	path := filepath.Join(tmp, "index")
	if err := populate(path); err != nil {
		return nil, err
	}
	idx, err := bleve.OpenUsing(path, map[string]interface{}{"read_only": true})
	if err != nil {
		return nil, err
	}
	n, err := idx.DocCount()
	idx.Close()
	if err != nil {
		return nil, err
	}
	raw, _ := json.Marshal(meta{Key: key, Docs: n})
	if err := writeFileSync(filepath.Join(path, metaFile), raw); err != nil {
		return nil, err
	}
	if err := os.Rename(path, final); err != nil {
		// Another djq got there first: use its index if it is valid.
		if ix, oerr := openCached(final, key, syn); oerr == nil {
			return ix, nil
		}
		return nil, err
	}
	ix, err := openCached(final, key, syn)
	if err != nil {
		return nil, err
	}
	ix.Built = true
	return ix, nil
}

func writeFileSync(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// batchSize bounds memory while indexing large decks.
const batchSize = 500

func fill(idx bleve.Index, qs []*bank.Question) error {
	b := idx.NewBatch()
	for _, q := range qs {
		if err := b.Index(docID(q), newDoc(q)); err != nil {
			return fmt.Errorf("indexing %s: %w", q.Ref(), err)
		}
		if b.Size() >= batchSize {
			if err := idx.Batch(b); err != nil {
				return fmt.Errorf("indexing: %w", err)
			}
			b.Reset()
		}
	}
	if b.Size() > 0 {
		if err := idx.Batch(b); err != nil {
			return fmt.Errorf("indexing: %w", err)
		}
	}
	return nil
}

// staleAge is how old a leftover temporary folder must be before it is
// removed: younger ones may belong to a djq that is building right now.
const staleAge = 10 * time.Minute

// cleanup removes indexes for other keys (old versions of the bank or of
// djq) and abandoned temporary folders.
func cleanup(dir, keep string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(dir, name)
		switch {
		case strings.HasPrefix(name, "index-") && path != keep:
			discard(path, dir)
		case strings.HasPrefix(name, "tmp-") || strings.HasPrefix(name, "trash-"):
			if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleAge {
				_ = os.RemoveAll(path)
			}
		}
	}
}

// Facets returns the tags and deck names present in the index, for
// validating --tag and --deck without loading the bank.
func (ix *Index) Facets() (tags, decks []string, err error) {
	ai, err := ix.idx.Advanced()
	if err != nil {
		return nil, nil, err
	}
	r, err := ai.Reader()
	if err != nil {
		return nil, nil, err
	}
	defer r.Close()
	terms := func(field string) ([]string, error) {
		d, err := r.FieldDict(field)
		if err != nil {
			return nil, err
		}
		defer d.Close()
		var out []string
		for {
			e, err := d.Next()
			if err != nil {
				return nil, err
			}
			if e == nil {
				return out, nil
			}
			out = append(out, e.Term)
		}
	}
	if tags, err = terms(fieldTags); err != nil {
		return nil, nil, err
	}
	if decks, err = terms(fieldDeck); err != nil {
		return nil, nil, err
	}
	return tags, decks, nil
}
