package cli

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/cmdutil"
	"github.com/djq-cli/djq/internal/exitcode"
	"github.com/djq-cli/djq/internal/render"
	"github.com/djq-cli/djq/internal/sanitize"
	"github.com/djq-cli/djq/internal/state"
)

// StatsOptions is what `djq stats` was asked to do.
type StatsOptions struct {
	Common
	Reset bool
	Yes   bool
	Lib   func() selector
	// Store opens the quiz progress file.
	Store func() (*state.Store, error)
}

func newStatsCmd(f *Factory, g *globals, runF func(*StatsOptions) error) *cobra.Command {
	opts := &StatsOptions{Store: f.StateStore}
	opts.Lib = func() selector { return f.Library(opts.Common) }
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Show quiz progress: new, learning, due and mastered cards, streak, recent reviews",
		Long: `Show quiz progress per level and per deck (with --deck, of those decks
only): new cards (never reviewed), learning, due today, and mastered
(remembered for 21 days or more); the streak of days with reviews; and a
chart of reviews over the last 14 days. --format json gives the same
figures, with "reviews" the number of grades ever recorded.

--reset forgets all progress after asking (or with --yes); the previous
state is kept beside it as state.json.reset-TIME, which later grades do
not touch.`,
		Example: `  djq stats
  djq stats --format json
  djq stats --reset --yes`,
		Args: cmdutil.NoArgs,
	}
	command(f, g, &opts.Common, cmd, func(*cobra.Command, []string) error {
		if err := cmdutil.UsageUnless(opts.Reset || !opts.Yes, "--yes only answers the question --reset asks: use djq stats --reset --yes"); err != nil {
			return err
		}
		if opts.Reset {
			return runWith(runF, statsReset, opts)
		}
		return runWith(runF, statsRun, opts)
	})
	cmd.Flags().BoolVar(&opts.Reset, "reset", false, "forget all quiz progress (asks first)")
	cmd.Flags().BoolVarP(&opts.Yes, "yes", "y", false, "with --reset: do not ask")
	return cmd
}

func statsRun(opts *StatsOptions) error {
	store, err := opts.Store()
	if err != nil {
		return err
	}
	st, err := store.Load()
	if err != nil {
		return err
	}
	sel, err := opts.Lib().Select("", "")
	if err != nil {
		return err
	}
	s := state.ComputeStats(sel.Questions, st.OnlyDecks(sel.Filter.Decks), opts.Now())
	return writeWith(opts.Common, func(w io.Writer) error { return render.Stats(w, opts.Policy, s) })
}

func statsReset(opts *StatsOptions) error {
	store, err := opts.Store()
	if err != nil {
		return err
	}
	if !opts.Yes {
		if !opts.IO.IsStdinTTY() {
			return exitcode.Usagef("stats --reset asks for confirmation on a terminal; add --yes to reset without asking")
		}
		if !opts.IO.Confirm(fmt.Sprintf("Forget all quiz progress in %s? A copy stays in %s%sTIME.", store.Path, store.Path, state.ResetSuffix)) {
			fmt.Fprintln(opts.IO.ErrOut, "djq: nothing changed")
			return nil
		}
	}
	backup, err := store.Reset(opts.Now())
	if err == nil && backup != "" {
		fmt.Fprintf(opts.IO.ErrOut, "djq: quiz progress reset; the previous state is in %s\n", sanitize.Name(backup))
	} else if err == nil {
		fmt.Fprintln(opts.IO.ErrOut, "djq: there was no quiz progress to reset")
	}
	return err
}
