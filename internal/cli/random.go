package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/cmdutil"
	"github.com/djq-cli/djq/internal/output"
	"github.com/djq-cli/djq/internal/render"
)

// RandomOptions is what `djq random` was asked to do.
type RandomOptions struct {
	Common
	Filter  filterFlags
	Count   int
	Seed    int64
	SeedSet bool
	Verbose bool
	Lib     func() selector
}

// maxRandomCount bounds --count so that a typo cannot ask for billions.
const maxRandomCount = 10000

func newRandomCmd(f *Factory, g *globals, runF func(*RandomOptions) error) *cobra.Command {
	opts := &RandomOptions{}
	opts.Lib = func() selector { return f.Library(opts.Common) }
	cmd := &cobra.Command{
		Use:   "random",
		Short: "Show one or more random questions",
		Long: `Show random questions with their answers, optionally of one level or tag.

The same --seed always picks the same questions from the same bank, so a
study plan can be shared or repeated; --verbose (and --format json) says
which seed a pick without --seed used.`,
		Example: `  djq random
  djq random --level advanced
  djq random --tag orm --count 3
  djq random --count 5 --seed 42
  djq random --verbose`,
		Annotations: rendersAnswers(),
		Args:        cmdutil.NoArgs,
	}
	command(f, g, &opts.Common, cmd, func(cmd *cobra.Command, _ []string) error {
		opts.SeedSet = cmd.Flags().Changed("seed")
		if err := cmdutil.CountFlag("count", opts.Count, maxRandomCount); err != nil {
			return err
		}
		return runWith(runF, randomRun, opts)
	})
	addFilterFlags(cmd, f, &opts.Filter)
	cmd.Flags().IntVarP(&opts.Count, "count", "n", 1, "how many questions to pick")
	cmd.Flags().Int64Var(&opts.Seed, "seed", 0, "seed for the pick; the same seed gives the same questions (default: random)")
	cmd.Flags().BoolVarP(&opts.Verbose, "verbose", "v", false, "say on stderr which seed was used, to repeat the pick with --seed")
	return cmd
}

func randomRun(opts *RandomOptions) error {
	sel, err := opts.Lib().Select(opts.Filter.Level, opts.Filter.Tag)
	if err != nil {
		return err
	}
	if opts.Count > len(sel.Questions) {
		fmt.Fprintf(opts.IO.ErrOut, "djq: only %d questions match; showing all of them\n", len(sel.Questions))
	}
	seed := bank.PickSeed(opts.Seed, opts.SeedSet, opts.Now())
	if opts.Verbose {
		fmt.Fprintf(opts.IO.ErrOut, "djq: seed %d (djq random --seed %d repeats this pick)\n", seed, seed)
	}
	qs := bank.Sample(sel.Questions, opts.Count, seed)
	if opts.Policy.Format == render.FormatJSON {
		return writeJSONOut(opts.Common, output.Seeded(qs, seed))
	}
	return writeQuestions(opts.Common, sel.Bank, qs)
}
