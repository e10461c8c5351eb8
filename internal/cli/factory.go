package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/djq-cli/djq/data"
	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/buildinfo"
	"github.com/djq-cli/djq/internal/decks"
	"github.com/djq-cli/djq/internal/iostreams"
	"github.com/djq-cli/djq/internal/paths"
	"github.com/djq-cli/djq/internal/search"
	"github.com/djq-cli/djq/internal/state"
)

// Factory hands commands their dependencies. It is built once per process
// and never changed afterwards; what differs per run (the rendering
// policy, --deck, --no-cache) lives in each command's options. Expensive
// parts are built lazily and at most once, so that `show` never pays for
// the search index and shell completion pays only for what it completes.
type Factory struct {
	IO *iostreams.IOStreams
	// Now is the clock, fixed in tests.
	Now func() time.Time
	// Build is the version information printed by --version.
	Build buildinfo.Info

	// loadBank reads every deck; replaced in tests.
	loadBank func(f *Factory, sel Decks) (*bank.Bank, error)

	mu      sync.Mutex
	banks   map[string]*lazy[*bank.Bank]
	indexes map[string]*lazy[*search.Index]
	locs    map[string]*lazy[[]decks.Location]
}

// lazy is a value built on first use.
type lazy[T any] struct {
	once sync.Once
	v    T
	err  error
}

func (l *lazy[T]) get(build func() (T, error)) (T, error) {
	l.once.Do(func() { l.v, l.err = build() })
	return l.v, l.err
}

// memo returns the lazy slot for key in m, creating both as needed.
func memo[T any](mu *sync.Mutex, m *map[string]*lazy[T], key string) *lazy[T] {
	mu.Lock()
	defer mu.Unlock()
	if *m == nil {
		*m = map[string]*lazy[T]{}
	}
	l := (*m)[key]
	if l == nil {
		l = &lazy[T]{}
		(*m)[key] = l
	}
	return l
}

// NewFactory returns a factory over the given streams and the built-in bank.
func NewFactory(ios *iostreams.IOStreams) *Factory {
	return &Factory{IO: ios, Now: time.Now, Build: buildinfo.Get(), loadBank: loadBank}
}

// Decks is the --deck selection of one run: deck names, or folders to load.
type Decks []string

func (d Decks) key() string { return strings.Join(d, "\x00") }

// Bank returns every question djq knows with the --deck folders of sel
// added. Decks load on first use; files that cannot be used are reported
// once each on stderr as "skipping FILE: reason" and the rest still load.
func (f *Factory) Bank(sel Decks) (*bank.Bank, error) {
	return memo(&f.mu, &f.banks, sel.key()).get(func() (*bank.Bank, error) {
		b, err := f.loadBank(f, sel)
		if b != nil {
			b.OnProblems = f.warn
		}
		return b, err
	})
}

func (f *Factory) warn(ps bank.Problems) {
	for _, p := range ps {
		if p.Fatal {
			fmt.Fprintf(f.IO.ErrOut, "djq: skipping %s\n", p.Error())
		}
	}
}

// UserDecks locates the user's decks (not loading them): the data folder's
// decks, $DJQ_DECKS and the --deck folders of sel.
func (f *Factory) UserDecks(sel Decks) ([]decks.Location, error) {
	return memo(&f.mu, &f.locs, sel.key()).get(func() ([]decks.Location, error) {
		var folders []string
		for _, a := range sel {
			if decks.IsPath(a) {
				folders = append(folders, expandHome(a, f.IO.Getenv("HOME")))
			}
		}
		reg, err := f.Registry()
		if err != nil {
			fmt.Fprintf(f.IO.ErrOut, "djq: skipping the list of added decks: %v\n", err)
			reg = &decks.Registry{}
		}
		locs, warnings, err := decks.Locate(decks.Sources{
			DataDir: f.Paths().Data,
			EnvList: f.IO.Getenv("DJQ_DECKS"),
			Flags:   folders,
			Added:   reg.Folders,
		})
		for _, w := range warnings {
			fmt.Fprintf(f.IO.ErrOut, "djq: skipping %v\n", w)
		}
		return locs, err
	})
}

// Registry reads the list of deck folders added with `djq decks add`, in
// the config folder; with no config folder it is empty.
func (f *Factory) Registry() (*decks.Registry, error) {
	dir := f.Paths().Config
	if dir == "" {
		return &decks.Registry{}, nil
	}
	return decks.ReadRegistry(filepath.Join(dir, decks.RegistryFile))
}

