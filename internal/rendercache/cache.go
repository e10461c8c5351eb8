// Package rendercache keeps pretty output of single questions in djq's
// cache folder. It wraps render's pure functions from the outside, so that
// render reads and writes no file: the command layer renders through a
// Cache (New reads DJQ_RENDER_CACHE and the cache folder), and everything
// else calls render directly.
package rendercache

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/djq-cli/djq/internal/atomicfile"
	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/paths"
	"github.com/djq-cli/djq/internal/render"
	"github.com/djq-cli/djq/internal/sanitize"
)

// Cache keeps pretty output of single questions in the cache
// folder, one file per (question content, width, style, colour depth,
// hyperlinks). Glamour's first render in a process costs more than the
// whole rest of `djq show` (lexer and style set-up), so a repeated show
// reads the file instead. The key is a hash of everything the output
// depends on, so a changed question, related title, style file or binary
// gets a new key: stale output is never served. Files a new binary or an
// edited question no longer uses are pruned at most once a day (see prune).
type Cache struct {
	dir string
	// now is the clock for pruning; nil is time.Now.
	now func() time.Time
}

// New is the cache in djq's cache folder, or a cache that keeps nothing
// when DJQ_RENDER_CACHE=0 or there is no cache folder (no HOME).
func New(getenv func(string) string) Cache {
	if getenv("DJQ_RENDER_CACHE") == "0" {
		return Cache{}
	}
	return Cache{dir: paths.Resolve(getenv).Cache}
}

// Dir is a cache in dir ("" keeps nothing): tests.
func Dir(dir string) Cache { return Cache{dir: dir} }

// Questions is render.Questions with pretty output of one question served
// from, or stored in, the cache.
func (c Cache) Questions(w io.Writer, p render.Policy, qs []*bank.Question, lookup bank.Lookup) error {
	return render.QuestionsWith(w, p, qs, lookup, c.Pretty)
}

// Answer is render.Answer through the cache: browse's preview and quiz's
// reader show the same answers again and again.
func (c Cache) Answer(p render.Policy, q *bank.Question, width int) string {
	return render.AnswerWith(p, q, width, c.Pretty)
}

// Pretty is render.Pretty, with a single question's output cached.
//
// The result, cached or not, goes through sanitize.Terminal: deck text was
// sanitised before rendering, and this keeps anything a renderer decodes
// from it, or anything written into the cache file, from reaching the
// terminal as more than colour or a link.
func (c Cache) Pretty(p render.Policy, qs []*bank.Question, lookup bank.Lookup) (string, error) {
	key := ""
	if len(qs) == 1 && c.dir != "" {
		if k, err := c.key(p, qs[0], lookup); err == nil {
			key = k
			if out, ok := c.get(key); ok {
				return sanitize.Terminal(out), nil
			}
		}
	}
	text, err := render.Pretty(p, qs, lookup)
	if err == nil && key != "" {
		c.put(key, text)
	}
	return text, err
}

// Pruning limits: a rendered answer not written for renderMaxAge goes, and
// beyond renderMaxFiles the oldest go first. A typical answer is 5-15 KB,
// so the cache stays under about 30 MB whatever the number of upgrades,
// widths and styles, and an answer read daily is re-rendered once a month.
const (
	renderMaxAge   = 30 * 24 * time.Hour
	renderMaxFiles = 2000
	pruneEvery     = 24 * time.Hour
	pruneStamp     = "pruned"
)

// key hashes everything the output depends on: render's own account of
// its inputs (render.Identity) and the running binary, which covers a
// rebuild that forgot to bump render.PrettyVersion.
func (c Cache) key(p render.Policy, q *bank.Question, lookup bank.Lookup) (string, error) {
	id, err := render.Identity(p, q, lookup)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00", binaryID())
	h.Write(id)
	return hex.EncodeToString(h.Sum(nil)), nil
}

func (c Cache) path(key string) string {
	return filepath.Join(c.dir, "render", key[:2], key+".txt")
}

// entryHeader starts every cache entry: "djq-render LENGTH SHA256\n", then
// the output. An entry whose length or checksum does not match (emptied,
// truncated, garbled) is a miss, re-rendered and written again, never
// served.
const entryHeader = "djq-render"

// get returns the cached output for key, if any.
func (c Cache) get(key string) (string, bool) {
	if c.dir == "" {
		return "", false
	}
	b, err := os.ReadFile(c.path(key))
	if err != nil {
		return "", false
	}
	return decodeEntry(b)
}

// decodeEntry checks an entry's header against its output.
func decodeEntry(b []byte) (string, bool) {
	head, body, ok := strings.Cut(string(b), "\n")
	var n int
	var sum string
	if !ok {
		return "", false
	}
	if _, err := fmt.Sscanf(head, entryHeader+" %d %s", &n, &sum); err != nil || n != len(body) {
		return "", false
	}
	got := sha256.Sum256([]byte(body))
	if hex.EncodeToString(got[:]) != sum {
		return "", false
	}
	return body, true
}

// encodeEntry is the output with its header.
func encodeEntry(out string) []byte {
	sum := sha256.Sum256([]byte(out))
	return []byte(fmt.Sprintf("%s %d %s\n%s", entryHeader, len(out), hex.EncodeToString(sum[:]), out))
}

// put stores output atomically, so a reader never sees half a file, in a
// folder only the user can read: a private deck's answers stay private. A
// cache that cannot be written is not an error: the output was rendered.
func (c Cache) put(key, out string) {
	if c.dir == "" {
		return
	}
	p := c.path(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return
	}
	_ = atomicfile.WriteFile(p, encodeEntry(out), 0o600)
	c.maybePrune()
}

// maybePrune prunes when the last prune was over a day ago. It runs only
// after a cache miss, which has just paid for a whole glamour render, so
// the walk (a few ms for a full cache) is not felt.
func (c Cache) maybePrune() {
	now := time.Now
	if c.now != nil {
		now = c.now
	}
	stamp := filepath.Join(c.dir, "render", pruneStamp)
	if st, err := os.Stat(stamp); err == nil && now().Sub(st.ModTime()) < pruneEvery {
		return
	}
	c.prune(now())
	_ = os.WriteFile(stamp, nil, 0o600)
	_ = os.Chtimes(stamp, now(), now())
}

// prune removes rendered answers older than renderMaxAge, then the oldest
// beyond renderMaxFiles, and the folders left empty. Errors are ignored: a
// file that cannot be removed is tried again next time.
func (c Cache) prune(now time.Time) {
	type entry struct {
		path string
		mod  time.Time
	}
	root := filepath.Join(c.dir, "render")
	var keep []entry
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		if now.Sub(info.ModTime()) > renderMaxAge {
			_ = os.Remove(path)
			return nil
		}
		keep = append(keep, entry{path, info.ModTime()})
		return nil
	})
	if len(keep) > renderMaxFiles {
		slices.SortFunc(keep, func(a, b entry) int { return a.mod.Compare(b.mod) })
		for _, e := range keep[:len(keep)-renderMaxFiles] {
			_ = os.Remove(e.path)
		}
	}
	if dirs, err := os.ReadDir(root); err == nil {
		for _, d := range dirs {
			if d.IsDir() {
				_ = os.Remove(filepath.Join(root, d.Name())) // only succeeds when empty
			}
		}
	}
}

// binaryID identifies the running executable by path, size and
// modification time, or "" when it cannot be read.
func binaryID() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	st, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%s:%d:%d", exe, st.Size(), st.ModTime().UnixNano())
}
