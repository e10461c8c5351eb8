package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/bank"
)

// ShowOptions is what `djq show` was asked to do.
type ShowOptions struct {
	Common
	Refs []string
}

func newShowCmd(f *Factory, g *globals) *cobra.Command {
	opts := &ShowOptions{}
	cmd := &cobra.Command{
		Use:   "show REF [REF...]",
		Short: "Show the answer to one or more questions",
		Long: `Show the full answer to one or more questions by id.

On a terminal the answer is rendered with colour and wrapped to the
window; piped or redirected it is clean Markdown with no escape codes, so
it can be appended to notes. Questions in your own decks are NAME:ID.`,
		Example: `  djq show 35
  djq show 21 35
  djq show 35 >> notes.md
  djq show 35 --format json`,
		Annotations: rendersAnswers(),
		Args: func(_ *cobra.Command, args []string) error {
			return usageUnless(len(args) > 0, "show needs at least one question id, such as djq show 35 (see djq list)")
		},
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			return completeRefs(f, toComplete)
		},
	}
	return command(f, g, &opts.Common, cmd, func(cmd *cobra.Command, args []string) error {
		opts.Refs = args
		return showRun(cmd.Context(), f, opts)
	})
}

// showRun parses every ref first (a malformed one is a usage error and
// nothing is printed), then prints the questions that exist and reports
// the ones that do not, exiting 1 if any were missing.
func showRun(ctx context.Context, f *Factory, opts *ShowOptions) error {
	refs := make([]bank.Ref, len(opts.Refs))
	for i, s := range opts.Refs {
		r, err := bank.ParseRef(s)
		if err != nil {
			return f.Library(opts.Common).SuggestRef(ctx, s, err)
		}
		refs[i] = r
	}
	b, err := f.Library(opts.Common).Bank()
	if err != nil {
		return err
	}
	qs, missing := b.GetEach(refs)
	if len(qs) > 0 {
		if err := writeQuestions(f, opts.Common, b, qs); err != nil {
			return err
		}
	}
	if len(missing) == 0 {
		return nil
	}
	for _, m := range missing[:len(missing)-1] {
		fmt.Fprintf(f.IO.ErrOut, "djq: %s\n", m)
	}
	return missing[len(missing)-1]
}

// writeQuestions renders full answers in the run's policy.
func writeQuestions(f *Factory, c Common, b *bank.Bank, qs []*bank.Question) error {
	return writeWith(f, c, func(w io.Writer) error { return c.Cache.Questions(w, c.Policy, qs, b.Lookup) })
}

// completeRefs offers question refs with their titles as descriptions.
func completeRefs(f *Factory, toComplete string) ([]string, cobra.ShellCompDirective) {
	refs, err := f.Library(Common{}).Complete(toComplete)
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	return refs, cobra.ShellCompDirectiveNoFileComp
}
