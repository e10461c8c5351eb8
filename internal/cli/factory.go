package cli

import (
	"fmt"
	"sync"
	"time"

	"github.com/djq-cli/djq/data"
	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/buildinfo"
	"github.com/djq-cli/djq/internal/iostreams"
	"github.com/djq-cli/djq/internal/render"
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

// loadBuiltinBank reads the embedded deck "django".
func loadBuiltinBank(*Factory) (*bank.Bank, bank.Problems, error) {
	d, ps := bank.LoadDeck(data.Questions, data.QuestionsDir, bank.DefaultDeck, "(built in)")
	b, err := bank.New(d)
	return b, ps, err
}
