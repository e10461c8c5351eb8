package search

// Opening a user deck's index before its files are checked: the check
// stats every file, so it runs alongside the search on last run's index.

import "path/filepath"

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
				opts.debugf("deck %s: searching last run's index (key %s) while its files are checked", src.Name, key)
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
			ix.opts.debugf("deck %s: files unchanged, last run's index is current", real.Name)
			continue
		}
		ix.opts.debugf("deck %s: files changed since the last run (key %s, now %s); reopening", real.Name, p.key, Key(real))
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
