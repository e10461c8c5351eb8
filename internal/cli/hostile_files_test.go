//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// hostileEnv gives every folder djq uses a place under root, never the
// real home.
func hostileEnv(root string) map[string]string {
	return map[string]string{
		"HOME":           filepath.Join(root, "home"),
		"DJQ_CACHE_DIR":  filepath.Join(root, "cache"),
		"DJQ_STATE_DIR":  filepath.Join(root, "state"),
		"DJQ_CONFIG_DIR": filepath.Join(root, "config"),
		"DJQ_DATA_DIR":   filepath.Join(root, "data"),
	}
}

// runWithin runs djq in-process and fails the test instead of hanging
// when it has not finished within d.
func runWithin(t *testing.T, d time.Duration, o runOpts, args ...string) (int, string, string) {
	t.Helper()
	type result struct {
		code           int
		stdout, stderr string
	}
	done := make(chan result, 1)
	go func() {
		code, out, errOut := run(t, o, args...)
		done <- result{code, out, errOut}
	}()
	select {
	case r := <-done:
		return r.code, r.stdout, r.stderr
	case <-time.After(d):
		t.Fatalf("djq %s did not finish within %v", strings.Join(args, " "), d)
		return 0, "", ""
	}
}

// TestHostileDecks: each row adds one hostile file to a generated deck
// folder beside a good question; every command must still finish quickly,
// show the good question, and name the skipped file with why (issue 23,
// items 7, 8 and 13).
func TestHostileDecks(t *testing.T) {
	good := question(1, "A good question", "beginner", "A good answer.")
	tests := []struct {
		name       string
		setup      func(t *testing.T, deck, outside string)
		wantStderr string
		wantRefs   []string // besides hostile:1
	}{
		{"a FIFO named like a question", func(t *testing.T, deck, _ string) {
			if err := syscall.Mkfifo(filepath.Join(deck, "x.md"), 0o644); err != nil {
				t.Skip(err)
			}
		}, `"x.md" is a named pipe (FIFO), not a regular file`, nil},
		{"a link to /dev/zero", func(t *testing.T, deck, _ string) {
			os.Symlink("/dev/zero", filepath.Join(deck, "x.md"))
		}, `"x.md" is a link to "/dev/zero", outside the deck folder`, nil},
		{"a link to a file outside the deck", func(t *testing.T, deck, outside string) {
			secret := filepath.Join(outside, "secret.md")
			os.WriteFile(secret, []byte(question(2, "SECRET", "beginner", "secret answer")), 0o600)
			os.Symlink(secret, filepath.Join(deck, "x.md"))
		}, `outside the deck folder: djq follows links only within the deck folder`, nil},
		{"a relative link that climbs out", func(t *testing.T, deck, outside string) {
			os.WriteFile(filepath.Join(outside, "secret.md"), []byte(question(2, "SECRET", "beginner", "secret")), 0o600)
			os.Symlink("../outside/secret.md", filepath.Join(deck, "x.md"))
		}, `"x.md" is a link to "../outside/secret.md", outside the deck folder`, nil},
		{"a link within the deck is followed", func(t *testing.T, deck, _ string) {
			os.WriteFile(filepath.Join(deck, "real.txt"), []byte(question(5, "Linked", "beginner", "linked answer")), 0o644)
			os.Symlink("real.txt", filepath.Join(deck, "five.md"))
		}, "", []string{"hostile:5"}},
		{"a broken link", func(t *testing.T, deck, _ string) {
			os.Symlink("nowhere.md", filepath.Join(deck, "x.md"))
		}, `"x.md" is a link to "nowhere.md", which does not exist`, nil},
		{"a folder named like a question behind a link", func(t *testing.T, deck, outside string) {
			os.Mkdir(filepath.Join(deck, "sub"), 0o755)
			os.Symlink("sub", filepath.Join(deck, "x.md"))
		}, `"x.md" is a folder, not a regular file`, nil},
		{"100,000 tags", func(t *testing.T, deck, _ string) {
			tags := make([]string, 100_000)
			for i := range tags {
				tags[i] = "t" + itoa(i)
			}
			os.WriteFile(filepath.Join(deck, "x.md"), []byte("---\nid: 2\ntitle: T\nlevel: beginner\ntags: ["+strings.Join(tags, ",")+"]\n---\nbody\n"), 0o644)
		}, "x.md:5: 100000 tags (at most 50)", nil},
		{"1,000 nested quotes", func(t *testing.T, deck, _ string) {
			os.WriteFile(filepath.Join(deck, "x.md"), []byte(question(2, "T", "beginner", strings.Repeat("> ", 1000)+"deep")), 0o644)
		}, "nest 1000 deep here (at most 8)", nil},
		{"a 900 KB word", func(t *testing.T, deck, _ string) {
			os.WriteFile(filepath.Join(deck, "x.md"), []byte(question(2, "T", "beginner", strings.Repeat("x", 900_000))), 0o644)
		}, "the answer has 900000 bytes (at most 65536)", nil},
		{"a 20,000-character word", func(t *testing.T, deck, _ string) {
			os.WriteFile(filepath.Join(deck, "x.md"), []byte(question(2, "T", "beginner", strings.Repeat("x", 20_000))), 0o644)
		}, "a word of 20000 characters (at most 512 outside code blocks)", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			deck := writeDeck(t, filepath.Join(root, "hostile"), map[string]string{"001.md": good})
			outside := filepath.Join(root, "outside")
			os.Mkdir(outside, 0o755)
			tc.setup(t, deck, outside)
			o := runOpts{env: hostileEnv(root)}
			for _, args := range [][]string{
				{"list", "--deck", deck},
				{"show", "--deck", deck, "hostile:1", "--format", "pretty", "--no-pager"},
				{"search", "--deck", deck, "good"},
				{"decks", "check", deck},
			} {
				code, stdout, stderr := runWithin(t, 20*time.Second, o, args...)
				if args[0] == "decks" {
					if !strings.Contains(stdout+stderr, strings.Trim(tc.wantStderr, `"`)) {
						t.Errorf("decks check does not report it:\n%s%s", stdout, stderr)
					}
					continue
				}
				if code != 0 || !strings.Contains(stdout, "good") && !strings.Contains(stdout, "A good") {
					t.Errorf("%v: exit %d\n%s\n%s", args, code, stdout, stderr)
				}
				if strings.Contains(stdout, "SECRET") || strings.Contains(stdout, "secret answer") {
					t.Errorf("%v shows the file outside the deck", args)
				}
				if tc.wantStderr == "" && stderr != "" || !strings.Contains(stderr, tc.wantStderr) {
					t.Errorf("%v: stderr %q, want %q", args, stderr, tc.wantStderr)
				}
				if args[0] == "list" {
					for _, ref := range tc.wantRefs {
						if !strings.Contains(stdout, ref) {
							t.Errorf("list lacks %s:\n%s", ref, stdout)
						}
					}
				}
			}
		})
	}
}