// Names is the deck names sel asks for: names as given, and the names of
// the folders given.
func (f *Factory) Names(sel Decks) []string {
	var names []string
	for _, a := range sel {
		name := a
		if decks.IsPath(a) {
			if abs, err := filepath.Abs(expandHome(a, f.IO.Getenv("HOME"))); err == nil {
				name = filepath.Base(abs)
			}
		}
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	return names
}

// DeckNames lists every deck name without loading any deck.
func (f *Factory) DeckNames(sel Decks) ([]string, error) {
	locs, err := f.UserDecks(sel)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, l := range locs {
		names = append(names, l.Name)
	}
	slices.Sort(names)
	return append([]string{bank.DefaultDeck}, names...), nil
}

// checkDecks is the one validation of --deck: every name it gives must be
// a known deck (a usage error otherwise).
func (f *Factory) checkDecks(sel Decks) error {
	known, err := f.DeckNames(sel)
	if err != nil {
		return err
	}
	for _, n := range f.Names(sel) {
		if !slices.Contains(known, n) {
			return &bank.UnknownDeckError{Name: n, Known: known}
		}
	}
	return nil
}

func expandHome(p, home string) string {
	if home != "" && (p == "~" || strings.HasPrefix(p, "~/")) {
		return filepath.Join(home, strings.TrimPrefix(p, "~"))
	}
	return p
}

// Paths returns djq's folders for this environment.
func (f *Factory) Paths() paths.Paths { return paths.Resolve(f.IO.Getenv) }

// StateStore returns the quiz state file, or an error that says how to
// get one when there is no state folder.
func (f *Factory) StateStore() (*state.Store, error) {
	dir := f.Paths().State
	if dir == "" {
		return nil, fmt.Errorf("no folder to keep quiz progress in: set DJQ_STATE_DIR (or HOME)")
	}
	return state.Open(dir), nil
}

// Index returns the search index over the decks a search may touch (all,
// or those sel names), opened from the cache or built on first use. Only
// search and browse pay for it.
func (f *Factory) Index(sel Decks, noCache bool) (*search.Index, error) {
	key := sel.key() + fmt.Sprintf("\x00%t", noCache)
	return memo(&f.mu, &f.indexes, key).get(func() (*search.Index, error) { return f.openIndex(sel, noCache) })
}

func (f *Factory) openIndex(sel Decks, noCache bool) (*search.Index, error) {
	if err := f.checkDecks(sel); err != nil {
		return nil, err
	}
	locs, err := f.UserDecks(sel)
	if err != nil {
		return nil, err
	}
	only := f.Names(sel)
	want := func(name string) bool { return len(only) == 0 || slices.Contains(only, name) }
	var srcs []search.Source
	if want(bank.DefaultDeck) {
		fp, err := bank.Fingerprint(data.Questions, data.QuestionsDir)
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, search.Source{
			Name: bank.DefaultDeck, Prebuilt: data.Index(), Fingerprint: fp,
			Questions: f.deckQuestions(sel, bank.DefaultDeck),
		})
	}
	for _, loc := range locs {
		if !want(loc.Name) {
			continue
		}
		srcs = append(srcs, search.Source{
			Name: loc.Name,
			FingerprintFunc: func() (string, error) {
				fp, err := decks.Fingerprint(loc)
				if err != nil {
					return "", fmt.Errorf("reading deck %s: %w", loc.Path, err)
				}
				return fp, nil
			},
			Questions: f.deckQuestions(sel, loc.Name),
		})
	}
	var debug io.Writer
	if f.IO.Getenv("DJQ_DEBUG") == "1" {
		debug = f.IO.ErrOut
	}
	return search.Open(srcs, search.ParseSynonyms(data.Synonyms), search.Options{
		CacheDir: f.Paths().Cache,
		NoCache:  noCache,
		Version:  f.Build.Version,
		Debug:    debug,
	})
}

// deckQuestions loads one deck's questions when an index must be built.
func (f *Factory) deckQuestions(sel Decks, name string) func() ([]*bank.Question, error) {
	return func() ([]*bank.Question, error) {
		b, err := f.Bank(sel)
		if err != nil {
			return nil, err
		}
		d := b.Deck(name)
		if d == nil {
			return nil, fmt.Errorf("deck %s vanished", name)
		}
		return d.Questions, nil
	}
}

// loadBank makes the bank of the built-in deck "django" and every user
// deck, all loaded lazily.
func loadBank(f *Factory, sel Decks) (*bank.Bank, error) {
	all := []*bank.Deck{bank.LazyDeck(bank.DefaultDeck, "(built in)", func() (*bank.Deck, bank.Problems) {
		return bank.LoadDeck(data.Questions, data.QuestionsDir, bank.DefaultDeck, "(built in)")
	})}
	locs, err := f.UserDecks(sel)
	if err != nil {
		return nil, err
	}
	for _, loc := range locs {
		all = append(all, bank.LazyDeck(loc.Name, loc.Path, func() (*bank.Deck, bank.Problems) { return decks.Load(loc) }))
	}
	return bank.New(all...)
}
