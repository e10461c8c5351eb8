package decks

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/cachefile"
)

// Load reads a user deck, the one path by which a deck's files become
// questions: through a compact copy in the cache, keyed by the deck's
// fingerprint (a 10,000-question deck decodes in milliseconds where
// parsing its files takes seconds), else from its folder, telling progress
// (if not nil) how many files are read of how many. Only decks without
// problems are cached, so every run still reports a broken file.
func (e *Env) Load(loc Location, progress func(done, total int)) (*bank.Deck, bank.Problems) {
	cache := e.paths.Cache
	if cache == "" {
		return read(loc, progress)
	}
	fp, err := e.Fingerprint(loc)
	if err != nil {
		return read(loc, progress)
	}
	prefix := "deck-" + loc.Name + "-"
	// "l2": decks cached before bank's limits (issue 23) may hold questions
	// past them, so those copies are not read.
	name := prefix + "l2-" + fp[:24] + ".bin"
	if raw, err := cachefile.Read(cache, name); err == nil {
		if d, got, err := bank.DecodeCompact(loc.Name, loc.Path, string(raw)); err == nil && got == fp {
			return d, nil
		}
	}
	d, ps := read(loc, progress)
	if len(ps) > 0 {
		return d, ps
	}
	if cachefile.Write(cache, name, bank.EncodeCompact(d.Questions, fp)) == nil {
		// One copy per deck: earlier contents' copies go.
		cachefile.Prune(cache, cachefile.Pruning{
			Match: func(n string) bool { return isCompactCopy(n, prefix) },
			Keep:  func(n string) bool { return n == name },
		}, time.Now())
	}
	return d, nil
}

// isCompactCopy reports whether name is a compact copy of the deck whose
// entries start with prefix, in this form or the one before "l2": the
// fingerprint part has no '-', so deck "a" never prunes deck "a-b"'s copy.
func isCompactCopy(name, prefix string) bool {
	rest, ok := strings.CutPrefix(name, prefix)
	rest = strings.TrimPrefix(rest, "l2-")
	fp, ok2 := strings.CutSuffix(rest, ".bin")
	return ok && ok2 && len(fp) == 24 && !strings.Contains(fp, "-")
}

// read parses a deck folder's files. The folder is opened as an os.Root:
// a link in it that leads outside it (to /etc/shadow, to /dev/zero) is
// refused and reported, never read.
func read(loc Location, progress func(done, total int)) (*bank.Deck, bank.Problems) {
	root, err := os.OpenRoot(loc.Path)
	if err != nil {
		d := &bank.Deck{Name: loc.Name, Path: loc.Path}
		return d, bank.Problems{{File: loc.Path, Msg: fmt.Sprintf("cannot read deck: %v", unwrapPathErr(err)), Fatal: true}}
	}
	defer root.Close()
	return bank.LoadDeckWith(root.FS(), ".", loc.Name, loc.Path, progress)
}

// Fingerprint identifies a user deck's content, once per Env; see
// QuickFingerprint for what it checks and what it may miss.
func (e *Env) Fingerprint(loc Location) (string, error) {
	e.fpMu.Lock()
	defer e.fpMu.Unlock()
	if fp, ok := e.fps[loc.Path]; ok {
		return fp, nil
	}
	fp, err := QuickFingerprint(loc, e.paths.Cache, time.Now())
	if err != nil {
		return "", err
	}
	if e.fps == nil {
		e.fps = map[string]string{}
	}
	e.fps[loc.Path] = fp
	return fp, nil
}
