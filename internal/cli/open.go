package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/cmdutil"
	"github.com/djq-cli/djq/internal/opener"
)

// OpenOptions is what `djq open` was asked to do.
type OpenOptions struct {
	Common
	Ref   string
	Nth   int // 1-based docs link; 0 with All
	All   bool
	Print bool
	Lib   func() banker
}

func newOpenCmd(f *Factory, g *globals, runF func(*OpenOptions) error) *cobra.Command {
	opts := &OpenOptions{}
	opts.Lib = func() banker { return f.Library(opts.Common) }
	cmd := &cobra.Command{
		Use:   "open REF [N]",
		Short: "Open an answer's Django docs page in the browser",
		Long: `Open the docs page an answer was checked against: the first link, the Nth,
or all of them with --all. djq uses $BROWSER when it is set, else xdg-open
(Linux, BSD), open (macOS) or the Windows handler. When none works, or with
--print, it prints the links instead, one a line.`,
		Example: `  djq open 35
  djq open 35 2
  djq open 35 --all --print`,
		Args: func(_ *cobra.Command, args []string) error {
			return cmdutil.UsageUnless(len(args) == 1 || len(args) == 2, "open needs a question and optionally a link number, such as djq open 35 or djq open 35 2")
		},
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return completeRefs(f, toComplete)
		},
	}
	command(f, g, &opts.Common, cmd, func(_ *cobra.Command, args []string) (err error) {
		opts.Ref = args[0]
		if opts.Nth, err = cmdutil.LinkNumber(args, opts.All); err != nil {
			return err
		}
		return runWith(runF, openRun, opts)
	})
	cmd.Flags().BoolVarP(&opts.All, "all", "a", false, "open every docs link of the answer")
	cmd.Flags().BoolVarP(&opts.Print, "print", "p", false, "print the links instead of opening them")
	return cmd
}

func openRun(opts *OpenOptions) error {
	r, err := bank.ParseRef(opts.Ref)
	if err != nil {
		return err
	}
	b, err := opts.Lib().Bank()
	if err != nil {
		return err
	}
	q, err := b.Get(r)
	if err != nil {
		return err
	}
	links, err := q.DocsLinks(opts.Nth, opts.All)
	if err != nil {
		return err
	}
	if !opts.Print {
		links = opener.OnTerminal(opts.IO.Getenv, opts.IO.In, opts.IO.Out, opts.IO.ErrOut).OpenAll(links, opts.IO.ErrOut)
	}
	if len(links) > 0 {
		return writeOut(opts.Common, strings.Join(links, "\n")+"\n")
	}
	return nil
}
