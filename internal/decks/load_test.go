package decks

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/djq-cli/djq/internal/cachefile"
)

// compactCopies lists the compact deck copies in the cache folder.
func compactCopies(t *testing.T, cache string) []string {
	t.Helper()
	got, _ := filepath.Glob(filepath.Join(cache, "deck-*.bin"))
	for i := range got {
		got[i] = filepath.Base(got[i])
	}
	return got
}

// TestLoadThroughCache: the first load writes one private compact copy,
// the next reads it, a damaged copy is ignored and rewritten, an edit
// replaces the copy, and a deck with problems is never cached.
func TestLoadThroughCache(t *testing.T) {
	for _, tt := range []struct {
		name    string
		prepare func(t *testing.T, fx *envFixture, cache string) // between the first and second load
		want    int                                              // compact copies after the second load
	}{
		{name: "warm", want: 1},
		{name: "emptied copy", want: 1, prepare: func(t *testing.T, _ *envFixture, cache string) {
			for _, c := range compactCopies(t, cache) {
				os.WriteFile(filepath.Join(cache, c), nil, 0o600)
			}
		}},
		{name: "garbled copy", want: 1, prepare: func(t *testing.T, _ *envFixture, cache string) {
			for _, c := range compactCopies(t, cache) {
				b, _ := os.ReadFile(filepath.Join(cache, c))
				b[len(b)-1] ^= 0xff
				os.WriteFile(filepath.Join(cache, c), b, 0o600)
			}
		}},
		{name: "edited deck replaces the copy", want: 1, prepare: func(t *testing.T, fx *envFixture, _ string) {
			p := filepath.Join(fx.deckDir, "001-what-is-this-deck.md")
			b, _ := os.ReadFile(p)
			os.WriteFile(p, append(b, "\nOne more line.\n"...), 0o644)
		}},
		{name: "another deck's copy stays", want: 2, prepare: func(t *testing.T, _ *envFixture, cache string) {
			cachefile.Write(cache, "deck-mine-b-l2-0123456789abcdef01234567.bin", []byte("x"))
		}},
		{name: "a broken deck is not cached", want: 0, prepare: func(t *testing.T, fx *envFixture, cache string) {
			os.RemoveAll(cache)
			os.WriteFile(filepath.Join(fx.deckDir, "9.md"), []byte("---\nid: 9\nlevel: guru\n---\n"), 0o644)
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fx := newEnvFixture(t)
			cache := fx.vars["DJQ_CACHE_DIR"]
			loc := Location{Name: "mine", Path: fx.deckDir}
			first, ps := fx.env().Load(loc, nil)
			if len(ps) > 0 || len(first.Questions) == 0 {
				t.Fatalf("first load: %d questions, problems %v", len(first.Questions), ps)
			}
			if got := compactCopies(t, cache); len(got) != 1 {
				t.Fatalf("after the first load the cache holds %q", got)
			}
			if tt.prepare != nil {
				tt.prepare(t, fx, cache)
			}
			second, _ := fx.env().Load(loc, nil)
			if len(second.Questions) == 0 || second.Questions[0].Title != first.Questions[0].Title {
				t.Errorf("second load: %d questions", len(second.Questions))
			}
			got := compactCopies(t, cache)
			if len(got) != tt.want {
				t.Errorf("after the second load the cache holds %q, want %d copies", got, tt.want)
			}
			for _, c := range got {
				if info, _ := os.Stat(filepath.Join(cache, c)); info.Mode().Perm() != 0o600 {
					t.Errorf("%s has mode %v, want 0600", c, info.Mode().Perm())
				}
				if strings.HasPrefix(c, "deck-mine-l2-") {
					if _, err := cachefile.Read(cache, c); err != nil {
						t.Errorf("%s: %v", c, err)
					}
				}
			}
		})
	}
}

func TestIsCompactCopy(t *testing.T) {
	fp := "0123456789abcdef01234567"
	for _, tt := range []struct {
		name string
		want bool
	}{
		{"deck-a-l2-" + fp + ".bin", true},
		{"deck-a-" + fp + ".bin", true}, // before "l2"
		{"deck-a-b-l2-" + fp + ".bin", false},
		{"deck-a-l2-" + fp[:20] + ".bin", false},
		{"deck-a-l2-" + fp + ".json", false},
		{"stamp-a-0123456789ab.json", false},
	} {
		if got := isCompactCopy(tt.name, "deck-a-"); got != tt.want {
			t.Errorf("isCompactCopy(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestStampsThroughCache: a stamp is a private cache entry, and a damaged
// one only means a full check.
func TestStampsThroughCache(t *testing.T) {
	fx := newEnvFixture(t)
	cache := fx.vars["DJQ_CACHE_DIR"]
	loc := Location{Name: "mine", Path: fx.deckDir}
	want, err := fx.env().Fingerprint(loc)
	if err != nil {
		t.Fatal(err)
	}
	stamps, _ := filepath.Glob(filepath.Join(cache, "stamp-mine-*.json"))
	if len(stamps) != 1 {
		t.Fatalf("stamps %q", stamps)
	}
	for _, damage := range [][]byte{nil, []byte("{not json"), []byte("djq-cache 3 abc\n{}")} {
		os.WriteFile(stamps[0], damage, 0o600)
		if got, err := fx.env().Fingerprint(loc); err != nil || got != want {
			t.Errorf("with stamp %q: %s, %v; want %s", damage, got, err, want)
		}
	}
	if names := compactCopies(t, cache); !slices.Equal(names, nil) {
		t.Errorf("fingerprinting wrote copies %q", names)
	}
}
