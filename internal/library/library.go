// Package library is the questions selected for one run: the built-in deck
// and the user's decks that --deck asks for (found and loaded by
// internal/decks), the --level/--tag selection, and the search index over
// them. Everything is found and loaded lazily and at most once, so that
// `djq show 35` reads one deck and never opens the index. Deck folders
// themselves (add, remove, check, the compact cache) belong to decks, and
// quiz progress to state: library reads neither.
package library

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/djq-cli/djq/data"
	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/decks"
	"github.com/djq-cli/djq/internal/sanitize"
	"github.com/djq-cli/djq/internal/search"
)

// DeckCommands are the commands that keep to the decks --deck names (they
// call Select, Search or Refs, which apply Selected). The root's help for
// --deck lists them from here, and a test runs every command against this
// list, so the help cannot claim a command that ignores the flag again.
var DeckCommands = []string{"list", "random", "search", "browse", "quiz", "export", "tags", "stats"}

// DeckCommandList is DeckCommands as help text says it: "list, random,
// … and stats".
func DeckCommandList() string {
	last := len(DeckCommands) - 1
	return strings.Join(DeckCommands[:last], ", ") + " and " + DeckCommands[last]
}

// Options are what a library is made from.
type Options struct {
	// Getenv reads the environment (HOME, DJQ_DECKS, DJQ_DEBUG).
	Getenv func(string) string
	// Warn gets one line per skipped file or folder.
	Warn io.Writer
	// Select is the --deck values: deck names, or folders to load.
	Select []string
	// Decks is the environment's user decks, shared by every library of a
	// process; nil makes one from Getenv and Warn.
	Decks *decks.Env
	// LoadBank replaces the loading of the bank (tests).
	LoadBank func(*Library) (*bank.Bank, error)
	// Progress makes a progress report for long work; nil for none.
	Progress func(label string) Reporter
}

// Reporter hears how far long work has got.
type Reporter interface {
	Update(done, total int)
	Done()
}

// report returns a progress callback for label that ends the report when
// the work is complete, or nil when progress is off.
func (l *Library) report(label string) func(done, total int) {
	if l.opts.Progress == nil {
		return nil
	}
	r := l.opts.Progress(label)
	if r == nil {
		return nil
	}
	return func(done, total int) {
		r.Update(done, total)
		if done >= total {
			r.Done()
		}
	}
}

// Library is the questions of one --deck selection.
type Library struct {
	opts  Options
	decks *decks.Env

	locOnce sync.Once
	locs    []decks.Location
	locErr  error

	bankOnce sync.Once
	bank     *bank.Bank
	bankErr  error

	ixMu sync.Mutex
	ix   map[bool]*indexSlot
}

type indexSlot struct {
	once sync.Once
	ix   *search.Index
	err  error
}

// New returns the library for opts; nothing is read until asked for.
func New(opts Options) *Library {
	d := opts.Decks
	if d == nil {
		d = decks.NewEnv(opts.Getenv, opts.Warn)
	}
	return &Library{opts: opts, decks: d}
}

// Locations finds the user's decks without loading them.
func (l *Library) Locations() ([]decks.Location, error) {
	l.locOnce.Do(func() { l.locs, l.locErr = l.decks.Locate(l.opts.Select) })
	return l.locs, l.locErr
}

func (l *Library) warnf(format string, args ...any) {
	if l.opts.Warn != nil {
		fmt.Fprintf(l.opts.Warn, "djq: %s\n", sanitize.Message(fmt.Sprintf(format, args...)))
	}
}

