package search

import (
	"context"
	"slices"
	"strings"

	index "github.com/blevesearch/bleve_index_api"
)

// multiReader reads the dictionaries of every deck's index as one: counts
// add up, term lists merge.
type multiReader []index.IndexReader

func (ix *Index) readers() (multiReader, error) {
	var rs multiReader
	for _, p := range ix.parts {
		ai, err := p.idx.Advanced()
		if err != nil {
			rs.close()
			return nil, err
		}
		r, err := ai.Reader()
		if err != nil {
			rs.close()
			return nil, err
		}
		rs = append(rs, r)
	}
	return rs, nil
}

func (rs multiReader) close() {
	for _, r := range rs {
		r.Close()
	}
}

// count is how many questions hold term in field.
func (rs multiReader) count(term, field string) (uint64, error) {
	var n uint64
	for _, r := range rs {
		tfr, err := r.TermFieldReader(context.Background(), []byte(term), field, false, false, false)
		if err != nil {
			return 0, err
		}
		n += tfr.Count()
		tfr.Close()
	}
	return n, nil
}

// fuzzy returns the terms of field within edits of term, with counts.
func (rs multiReader) fuzzy(field, term string, edits int) map[string]uint64 {
	out := map[string]uint64{}
	for _, r := range rs {
		fr, ok := r.(index.IndexReaderFuzzy)
		if !ok {
			continue
		}
		dict, err := fr.FieldDictFuzzy(field, term, edits, "")
		if err != nil {
			continue
		}
		for {
			e, err := dict.Next()
			if err != nil || e == nil {
				break
			}
			out[e.Term] += e.Count
		}
		dict.Close()
	}
	return out
}

// terms lists every term of field, sorted.
func (rs multiReader) terms(field string) ([]string, error) {
	set := map[string]bool{}
	for _, r := range rs {
		d, err := r.FieldDict(field)
		if err != nil {
			return nil, err
		}
		for {
			e, err := d.Next()
			if err != nil {
				d.Close()
				return nil, err
			}
			if e == nil {
				break
			}
			set[e.Term] = true
		}
		d.Close()
	}
	out := make([]string, 0, len(set))
	for t := range set {
		out = append(out, t)
	}
	slices.Sort(out)
	return out, nil
}

// identifier returns a and b joined by "_", "-" or nothing when the bank
// uses that word ("prefetch" and "related" make prefetch_related), else "".
func (rs multiReader) identifier(a, b string) string {
	for _, sep := range []string{"_", "-", ""} {
		j := strings.ToLower(a + sep + b)
		if n, err := rs.count(j, fieldVocab); err == nil && n > 0 {
			return j
		}
	}
	return ""
}
