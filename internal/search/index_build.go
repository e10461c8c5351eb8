package search

import (
	"encoding/json"
	"fmt"
	"path/filepath"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/djq-cli/djq/internal/atomicfile"
	"github.com/djq-cli/djq/internal/bank"
)

// batchSize bounds memory while indexing large decks.
const batchSize = 500

func buildMemory(src Source) (*part, error) {
	qs, err := src.Questions()
	if err != nil {
		return nil, err
	}
	idx, err := bleve.NewUsing("", newMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("creating the search index: %w", err)
	}
	if err := fill(idx, qs, src.Progress); err != nil {
		idx.Close()
		return nil, err
	}
	return &part{idx: idx, built: true}, nil
}

// BuildAt builds the index of src into a new folder path (which must not
// exist) and writes its metadata last; the generator of the prebuilt index
// and the cache both use it.
func BuildAt(path string, src Source) error {
	qs, err := src.Questions()
	if err != nil {
		return err
	}
	idx, err := bleve.NewUsing(path, newMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return err
	}
	n, err := fillAndCount(idx, qs, src.Progress)
	if cerr := idx.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	raw, err := json.Marshal(meta{Key: Key(src), Docs: n})
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(filepath.Join(path, metaFile), raw, 0o600)
}

// fillAndCount indexes qs and returns how many documents idx then holds.
func fillAndCount(idx bleve.Index, qs []*bank.Question, progress func(done, total int)) (uint64, error) {
	if err := fill(idx, qs, progress); err != nil {
		return 0, err
	}
	return idx.DocCount()
}

// fill indexes qs in batches, telling progress (if any) after each batch.
func fill(idx bleve.Index, qs []*bank.Question, progress func(done, total int)) error {
	if progress == nil {
		progress = func(int, int) {}
	}
	b := idx.NewBatch()
	for i, q := range qs {
		if err := b.Index(docID(q), newDoc(q)); err != nil {
			return fmt.Errorf("indexing %s: %w", q.Ref(), err)
		}
		if b.Size() >= batchSize {
			if err := idx.Batch(b); err != nil {
				return fmt.Errorf("indexing: %w", err)
			}
			b.Reset()
			progress(i+1, len(qs))
		}
	}
	if b.Size() > 0 {
		if err := idx.Batch(b); err != nil {
			return fmt.Errorf("indexing: %w", err)
		}
	}
	progress(len(qs), len(qs))
	return nil
}
