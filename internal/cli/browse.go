package cli

import (
	"context"
	"os"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/browse"
	"github.com/djq-cli/djq/internal/cmdutil"
	"github.com/djq-cli/djq/internal/exitcode"
	"github.com/djq-cli/djq/internal/opener"
	"github.com/djq-cli/djq/internal/render"
	"github.com/djq-cli/djq/internal/renderenv"
)

// BrowseOptions is what `djq browse` was asked to do.
type BrowseOptions struct {
	Common
	Filter filterFlags
	Query  string
	Lib    func() browser
}

// browser is what browse needs of the library: the questions to list, and
// the refs a live search finds.
type browser interface {
	selector
	Refs(ctx context.Context, query string, level bank.Level) ([]string, error)
}

func newBrowseCmd(f *Factory, g *globals, runF func(*BrowseOptions) error) *cobra.Command {
	opts := &BrowseOptions{}
	opts.Lib = func() browser { return f.Library(opts.Common) }
	cmd := &cobra.Command{
		Use:   "browse",
		Short: "Browse questions interactively, with live search and a rendered preview",
		Long: `Browse questions in a full-screen terminal view: the list on the left, the
rendered answer on the right (below it on terminals narrower than 100
columns). Type / to search live, Tab to cycle the level, Enter to read an
answer full screen, r for a random question, o to open its first docs
link in the browser, ? for help, q to quit. --query starts with a search.

p quits and prints the selected answer as Markdown on stdout. Like fzf,
browse draws on the terminal itself (/dev/tty) even when stdout is
redirected, so djq browse >> notes.md picks an answer; Ctrl-C exits 130.`,
		Example: `  djq browse
  djq browse --level advanced
  djq browse --query "how do I cache a view"
  djq browse >> notes.md`,
		Args: cmdutil.NoArgs,
	}
	command(f, g, &opts.Common, cmd, func(cmd *cobra.Command, _ []string) error {
		return runWith(runF, func(o *BrowseOptions) error { return browseRun(cmd.Context(), o) }, opts)
	})
	addLevelFlag(cmd, &opts.Filter.Level, "start with this level")
	cmd.Flags().StringVarP(&opts.Query, "query", "q", "", "start with this search, as typed after /")
	return cmd
}

// openTTY opens the controlling terminal; replaced in tests.
var openTTY = func() (*os.File, error) { return os.OpenFile("/dev/tty", os.O_RDWR, 0) }

func browseRun(ctx context.Context, opts *BrowseOptions) error {
	sel, err := opts.Lib().Select("", opts.Filter.Tag)
	if err != nil {
		return err
	}
	// The level is where browse starts, not a filter.
	start, err := bank.NewFilter(opts.Filter.Level, "", nil, nil)
	if err != nil {
		return err
	}
	tty, err := openTTY()
	if err != nil {
		return exitcode.Usagef("browse needs a terminal (%v); use djq list, djq show or djq search instead", exitcode.UnwrapPath(err))
	}
	defer tty.Close()
	cfg := browseConfig(ctx, opts, sel.Questions, start.Level)
	cfg.Query = opts.Query
	cfg.Open = opener.New(opts.IO.Getenv).Open
	q, err := browse.Run(cfg, tty, opts.IO.TermEnv())
	if q != nil {
		return writeOut(opts.Common, render.Markdown(q, sel.Bank.Lookup))
	}
	return err
}

// browseConfig wires browse to the library's search and to rendering on
// the terminal.
func browseConfig(ctx context.Context, opts *BrowseOptions, qs []*bank.Question, level bank.Level) browse.Config {
	p := renderenv.OnTerminal(opts.Policy, opts.IO)
	return browse.Config{
		Questions: qs,
		Level:     level,
		Seed:      uint64(opts.Now().UnixNano()),
		Search: func(query string, lvl bank.Level) ([]string, error) {
			return opts.Lib().Refs(ctx, query, lvl)
		},
		Render: func(q *bank.Question, width int) string {
			return opts.Cache.Answer(p, q, max(width-4, render.MinWidth))
		},
	}
}
