package cli

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/buildinfo"
	"github.com/djq-cli/djq/internal/iostreams"
	"github.com/djq-cli/djq/internal/library"
	"github.com/djq-cli/djq/internal/paths"
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

	mu   sync.Mutex
	libs map[string]*library.Library
}

// NewFactory returns a factory over the given streams.
func NewFactory(ios *iostreams.IOStreams) *Factory {
	return &Factory{IO: ios, Now: time.Now, Build: buildinfo.Get()}
}

// Decks is the --deck selection of one run: deck names, or folders to load.
type Decks []string

// Library returns the questions of the selection, the same library for
// the same selection.
func (f *Factory) Library(sel Decks) *library.Library {
	key := strings.Join(sel, "\x00")
	f.mu.Lock()
	defer f.mu.Unlock()
	if l := f.libs[key]; l != nil {
		return l
	}
	if f.libs == nil {
		f.libs = map[string]*library.Library{}
	}
	l := library.New(library.Options{
		Getenv: f.IO.Getenv, Warn: f.IO.ErrOut, Select: sel,
		LoadBank: f.loadBank,
	})
	f.libs[key] = l
	return l
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
