package cli

import (
	"context"
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
	"github.com/djq-cli/djq/internal/render"
	"github.com/djq-cli/djq/internal/search"
)

// Factory hands commands their dependencies. Expensive ones are built
// lazily and at most once, so that `show` never pays for the search index
// and shell completion pays only for what it completes.
type Factory struct {
	IO *iostreams.IOStreams
	// Now is the clock, fixed in tests.
	Now func() time.Time
	// Build is the version information printed by --version.
	Build buildinfo.Info

	// loadBank reads every deck; replaced in tests.
	loadBank func(f *Factory) (*bank.Bank, bank.Problems, error)

	bankOnce sync.Once
	bank     *bank.Bank
	bankErr  error

	// DeckArgs are the --deck values: deck names, or folders to load.
	DeckArgs []string

	locOnce sync.Once
	locs    []decks.Location
	locErr  error

	// PagerMode is --pager / --no-pager.
	PagerMode iostreams.PagerMode

	// NoCache makes the search index in memory (--no-cache).
	NoCache bool

	indexOnce sync.Once
	index     *search.Index
	indexErr  error

	// ctx is the command's context, for cancellable work.
	ctx context.Context

	// Policy is the rendering decision, made once per command run by the
	// root command's pre-run from the persistent flags.
	Policy render.Policy
}

// NewFactory returns a factory over the given streams and the built-in bank.
func NewFactory(ios *iostreams.IOStreams) *Factory {
	return &Factory{
		IO:       ios,
		Now:      time.Now,
		Build:    buildinfo.Get(),
		loadBank: loadBank,
	}
}

// Bank returns every question djq knows. Decks load on first use; files
// that cannot be used are reported once each on stderr as
// "skipping FILE: reason" and the rest still load.
func (f *Factory) Bank() (*bank.Bank, error) {
	f.bankOnce.Do(func() {
		b, problems, err := f.loadBank(f)
		f.warn(problems)
		if b != nil {
			b.OnProblems = f.warn
		}
		f.bank, f.bankErr = b, err
	})
	return f.bank, f.bankErr
}

func (f *Factory) warn(ps bank.Problems) {
	for _, p := range ps {
		if p.Fatal {
			fmt.Fprintf(f.IO.ErrOut, "djq: skipping %s\n", p.Error())
		}
	}
}

// UserDecks locates the user's decks (not loading them): the data folder's
// decks, $DJQ_DECKS and --deck folders.
func (f *Factory) UserDecks() ([]decks.Location, error) {
	f.locOnce.Do(func() {
		var paths []string
		for _, a := range f.DeckArgs {
			if decks.IsPath(a) {
				paths = append(paths, expandHome(a, f.IO.Getenv("HOME")))
			}
		}
		var warnings []error
		f.locs, warnings, f.locErr = decks.Locate(decks.Sources{
			DataDir: f.Paths().Data,
			EnvList: f.IO.Getenv("DJQ_DECKS"),
			Flags:   paths,
		})
		for _, w := range warnings {
			fmt.Fprintf(f.IO.ErrOut, "djq: skipping %v\n", w)
		}
	})
	return f.locs, f.locErr
}

// DeckRestriction is the deck names --deck asks for: names as given, and
// the names of the folders given.
func (f *Factory) DeckRestriction() []string {
	var names []string
	for _, a := range f.DeckArgs {
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
func (f *Factory) DeckNames() ([]string, error) {
	locs, err := f.UserDecks()
	if err != nil {
		return nil, err
	}
	names := []string{bank.DefaultDeck}
	for _, l := range locs {
		names = append(names, l.Name)
	}
	return names, nil
}

func expandHome(p, home string) string {
	if home != "" && (p == "~" || strings.HasPrefix(p, "~/")) {
		return filepath.Join(home, strings.TrimPrefix(p, "~"))
	}
	return p
}

// Paths returns djq's folders for this environment.
func (f *Factory) Paths() paths.Paths { return paths.Resolve(f.IO.Getenv) }

// Context is the running command's context.
func (f *Factory) Context() context.Context {
	if f.ctx == nil {
		return context.Background()
	}
	return f.ctx
}

// Index returns the search index over the decks a search may touch (all,
// or those --deck names), opened from the cache or built on first use.
// Only search pays for it.
func (f *Factory) Index() (*search.Index, error) {
	f.indexOnce.Do(func() {
		f.index, f.indexErr = f.openIndex()
	})
	return f.index, f.indexErr
}

func (f *Factory) openIndex() (*search.Index, error) {
	locs, err := f.UserDecks()
	if err != nil {
		return nil, err
	}
	only := f.DeckRestriction()
	want := func(name string) bool { return len(only) == 0 || slices.Contains(only, name) }
	var srcs []search.Source
	if want(bank.DefaultDeck) {
		fp, err := bank.Fingerprint(data.Questions, data.QuestionsDir)
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, search.Source{
			Name: bank.DefaultDeck, Prebuilt: data.Index(), Fingerprint: fp,
			Questions: f.deckQuestions(bank.DefaultDeck),
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
			Questions: f.deckQuestions(loc.Name),
		})
	}
	if len(srcs) == 0 {
		return nil, usagef("unknown deck %q: decks are %s (see djq decks)", strings.Join(only, ", "), strings.Join(mustNames(f), ", "))
	}
	var debug io.Writer
	if f.IO.Getenv("DJQ_DEBUG") == "1" {
		debug = f.IO.ErrOut
	}
	return search.Open(srcs, search.ParseSynonyms(data.Synonyms), search.Options{
		CacheDir: f.Paths().Cache,
		NoCache:  f.NoCache,
		Debug:    debug,
	})
}

func mustNames(f *Factory) []string {
	names, _ := f.DeckNames()
	return names
}

// deckQuestions loads one deck's questions when an index must be built.
func (f *Factory) deckQuestions(name string) func() ([]*bank.Question, error) {
	return func() ([]*bank.Question, error) {
		b, err := f.Bank()
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
func loadBank(f *Factory) (*bank.Bank, bank.Problems, error) {
	all := []*bank.Deck{bank.LazyDeck(bank.DefaultDeck, "(built in)", func() (*bank.Deck, bank.Problems) {
		return bank.LoadDeck(data.Questions, data.QuestionsDir, bank.DefaultDeck, "(built in)")
	})}
	locs, err := f.UserDecks()
	if err != nil {
		return nil, nil, err
	}
	for _, loc := range locs {
		all = append(all, bank.LazyDeck(loc.Name, loc.Path, func() (*bank.Deck, bank.Problems) { return decks.Load(loc) }))
	}
	b, err := bank.New(all...)
	return b, nil, err
}
