package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/exitcode"
	"github.com/djq-cli/djq/internal/opener"
	"github.com/djq-cli/djq/internal/quiz"
)

// OpenOptions is what `djq open` was asked to do.
type OpenOptions struct {
	Common
	Ref   string
	Nth   int // 1-based docs link; 0 with All
	All   bool
	Print bool
}

func newOpenCmd(f *Factory, g *globals) *cobra.Command {
	opts := &OpenOptions{}
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
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 1 || len(args) > 2 {
				return exitcode.Usagef("open needs a question and optionally a link number, such as djq open 35 or djq open 35 2")
			}
			return nil
		},
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return completeRefs(f, toComplete)
		},
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			if opts.Common, err = g.resolve(f, cmd); err != nil {
				return err
			}
			opts.Ref, opts.Nth = args[0], 1
			if len(args) == 2 {
				if opts.All {
					return exitcode.Usagef("give a link number or --all, not both")
				}
				if opts.Nth, err = strconv.Atoi(args[1]); err != nil || opts.Nth < 1 {
					return exitcode.Usagef("invalid link number %q: use 1 for the first docs link, 2 for the second, ...", args[1])
				}
			}
			return openRun(f, opts)
		},
	}
	cmd.Flags().BoolVarP(&opts.All, "all", "a", false, "open every docs link of the answer")
	cmd.Flags().BoolVarP(&opts.Print, "print", "p", false, "print the links instead of opening them")
	return cmd
}

func openRun(f *Factory, opts *OpenOptions) error {
	r, err := bank.ParseRef(opts.Ref)
	if err != nil {
		return err
	}
	b, err := f.Library(opts.Common).Bank()
	if err != nil {
		return err
	}
	q, err := b.Get(r)
	if err != nil {
		return err
	}
	links := q.Docs
	switch {
	case len(links) == 0:
		return exitcode.NotFoundf("question %s has no docs links", q.Ref())
	case !opts.All && opts.Nth > len(links):
		return exitcode.Usagef("question %s has %s: use a number from 1 to %d", q.Ref(), quiz.Count(len(links), "docs link"), len(links))
	case !opts.All:
		links = links[opts.Nth-1 : opts.Nth]
	}
	if opts.Print {
		return writeOut(f, opts.Common, strings.Join(links, "\n")+"\n")
	}
	o := opener.New(f.IO.Getenv)
	var unopened []string
	for _, l := range links {
		if err := o.Open(l); err != nil {
			if !errors.Is(err, opener.ErrNoOpener) {
				fmt.Fprintf(f.IO.ErrOut, "djq: could not open a browser: %v\n", err)
			} else if len(unopened) == 0 {
				fmt.Fprintln(f.IO.ErrOut, "djq: no browser to open (set $BROWSER); here are the links")
			}
			unopened = append(unopened, l)
		}
	}
	if len(unopened) > 0 {
		return writeOut(f, opts.Common, strings.Join(unopened, "\n")+"\n")
	}
	return nil
}