// TestNoCacheLeavesNoTemporaryIndex: search --no-cache, and a search with
// no usable cache folder, remove their temporary index when they return
// (issue 23, item 12).
func TestNoCacheLeavesNoTemporaryIndex(t *testing.T) {
	sys := t.TempDir()
	t.Setenv("TMPDIR", sys)
	root := t.TempDir()
	env := hostileEnv(root)
	os.WriteFile(filepath.Join(root, "cache-is-a-file"), nil, 0o600)
	noCacheDir := hostileEnv(root)
	noCacheDir["DJQ_CACHE_DIR"] = filepath.Join(root, "cache-is-a-file")
	for _, o := range []runOpts{{env: env}, {env: noCacheDir}} {
		args := []string{"search", "select_related", "--no-cache"}
		if o.env["DJQ_CACHE_DIR"] != env["DJQ_CACHE_DIR"] {
			args = args[:2]
		}
		code, stdout, stderr := run(t, o, args...)
		if code != 0 || !strings.Contains(stdout, "35") {
			t.Fatalf("%v: exit %d %s %s", args, code, stdout, stderr)
		}
		if left, _ := filepath.Glob(filepath.Join(sys, "djq-index-*")); len(left) > 0 {
			t.Errorf("%v left %v", args, left)
		}
	}
}

// TestCacheIsPrivate: what djq caches about a private deck (its index, its
// compact copy, rendered answers, stamps) is readable by its owner only
// (issue 23, item 13).
func TestCacheIsPrivate(t *testing.T) {
	root := t.TempDir()
	deck := writeDeck(t, filepath.Join(root, "private"), map[string]string{"001.md": question(1, "Our secret plan", "beginner", "The secret answer.")})
	o := runOpts{tty: true, width: 80, env: hostileEnv(root)}
	for _, args := range [][]string{{"search", "--deck", deck, "secret"}, {"show", "--deck", deck, "private:1", "--no-pager"}} {
		if code, _, stderr := run(t, o, args...); code != 0 {
			t.Fatalf("%v: exit %d %s", args, code, stderr)
		}
	}
	cache := o.env["DJQ_CACHE_DIR"]
	files := 0
	filepath.WalkDir(cache, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		info, _ := d.Info()
		switch {
		case d.IsDir() && info.Mode().Perm() != 0o700:
			t.Errorf("folder %s has mode %v, want 0700", p, info.Mode().Perm())
		case !d.IsDir() && filepath.Dir(p) == cache || strings.HasSuffix(p, ".txt"):
			files++
			if info.Mode().Perm()&0o077 != 0 {
				t.Errorf("file %s has mode %v, want 0600", p, info.Mode().Perm())
			}
		}
		return nil
	})
	if files < 4 {
		t.Errorf("only %d cache files checked", files)
	}
}
