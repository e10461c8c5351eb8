package search

import (
	"fmt"
	"io"
	"io/fs"
	"time"

	"github.com/blevesearch/bleve/v2"

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
	// Progress, when set, hears how many questions are indexed of how many
	// while the index is built (a large deck takes seconds).
	Progress func(done, total int)
}

// Options control where the index lives.
type Options struct {
	// CacheDir is the folder for cached indexes; empty means no cache.
	CacheDir string
	// NoCache forces an in-memory index even when a cache folder exists.
	NoCache bool
	// Debug receives one line about cache decisions; nil for silence.
	Debug io.Writer
	// Warn receives the one line that says a damaged cached index was
	// rebuilt; nil for silence.
	Warn io.Writer
}

// warnf writes one line to Warn, if set.
func (o Options) warnf(format string, args ...any) {
	if o.Warn != nil {
		fmt.Fprintf(o.Warn, "djq: "+format+"\n", args...)
	}
}

// debugf writes one line about a cache decision to Debug, if set.
func (o Options) debugf(format string, args ...any) {
	if o.Debug != nil {
		fmt.Fprintf(o.Debug, "djq: search: "+format+"\n", args...)
	}
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
		removeTemp(p.removeOnClose)
	}
	return err
}

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
	if opts.CacheDir != "" {
		removeStale(opts.CacheDir, false, time.Now())
	}
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

// Facets returns the tags and deck names present in the index, for
// validating --tag and --deck without loading the bank.
func (ix *Index) Facets() (tags, decks []string, err error) {
	if _, err := ix.settle(); err != nil {
		return nil, nil, err
	}
	err = ix.searchSafely(func() error {
		r, err := ix.readers()
		if err != nil {
			return err
		}
		defer r.close()
		if tags, err = r.terms(fieldTags); err != nil {
			return err
		}
		decks, err = r.terms(fieldDeck)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return tags, decks, nil
}
