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
	// Name is the deck's name, for messages.
	Name string
	// Fingerprint changes whenever any question that would be indexed
	// changes.
	Fingerprint string
	// FingerprintFunc, when set, computes the fingerprint instead: for a
	// large deck it stats every file, so djq runs it alongside the search
	// on the index the deck had last time, and rebuilds only if it
	// changed.
	FingerprintFunc func() (string, error)
	Questions       func() ([]*bank.Question, error)
	// Prebuilt is an index built ahead of time for this source (see
	// data/index), with its djq-index.json. When its key matches, it is
	// copied into place instead of building: a first search then costs a
	// file copy, not an indexing run.
	Prebuilt fs.FS
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
	// Debug receives one line about cache decisions; nil for silence.
	Debug io.Writer
}

// Index is an open search index over one or more decks. Each deck has
// its own Bleve index, cached under its own key, so that editing a user
// deck rebuilds that deck's index and nothing else; searches run over all
// of them at once.
type Index struct {
	idx      bleve.Index // the one index, or an alias over parts
	parts    []*part
	synonyms *Synonyms
	// Path is where the first deck's cached index lives; empty for an
	// in-memory or temporary one.
	Path string
	// Built is true when this run had to create a cached index.
	Built bool

	opts Options
}

// part is one deck's index.
type part struct {
	idx           bleve.Index
	src           Source
	key           string
	path          string
	built         bool
	removeOnClose string
	// pending, for a part opened on last run's key, returns the source
	// with its real fingerprint once computed.
	pending func() (Source, error)
}

func (p *part) close() error {
	err := p.idx.Close()
	if p.removeOnClose != "" {
		os.RemoveAll(p.removeOnClose)
	}
	return err
}

