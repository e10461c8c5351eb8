package cli

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/djq-cli/djq/data"
	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/buildinfo"
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
		loadBank: loadBuiltinBank,
	}
}

// Bank returns every question djq knows, loading the decks on first use.
// Files that cannot be used are reported once each on stderr as
// "skipping FILE: reason" and the rest still load.
func (f *Factory) Bank() (*bank.Bank, error) {
	f.bankOnce.Do(func() {
		b, problems, err := f.loadBank(f)
		for _, p := range problems {
			if p.Fatal {
				fmt.Fprintf(f.IO.ErrOut, "djq: skipping %s\n", p.Error())
			}
		}
		f.bank, f.bankErr = b, err
	})
	return f.bank, f.bankErr
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

// Index returns the search index, opened from the cache or built on first
// use. Only search (and completion that needs it) pays for it.
func (f *Factory) Index() (*search.Index, error) {
	f.indexOnce.Do(func() {
		fp, err := bank.Fingerprint(data.Questions, data.QuestionsDir)
		if err != nil {
			f.indexErr = err
			return
		}
		src := search.Source{
			Name:        bank.DefaultDeck,
			Prebuilt:    data.Index(),
			Fingerprint: fp,
			Questions: func() ([]*bank.Question, error) {
				b, err := f.Bank()
				if err != nil {
					return nil, err
				}
				return b.Questions(), nil
			},
		}
		var debug io.Writer
		if f.IO.Getenv("DJQ_DEBUG") == "1" {
			debug = f.IO.ErrOut
		}
		f.index, f.indexErr = search.Open([]search.Source{src}, search.ParseSynonyms(data.Synonyms), search.Options{
			CacheDir: f.Paths().Cache,
			NoCache:  f.NoCache,
			Version:  f.Build.Version + " " + f.Build.Commit,
			Debug:    debug,
		})
	})
	return f.index, f.indexErr
}

// loadBuiltinBank reads the embedded deck "django".
func loadBuiltinBank(*Factory) (*bank.Bank, bank.Problems, error) {
	d, ps := bank.LoadDeck(data.Questions, data.QuestionsDir, bank.DefaultDeck, "(built in)")
	b, err := bank.New(d)
	return b, ps, err
}
