package render

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/djq-cli/djq/internal/atomicfile"
	"github.com/djq-cli/djq/internal/bank"
)

// renderVersion changes whenever pretty output changes for the same input,
// so that no cache written by an older djq is ever served. The binary's
// own size and modification time are part of every key too, which covers
// a rebuild that forgot to bump it.
const renderVersion = "render-2"

// renderCache keeps pretty output of single questions in the cache
// folder, one file per (question content, width, style, colour depth,
// hyperlinks). Glamour's first render in a process costs more than the
// whole rest of `djq show` (lexer and style set-up), so a repeated show
// reads the file instead. The key is a hash of everything the output
// depends on, so a changed question, related title, style file or binary
// gets a new key: stale output is never served, at worst unused files are
// left behind.
type renderCache struct {
	dir string
}

func (c renderCache) key(p Policy, q *bank.Question, lookup bank.Lookup) (string, error) {
	cfg, err := p.styleConfig()
	if err != nil {
		return "", err
	}
	style, err := json.Marshal(cfg)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%d\x00%d\x00%t\x00%t\x00", renderVersion, binaryID(), p.Width, p.Profile, p.Color, p.Hyperlinks)
	h.Write(style)
	h.Write([]byte{0})
	h.Write([]byte(q.Ref()))
	h.Write([]byte{0})
	h.Write([]byte(Markdown(q, lookup)))
	return hex.EncodeToString(h.Sum(nil)), nil
}

func (c renderCache) path(key string) string {
	return filepath.Join(c.dir, "render", key[:2], key+".txt")
}

// get returns the cached output for key, if any.
func (c renderCache) get(key string) (string, bool) {
	if c.dir == "" {
		return "", false
	}
	b, err := os.ReadFile(c.path(key))
	if err != nil {
		return "", false
	}
	return string(b), true
}

// put stores output atomically, so a reader never sees half a file. A
// cache that cannot be written is not an error: the output was rendered.
func (c renderCache) put(key, out string) {
	if c.dir == "" {
		return
	}
	p := c.path(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return
	}
	_ = atomicfile.WriteFile(p, []byte(out), 0o644)
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
