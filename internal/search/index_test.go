package search

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/djq-cli/djq/data"
)

func openCachedT(t *testing.T, dir string) (*Index, error) {
	t.Helper()
	return Open([]Source{builtin(t)}, ParseSynonyms(data.Synonyms), Options{CacheDir: dir})
}

func indexDirs(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// TestCacheBuildThenReuse checks that the first open builds and persists
// the index and the second reuses it read-only.
func TestCacheBuildThenReuse(t *testing.T) {
	dir := t.TempDir()
	ix, err := openCachedT(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	if !ix.Built || ix.Path == "" {
		t.Fatalf("first open: Built=%v Path=%q, want a built cached index", ix.Built, ix.Path)
	}
	ix.Close()
	ix, err = openCachedT(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if ix.Built {
		t.Errorf("second open rebuilt the index")
	}
	res, err := ix.Search(context.Background(), Request{Query: "select_related", Limit: 1})
	if err != nil || len(res.Hits) == 0 || res.Hits[0].ID != 35 {
		t.Fatalf("search on the cached index: %v %+v", err, res)
	}
	if got := indexDirs(t, dir); len(got) != 2 || !strings.HasPrefix(got[0], "index-") || !strings.HasPrefix(got[1], "latest-") {
		t.Errorf("cache folder holds %v, want one index", got)
	}
}

// TestConcurrentColdStart opens the index from eight goroutines on an empty
// cache: all must succeed and one valid index must remain.
func TestConcurrentColdStart(t *testing.T) {
	dir := t.TempDir()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ix, err := openCachedT(t, dir)
			if err != nil {
				errs <- err
				return
			}
			defer ix.Close()
			res, err := ix.Search(context.Background(), Request{Query: "middleware", Limit: 1})
			if err != nil {
				errs <- err
				return
			}
			if len(res.Hits) == 0 || res.Hits[0].ID != 27 {
				errs <- os.ErrInvalid
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	got := indexDirs(t, dir)
	indexes := 0
	for _, name := range got {
		if strings.HasPrefix(name, "index-") {
			indexes++
		}
	}
	if indexes != 1 {
		t.Errorf("cache holds %v, want exactly one index", got)
	}
	ix, err := openCachedT(t, dir)
	if err != nil || ix.Built {
		t.Fatalf("after the race the index should open without rebuilding: %v", err)
	}
	ix.Close()
}

// TestCorruptCacheIsRebuilt damages a cached index in several ways and
// checks that the next open rebuilds it and still answers.
func TestCorruptCacheIsRebuilt(t *testing.T) {
	damage := map[string]func(t *testing.T, path string){
		"metadata missing": func(t *testing.T, path string) {
			os.Remove(filepath.Join(path, metaFile))
		},
		"metadata garbage": func(t *testing.T, path string) {
			os.WriteFile(filepath.Join(path, metaFile), []byte("{not json"), 0o644)
		},
		"store files truncated": func(t *testing.T, path string) {
			filepath.Walk(path, func(p string, info os.FileInfo, err error) error {
				if err == nil && !info.IsDir() && info.Name() != metaFile {
					os.Truncate(p, 0)
				}
				return nil
			})
		},
		"store deleted": func(t *testing.T, path string) {
			entries, _ := os.ReadDir(path)
			for _, e := range entries {
				if e.Name() != metaFile {
					os.RemoveAll(filepath.Join(path, e.Name()))
				}
			}
		},
		// Issue 23, item 10: damage that bbolt and zap report by panicking.
		"root.bolt truncated to 32 KB": func(t *testing.T, path string) {
			if err := os.Truncate(filepath.Join(path, "store", "root.bolt"), 32768); err != nil {
				t.Fatal(err)
			}
		},
		"zap footer garbled": func(t *testing.T, path string) {
			zaps, _ := filepath.Glob(filepath.Join(path, "store", "*.zap"))
			if len(zaps) != 1 {
				t.Fatalf("zap files %v", zaps)
			}
			info, _ := os.Stat(zaps[0])
			f, err := os.OpenFile(zaps[0], os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteAt([]byte{0, 0, 0, 0, 0, 0x10, 0, 0}, info.Size()-36)
			f.Close()
		},
		"index is a file": func(t *testing.T, path string) {
			os.RemoveAll(path)
			os.WriteFile(path, []byte("x"), 0o644)
		},
	}
	for name, fn := range damage {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			ix, err := openCachedT(t, dir)
			if err != nil {
				t.Fatal(err)
			}
			path := ix.Path
			ix.Close()
			fn(t, path)
			var warn strings.Builder
			ix, err = Open([]Source{builtin(t)}, ParseSynonyms(data.Synonyms), Options{CacheDir: dir, Warn: &warn})
			if err != nil {
				t.Fatalf("open after damage: %v", err)
			}
			defer ix.Close()
			if !ix.Built {
				t.Errorf("damaged index was not rebuilt")
			}
			if n := strings.Count(warn.String(), "\n"); name != "metadata missing" && (n != 1 || !strings.Contains(warn.String(), "is damaged")) {
				t.Errorf("want one line saying the index was rebuilt, got %q", warn.String())
			}
			warn.Reset()
			next, err := Open([]Source{builtin(t)}, ParseSynonyms(data.Synonyms), Options{CacheDir: dir, Warn: &warn})
			if err != nil || next.Built || warn.Len() > 0 {
				t.Fatalf("the run after the rebuild: %v, %q", err, warn.String())
			}
			next.Close()
			res, err := ix.Search(context.Background(), Request{Query: "csrf", Limit: 1})
			if err != nil || len(res.Hits) == 0 || res.Hits[0].ID != 44 {
				t.Errorf("search after rebuild: %v %+v", err, res)
			}
		})
	}
}

// TestUnwritableCacheFallsBackToMemory covers a read-only cache folder and
// a cache path that is a file.
func TestUnwritableCacheFallsBackToMemory(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		// Root ignores permission bits; the file case below still runs.
		t.Log("running as root: the read-only folder case is checked with a file instead")
	}
	cases := map[string]func(t *testing.T) string{
		"cache path is a file": func(t *testing.T) string {
			f := filepath.Join(t.TempDir(), "cache")
			os.WriteFile(f, []byte("x"), 0o644)
			return f
		},
		"cache parent is a file": func(t *testing.T) string {
			f := filepath.Join(t.TempDir(), "file")
			os.WriteFile(f, []byte("x"), 0o644)
			return filepath.Join(f, "djq")
		},
	}
	if os.Geteuid() != 0 && runtime.GOOS != "windows" {
		cases["read-only cache folder"] = func(t *testing.T) string {
			d := t.TempDir()
			os.Chmod(d, 0o555)
			t.Cleanup(func() { os.Chmod(d, 0o755) })
			return d
		}
	}
	for name, mk := range cases {
		t.Run(name, func(t *testing.T) {
			ix, err := openCachedT(t, mk(t))
			if err != nil {
				t.Fatalf("open: %v", err)
			}
			defer ix.Close()
			if ix.Path != "" {
				t.Errorf("expected an in-memory index, got %s", ix.Path)
			}
			res, err := ix.Search(context.Background(), Request{Query: "signals", Limit: 1})
			if err != nil || len(res.Hits) == 0 {
				t.Errorf("search: %v %+v", err, res)
			}
		})
	}
}

// TestOldEntriesCleanedUp checks that an index for another key and stale
// temporary folders are removed after a build.
func TestOldEntriesCleanedUp(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "index-django-00000000000000000old")
	otherDeck := filepath.Join(dir, "index-mydeck-00000000000000000old")
	os.MkdirAll(otherDeck, 0o755)
	os.MkdirAll(old, 0o755)
	stale := filepath.Join(dir, "tmp-abandoned")
	os.MkdirAll(stale, 0o755)
	past := mustParseTime(t)
	os.Chtimes(stale, past, past)
	fresh := filepath.Join(dir, "tmp-building-now")
	os.MkdirAll(fresh, 0o755)
	ix, err := openCachedT(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("old index was not removed")
	}
	if _, err := os.Stat(otherDeck); err != nil {
		t.Errorf("another deck's index was removed")
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale temporary folder was not removed")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("a fresh temporary folder (another djq building) was removed")
	}
}

// TestKeyChangesWithContent checks that the cache key follows the bank's
// content and nothing else.
func TestKeyChangesWithContent(t *testing.T) {
	a := Key(Source{Fingerprint: "x"})
	if Key(Source{Fingerprint: "y"}) == a {
		t.Errorf("key does not change with the content")
	}
	if Key(Source{Fingerprint: "x"}) != a {
		t.Errorf("key is not stable")
	}
}

// TestPrebuiltIsCurrent fails when data/index no longer matches the
// questions or the analysis: run go generate ./... to refresh it.
func TestPrebuiltIsCurrent(t *testing.T) {
	if !PrebuiltMatches(data.Index(), builtin(t)) {
		t.Fatal("data/index is stale: run `go generate ./...` and commit data/index")
	}
}

// TestPrebuiltIsUsed checks that a cold start with a matching prebuilt
// index copies it, and that a prebuilt index for other content is ignored.
func TestPrebuiltIsUsed(t *testing.T) {
	src := builtin(t)
	pre := filepath.Join(t.TempDir(), "pre")
	if err := BuildAt(pre, src); err != nil {
		t.Fatal(err)
	}
	syn := ParseSynonyms(data.Synonyms)
	withPre := src
	withPre.Prebuilt = os.DirFS(pre)
	for name, opts := range map[string]Options{
		"cache":    {CacheDir: t.TempDir()},
		"no cache": {NoCache: true},
	} {
		t.Run(name, func(t *testing.T) {
			ix, err := Open([]Source{withPre}, syn, opts)
			if err != nil {
				t.Fatal(err)
			}
			res, err := ix.Search(context.Background(), Request{Query: "select_related", Limit: 1})
			if err != nil || len(res.Hits) == 0 || res.Hits[0].ID != 35 {
				t.Errorf("search on the prebuilt copy: %v %+v", err, res)
			}
			tmp := ix.removeOnClose()
			ix.Close()
			if tmp != "" {
				if _, err := os.Stat(tmp); !os.IsNotExist(err) {
					t.Errorf("temporary copy %s was not removed", tmp)
				}
			}
		})
	}
	other := Source{Fingerprint: "other", Questions: src.Questions}
	if prebuiltFor(os.DirFS(pre), Key(other)) != nil {
		t.Errorf("a prebuilt index for other content was accepted")
	}
}

func mustParseTime(t *testing.T) (tm time.Time) {
	t.Helper()
	return time.Now().Add(-2 * staleAge)
}

// panickyIndex is a bleve index whose readers panic once, as a garbled
// segment can when it is first searched.
type panickyIndex struct {
	bleveIndex // embedded under another name: bleve.Index has a method Index
	panicked   *bool
}

type bleveIndex = bleve.Index

func (p panickyIndex) Advanced() (index.Index, error) {
	if !*p.panicked {
		*p.panicked = true
		panic("runtime error: slice bounds out of range [:8888122] with capacity 2958812")
	}
	return p.bleveIndex.Advanced()
}

// TestPanicOnSearchRebuilds: a panic inside bleve during the first search
// moves the cached index aside, rebuilds it, says so once, and the search
// answers (issue 23, item 10).
func TestPanicOnSearchRebuilds(t *testing.T) {
	dir := t.TempDir()
	var warn strings.Builder
	ix, err := Open([]Source{builtin(t)}, ParseSynonyms(data.Synonyms), Options{CacheDir: dir, Warn: &warn})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	panicked := false
	ix.parts[0].idx = panickyIndex{ix.parts[0].idx, &panicked}
	ix.assemble()
	res, err := ix.Search(context.Background(), Request{Query: "csrf", Limit: 1})
	if err != nil || len(res.Hits) == 0 || res.Hits[0].ID != 44 {
		t.Fatalf("search after the panic: %v %+v", err, res)
	}
	if !panicked || strings.Count(warn.String(), "\n") != 1 || !strings.Contains(warn.String(), "slice bounds out of range") {
		t.Errorf("warning %q", warn.String())
	}
}
