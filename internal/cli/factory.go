package cli

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/buildinfo"
	"github.com/djq-cli/djq/internal/decks"
	"github.com/djq-cli/djq/internal/iostreams"
	"github.com/djq-cli/djq/internal/library"
	"github.com/djq-cli/djq/internal/progress"
	"github.com/djq-cli/djq/internal/state"
)

// Factory hands commands their dependencies. It is built once per process
// and never changed afterwards; what differs per run (the rendering
// policy, --deck, --no-cache) lives in each command's options. The
// library of questions for a --deck selection is made on first use, so
// that shell completion and `show` pay only for what they touch.
type Factory struct {
	IO *iostreams.IOStreams
	// Now is the clock, fixed in tests.
	Now func() time.Time
	// Build is the version information printed by --version.
	Build buildinfo.Info

	// loadBank replaces the bank loading (tests).
	loadBank func(*library.Library) (*bank.Bank, error)

	mu    sync.Mutex
	libs  map[string]*library.Library
	decks *decks.Env
}

// NewFactory returns a factory over the given streams.
func NewFactory(ios *iostreams.IOStreams) *Factory {
	return &Factory{IO: ios, Now: time.Now, Build: buildinfo.Get()}
}

// Library returns the questions of a run's --deck selection, the same
// library for the same selection. Long work (indexing or reading a large
// deck) shows a progress bar on stderr when it is a terminal and the run
// is not --quiet.
func (f *Factory) Library(c Common) *library.Library {
	sel := c.Decks
	key := strings.Join(sel, "\x00") + fmt.Sprint(c.Quiet)
	f.mu.Lock()
	defer f.mu.Unlock()
	if l := f.libs[key]; l != nil {
		return l
	}
	if f.libs == nil {
		f.libs = map[string]*library.Library{}
	}
	l := library.New(library.Options{
		Getenv: f.IO.Getenv, Warn: f.IO.ErrOut, Select: sel, Decks: f.decksLocked(),
		LoadBank: f.loadBank,
		Progress: f.progress(c),
	})
	f.libs[key] = l
	return l
}

// Decks is the user's deck folders (add, remove, new, check, djq paths),
// one for the process, shared by every library.
func (f *Factory) Decks() *decks.Env {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.decksLocked()
}

func (f *Factory) decksLocked() *decks.Env {
	if f.decks == nil {
		f.decks = decks.NewEnv(f.IO.Getenv, f.IO.ErrOut)
	}
	return f.decks
}

// StateStore is the quiz progress file of this environment.
func (f *Factory) StateStore() (*state.Store, error) { return state.OpenIn(f.Decks().Paths().State) }

// closeLibraries releases what the run's libraries opened (temporary indexes).
func (f *Factory) closeLibraries() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, l := range f.libs {
		_ = l.Close()
	}
}

// progress makes the progress bars of a run, or none when stderr is not a
// terminal or the run is --quiet.
func (f *Factory) progress(c Common) func(label string) library.Reporter {
	c.IO = f.IO
	return func(label string) library.Reporter {
		if b := c.bar(label); b != nil {
			return b
		}
		return nil
	}
}

// bar is one progress bar on stderr, nil when stderr is no terminal or
// the run is --quiet.
func (c Common) bar(label string) *progress.Bar {
	return progress.New(c.IO.ErrOut, c.IO.IsStderrTTY() && !c.Quiet, c.IO.TerminalWidth(), label)
}