// Selected is the deck names --deck asks for: names as given, and the
// names of the folders given; empty means every deck.
func (l *Library) Selected() []string {
	var names []string
	for _, a := range l.opts.Select {
		name := a
		if decks.IsPath(a) {
			if abs, err := filepath.Abs(l.decks.ExpandHome(a)); err == nil {
				name = filepath.Base(abs)
			}
		}
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	return names
}

// DeckNames lists every deck name, the built-in first, without loading
// any deck.
func (l *Library) DeckNames() ([]string, error) {
	locs, err := l.Locations()
	if err != nil {
		return nil, err
	}
	var names []string
	for _, loc := range locs {
		names = append(names, loc.Name)
	}
	slices.Sort(names)
	return append([]string{bank.DefaultDeck}, names...), nil
}

// Tags lists the tags of every question of the selection (--tag's
// completion).
func (l *Library) Tags() ([]string, error) {
	b, err := l.Bank()
	if err != nil {
		return nil, err
	}
	return b.Tags(), nil
}

// Check is the one validation of --deck: every name it gives must be a
// known deck, else an UnknownDeckError (a usage error).
func (l *Library) Check() error {
	known, err := l.DeckNames()
	if err != nil {
		return err
	}
	for _, n := range l.Selected() {
		if !slices.Contains(known, n) {
			return &bank.UnknownDeckError{Name: n, Known: known}
		}
	}
	return nil
}

// Bank returns every question of every deck, each deck loaded on first
// use; files that cannot be used are reported once each as "skipping
// FILE: reason" and the rest still load.
func (l *Library) Bank() (*bank.Bank, error) {
	l.bankOnce.Do(func() {
		load := l.opts.LoadBank
		if load == nil {
			load = loadBank
		}
		l.bank, l.bankErr = load(l)
		if l.bank != nil {
			l.bank.OnProblems = func(ps bank.Problems) {
				for _, p := range ps {
					if p.Fatal {
						l.warnf("skipping %s", p.Error())
					}
				}
			}
		}
	})
	return l.bank, l.bankErr
}

// loadBank makes the bank of the built-in deck and every user deck, all
// loaded lazily.
func loadBank(l *Library) (*bank.Bank, error) {
	all := []*bank.Deck{bank.LazyDeck(bank.DefaultDeck, "(built in)", builtinDeck)}
	locs, err := l.Locations()
	if err != nil {
		return nil, err
	}
	for _, loc := range locs {
		all = append(all, bank.LazyDeck(loc.Name, loc.Path, func() (*bank.Deck, bank.Problems) { return l.decks.Load(loc, l.report("reading deck "+loc.Name)) }))
	}
	return bank.New(all...)
}

// builtinDeck decodes the built-in deck from the compact form made at build
// time; a damaged binary falls back to parsing the embedded files.
func builtinDeck() (*bank.Deck, bank.Problems) {
	if d, _, err := data.Builtin(); err == nil {
		return d, nil
	}
	return bank.LoadDeck(data.Questions, data.QuestionsDir, bank.DefaultDeck, "(built in)")
}

// Index returns the search index over the selected decks, opened from the
// cache or built on first use (in memory with noCache).
func (l *Library) Index(noCache bool) (*search.Index, error) {
	l.ixMu.Lock()
	if l.ix == nil {
		l.ix = map[bool]*indexSlot{}
	}
	slot := l.ix[noCache]
	if slot == nil {
		slot = &indexSlot{}
		l.ix[noCache] = slot
	}
	l.ixMu.Unlock()
	slot.once.Do(func() { slot.ix, slot.err = l.openIndex(noCache) })
	return slot.ix, slot.err
}

func (l *Library) openIndex(noCache bool) (*search.Index, error) {
	if err := l.Check(); err != nil {
		return nil, err
	}
	locs, err := l.Locations()
	if err != nil {
		return nil, err
	}
	only := l.Selected()
	want := func(name string) bool { return len(only) == 0 || slices.Contains(only, name) }
	var srcs []search.Source
	if want(bank.DefaultDeck) {
		fp, err := data.Fingerprint()
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, search.Source{
			Name: bank.DefaultDeck, Prebuilt: data.Index(), Fingerprint: fp,
			Questions: l.deckQuestions(bank.DefaultDeck),
		})
	}
	for _, loc := range locs {
		if !want(loc.Name) {
			continue
		}
		srcs = append(srcs, search.Source{
			Name: loc.Name,
			FingerprintFunc: func() (string, error) {
				fp, err := l.decks.Fingerprint(loc)
				if err != nil {
					return "", fmt.Errorf("reading deck %s: %w", loc.Path, err)
				}
				return fp, nil
			},
			Questions: l.deckQuestions(loc.Name),
			Progress:  l.report("indexing deck " + loc.Name),
		})
	}
	var debug io.Writer
	if l.opts.Getenv("DJQ_DEBUG") == "1" {
		debug = l.opts.Warn
	}
	return search.Open(srcs, search.ParseSynonyms(data.Synonyms), search.Options{
		CacheDir: l.decks.Paths().Cache,
		NoCache:  noCache,
		Debug:    debug,
		Warn:     l.opts.Warn,
	})
}

// Close releases the search indexes this library opened, which removes a
// temporary one (search --no-cache, or no usable cache folder) from disk.
func (l *Library) Close() error {
	l.ixMu.Lock()
	defer l.ixMu.Unlock()
	var first error
	for _, slot := range l.ix {
		slot.once.Do(func() {}) // an index not opened yet never will be
		if slot.ix != nil {
			if err := slot.ix.Close(); err != nil && first == nil {
				first = err
			}
			slot.ix = nil
		}
	}
	return first
}

// deckQuestions loads one deck's questions when an index must be built.
func (l *Library) deckQuestions(name string) func() ([]*bank.Question, error) {
	return func() ([]*bank.Question, error) {
		b, err := l.Bank()
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
