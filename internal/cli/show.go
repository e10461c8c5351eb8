package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/render"
)

// ShowOptions is what `djq show` was asked to do.
type ShowOptions struct {
	Refs []string
}

func newShowCmd(f *Factory, runF func(*ShowOptions) error) *cobra.Command {
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
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("show needs at least one question id, such as djq show 35 (see djq list)")
			}
			return nil
		},
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			return completeRefs(f, toComplete)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Refs = args
			if runF != nil {
				return runF(opts)
			}
			return showRun(f, opts)
		},
	}
	return cmd
}

// showRun parses every ref first (a malformed one is a usage error and
// nothing is printed), then prints the questions that exist and reports
// the ones that do not, exiting 1 if any were missing.
func showRun(f *Factory, opts *ShowOptions) error {
	refs := make([]bank.Ref, len(opts.Refs))
	for i, s := range opts.Refs {
		r, err := bank.ParseRef(s)
		if err != nil {
			return &UsageError{Err: err}
		}
		refs[i] = r
	}
	b, err := f.Bank()
	if err != nil {
		return err
	}
	var (
		qs      []*bank.Question
		missing []error
	)
	for _, r := range refs {
		q, err := b.Get(r)
		if err != nil {
			missing = append(missing, err)
			continue
		}
		qs = append(qs, q)
	}
	if len(qs) > 0 {
		if err := writeQuestions(f, qs); err != nil {
			return err
		}
	}
	switch len(missing) {
	case 0:
		return nil
	case 1:
		return &NotFoundError{Err: missing[0]}
	default:
		for _, m := range missing[:len(missing)-1] {
			fmt.Fprintf(f.IO.ErrOut, "djq: %s\n", m)
		}
		return &NotFoundError{Err: missing[len(missing)-1]}
	}
}

// writeQuestions renders full answers in the run's policy.
func writeQuestions(f *Factory, qs []*bank.Question) error {
	b, err := f.Bank()
	if err != nil {
		return err
	}
	var out strings.Builder
	if err := render.Questions(&out, f.Policy, qs, b.Lookup); err != nil {
		return err
	}
	return writeOut(f, out.String())
}

// completeRefs offers question refs with their titles as descriptions.
func completeRefs(f *Factory, toComplete string) ([]string, cobra.ShellCompDirective) {
	b, err := f.Bank()
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	var out []string
	for _, q := range b.Questions() {
		ref := q.Ref()
		if strings.HasPrefix(ref, toComplete) {
			out = append(out, cobra.CompletionWithDesc(ref, q.Title))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
