package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/cmdutil"
)

// ShowOptions is what `djq show` was asked to do.
type ShowOptions struct {
	Common
	Refs  []string
	Short bool
	Lib   func() refLookup
}

// refLookup is what show needs of the library: the bank, and a "did you
// mean" for text typed where a ref belongs.
type refLookup interface {
	banker
	SuggestRef(ctx context.Context, text string, refErr error) error
}

func newShowCmd(f *Factory, g *globals, runF func(*ShowOptions) error) *cobra.Command {
	opts := &ShowOptions{}
	opts.Lib = func() refLookup { return f.Library(opts.Common) }
	cmd := &cobra.Command{
		Use:   "show REF [REF...]",
		Short: "Show the answer to one or more questions",
		Long: `Show the full answer to one or more questions by id.

On a terminal the answer is rendered with colour and wrapped to the
window; piped or redirected it is clean Markdown with no escape codes, so
it can be appended to notes. Questions in your own decks are NAME:ID.
--short keeps the title and the direct answer (JSON: list's fields).`,
		Example: `  djq show 35
  djq show 21 35
  djq show 35 >> notes.md
  djq show 35 --format json
  djq show 21 35 --short`,
		Annotations: rendersAnswers(),
		Args: func(_ *cobra.Command, args []string) error {
			return cmdutil.UsageUnless(len(args) > 0, "show needs at least one question id, such as djq show 35 (see djq list)")
		},
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			return completeRefs(f, toComplete)
		},
	}
	cmd.Flags().BoolVarP(&opts.Short, "short", "s", false, "only the title and the direct answer (the summary), for quick revision")
	return command(f, g, &opts.Common, cmd, func(cmd *cobra.Command, args []string) error {
		opts.Refs, opts.Policy.Short = args, opts.Short
		return runWith(runF, func(o *ShowOptions) error { return showRun(cmd.Context(), o) }, opts)
	})
}

// showRun parses every ref first (a malformed one is a usage error and
// nothing is printed), then prints the questions that exist and reports
// the ones that do not, exiting 1 if any were missing.
func showRun(ctx context.Context, opts *ShowOptions) error {
	refs := make([]bank.Ref, len(opts.Refs))
	for i, s := range opts.Refs {
		r, err := bank.ParseRef(s)
		if err != nil {
			return opts.Lib().SuggestRef(ctx, s, err)
		}
		refs[i] = r
	}
	b, err := opts.Lib().Bank()
	if err != nil {
		return err
	}
	qs, missing := b.GetEach(refs)
	if len(qs) > 0 {
		if err := writeQuestions(opts.Common, b, qs); err != nil {
			return err
		}
	}
	if len(missing) == 0 {
		return nil
	}
	for _, m := range missing[:len(missing)-1] {
		fmt.Fprintf(opts.IO.ErrOut, "djq: %s\n", m)
	}
	return missing[len(missing)-1]
}

// writeQuestions renders full answers in the run's policy.
func writeQuestions(c Common, b *bank.Bank, qs []*bank.Question) error {
	return writeWith(c, func(w io.Writer) error { return c.Cache.Questions(w, c.Policy, qs, b.Lookup) })
}

// completeRefs offers question refs with their titles as descriptions.
func completeRefs(f *Factory, toComplete string) ([]string, cobra.ShellCompDirective) {
	return cmdutil.Candidates(f.Library(Common{}).Complete(toComplete))
}