// Close releases the index.
func (ix *Index) Close() error {
	var first error
	for _, p := range ix.parts {
		if err := p.close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// DocCount is the number of indexed questions.
func (ix *Index) DocCount() (uint64, error) { return ix.idx.DocCount() }

// removeOnClose reports the temporary folder of a one-part index (tests).
func (ix *Index) removeOnClose() string {
	if len(ix.parts) == 1 {
		return ix.parts[0].removeOnClose
	}
	return ""
}

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

// Open returns the index over srcs. For each source it uses the cached
// index when it is there and valid, else creates one atomically in the
// cache (in a temporary folder, then renamed into place, so that
// concurrent djq processes starting on an empty cache all succeed and
// leave one valid index), copying the source's prebuilt index when it
// matches and building otherwise. A corrupt or partial cache entry is
// rebuilt. When the cache cannot be written, or opts.NoCache is set, the
// index lives in a temporary folder or in memory for this run.
func Open(srcs []Source, syn *Synonyms, opts Options) (*Index, error) {
	ix := &Index{synonyms: syn, opts: opts}
	for _, src := range srcs {
		p, err := openSpeculative(src, opts)
		if err != nil {
			ix.Close()
			return nil, err
		}
		ix.parts = append(ix.parts, p)
	}
	if len(ix.parts) == 0 {
		return nil, fmt.Errorf("no decks to search")
	}
	ix.assemble()
	return ix, nil
}

// assemble builds the searchable index over the parts and cleans up after
// any rebuild.
func (ix *Index) assemble() {
	keep := map[string]bool{}
	var rebuilt []string
	ix.Built = false
	for _, p := range ix.parts {
		ix.Built = ix.Built || p.built
		if p.path != "" {
			keep[p.path] = true
		}
		if p.built {
			rebuilt = append(rebuilt, p.src.Name)
		}
	}
	ix.Path = ix.parts[0].path
	if len(ix.parts) == 1 {
		ix.idx = ix.parts[0].idx
	} else {
		idxs := make([]bleve.Index, len(ix.parts))
		for i, p := range ix.parts {
			idxs[i] = p.idx
		}
		ix.idx = bleve.NewIndexAlias(idxs...)
	}
	if len(rebuilt) > 0 && ix.opts.CacheDir != "" {
		cleanup(ix.opts.CacheDir, rebuilt, keep)
	}
}

// openSpeculative opens a source whose fingerprint is slow to compute: it
// starts the fingerprint in the background and, meanwhile, opens the index
// the deck had last time (recorded in latest-<deck>). settle later checks
// the guess. Sources with a ready fingerprint open directly.
func openSpeculative(src Source, opts Options) (*part, error) {
	if src.FingerprintFunc == nil {
		return openPart(src, opts)
	}
	type result struct {
		fp  string
		err error
	}
	ch := make(chan result, 1)
	go func() {
		fp, err := src.FingerprintFunc()
		ch <- result{fp, err}
	}()
	resolve := func() (Source, error) {
		r := <-ch
		if r.err != nil {
			return src, r.err
		}
		src.Fingerprint, src.FingerprintFunc = r.fp, nil
		return src, nil
	}
	if opts.CacheDir != "" && !opts.NoCache {
		if key := readLatest(opts.CacheDir, src.Name); key != "" {
			if p, err := openCached(filepath.Join(opts.CacheDir, indexDirName(src.Name, key)), key); err == nil {
				p.src = src
				p.pending = func() (Source, error) { return resolve() }
				p.key = key
				return p, nil
			}
		}
	}
	real, err := resolve()
	if err != nil {
		return nil, err
	}
	return openPart(real, opts)
}

// settle checks every speculatively opened part against its real
// fingerprint and reopens (rebuilding) the ones that changed. It reports
// whether anything changed, in which case results must be computed again.
func (ix *Index) settle() (bool, error) {
	changed := false
	for i, p := range ix.parts {
		if p.pending == nil {
			continue
		}
		real, err := p.pending()
		p.pending = nil
		if err != nil {
			return false, err
		}
		if Key(real) == p.key {
			continue
		}
		np, err := openPart(real, ix.opts)
		if err != nil {
			return false, err
		}
		p.close()
		ix.parts[i] = np
		changed = true
	}
	if changed {
		ix.assemble()
	}
	return changed, nil
}

// latestFile records the key of a deck's newest index, so that the next
// run can open it while it checks the deck's files.
func latestFile(dir, deck string) string { return filepath.Join(dir, "latest-"+deck) }

func readLatest(dir, deck string) string {
	b, err := os.ReadFile(latestFile(dir, deck))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// writeLatest replaces latest-<deck> atomically; failing is harmless.
func writeLatest(dir, deck, key string) {
	if readLatest(dir, deck) == key {
		return
	}
	f, err := os.CreateTemp(dir, "tmp-latest-")
	if err != nil {
		return
	}
	_, werr := f.WriteString(key + "\n")
	if cerr := f.Close(); werr != nil || cerr != nil {
		os.Remove(f.Name())
		return
	}
	if os.Rename(f.Name(), latestFile(dir, deck)) != nil {
		os.Remove(f.Name())
	}
}

func openPart(src Source, opts Options) (*part, error) {
	debugf := func(format string, args ...any) {
		if opts.Debug != nil {
			fmt.Fprintf(opts.Debug, "djq: search: "+format+"\n", args...)
		}
	}
	key := Key(src)
	prebuilt := prebuiltFor(src.Prebuilt, key)
	if opts.NoCache || opts.CacheDir == "" {
		p, err := openTransient(src, prebuilt)
		if p != nil {
			p.src, p.key = src, key
		}
		return p, err
	}
	final := filepath.Join(opts.CacheDir, indexDirName(src.Name, key))
	if p, err := openCached(final, key); err == nil {
		p.src, p.key = src, key
		writeLatest(opts.CacheDir, src.Name, key)
		return p, nil
	} else if !errors.Is(err, os.ErrNotExist) {
		debugf("cached index %s is unusable (%v); rebuilding", final, err)
		discard(final, opts.CacheDir)
	}
	populate := func(path string) error { return buildAt(path, src) }
	if prebuilt != nil {
		populate = func(path string) error { return copyFS(prebuilt, path) }
	}
	p, err := createCached(opts.CacheDir, final, key, populate)
	if err != nil {
		debugf("cannot write the index cache for deck %s (%v); using a temporary index", src.Name, err)
		p, err := openTransient(src, prebuilt)
		if p != nil {
			p.src, p.key = src, key
		}
		return p, err
	}
	p.src, p.key = src, key
	writeLatest(opts.CacheDir, src.Name, key)
	return p, nil
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
		if dir, err := os.MkdirTemp("", "djq-index-"); err == nil {
			path := filepath.Join(dir, "index")
			if err := copyFS(prebuilt, path); err == nil {
				if idx, err := bleve.OpenUsing(path, map[string]interface{}{"read_only": true}); err == nil {
					return &part{idx: idx, removeOnClose: dir}, nil
				}
			}
			os.RemoveAll(dir)
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
			return os.MkdirAll(target, 0o755)
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

func openCached(path, key string) (*part, error) {
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
	return &part{idx: idx, path: path}, nil
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

func buildMemory(src Source) (*part, error) {
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
	return &part{idx: idx, built: true}, nil
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
func createCached(dir, final, key string, populate func(string) error) (*part, error) {
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
		if p, oerr := openCached(final, key); oerr == nil {
			return p, nil
		}
		return nil, err
	}
	p, err := openCached(final, key)
	if err != nil {
		return nil, err
	}
	p.built = true
	return p, nil
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

// indexDirName names a cached index by deck and key, so that cleaning up
// after one deck's rebuild never touches another deck's index.
func indexDirName(deck, key string) string {
	return "index-" + deck + "-" + key
}

// cleanup removes the old indexes of the decks this run rebuilt (earlier
// versions of their content, or of djq) and abandoned temporary folders.
// It runs only after a rebuild, so warm runs never pay for it.
func cleanup(dir string, rebuilt []string, keep map[string]bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(dir, name)
		switch {
		case strings.HasPrefix(name, "index-") && !keep[path] && isIndexOf(name, rebuilt):
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
	if _, err := ix.settle(); err != nil {
		return nil, nil, err
	}
	r, err := ix.readers()
	if err != nil {
		return nil, nil, err
	}
	defer r.close()
	if tags, err = r.terms(fieldTags); err != nil {
		return nil, nil, err
	}
	if decks, err = r.terms(fieldDeck); err != nil {
		return nil, nil, err
	}
	return tags, decks, nil
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
