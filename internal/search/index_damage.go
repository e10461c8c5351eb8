package search

// A damaged cached index is never trusted: bleve and bbolt report some
// damage as errors, but a truncated root.bolt fails a bbolt assertion and
// a garbled .zap footer indexes a slice out of range, both as panics. Every
// call into a cached index that reads its files goes through safely, and a
// failure moves the index aside, rebuilds it and says so once.

import (
	"fmt"
	"strings"
)

// DamagedError is a cached index that failed to open or to search, even
// after it was rebuilt.
type DamagedError struct {
	Path   string
	Reason string
}

func (e *DamagedError) Error() string {
	return fmt.Sprintf("search index %s is damaged (%s) and rebuilding it did not help; remove that folder and try again", e.Path, e.Reason)
}

// safely runs fn and turns a panic in it into an error, on one line.
func safely(fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s", strings.ReplaceAll(fmt.Sprint(r), "\n", " "))
		}
	}()
	return fn()
}

// searchSafely is search with a recovery: when the search panics inside a
// cached index, the cached parts are moved aside and rebuilt, and the
// search runs once more.
func (ix *Index) searchSafely(run func() error) error {
	var runErr error
	perr := safely(func() error { runErr = run(); return nil })
	if perr == nil {
		return runErr
	}
	if err := ix.rebuildCached(perr); err != nil {
		return err
	}
	if perr2 := safely(func() error { runErr = run(); return nil }); perr2 != nil {
		return &DamagedError{Path: ix.Path, Reason: perr2.Error()}
	}
	return runErr
}

// rebuildCached discards every cached part and opens it afresh (which
// rebuilds it), telling the user once why.
func (ix *Index) rebuildCached(why error) error {
	rebuilt := false
	for i, p := range ix.parts {
		if p.path == "" || p.pending != nil {
			continue
		}
		ix.opts.warnf("the search index %s is damaged (%v); rebuilding it", p.path, why)
		_ = safely(p.close)
		discard(p.path, ix.opts.CacheDir)
		np, err := openPart(p.src, ix.opts)
		if err != nil {
			return err
		}
		ix.parts[i] = np
		rebuilt = true
	}
	if !rebuilt {
		return &DamagedError{Path: ix.Path, Reason: why.Error()}
	}
	ix.assemble()
	return nil
}
