package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/render"
)

// ListOptions is what `djq list` was asked to do.
type ListOptions struct {
	Common
	Filter filterFlags
}

func newListCmd(f *Factory, g *globals) *cobra.Command {
	opts := &ListOptions{}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List questions, one line each",
		Long: `List questions as one line each: id, level and title.

Filter by level or tag. Piped output has no colour and keeps whole titles,
so it works with grep, cut and awk; --format json gives every field.`,
		Example: `  djq list
  djq list --level intermediate
  djq list --tag orm
  djq list --format json`,
		Aliases: []string{"ls"},
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			if opts.Common, err = g.resolve(f, cmd); err != nil {
				return err
			}
			return listRun(f, opts)
		},
	}
	addFilterFlags(cmd, f, &opts.Filter)
	return cmd
}

func listRun(f *Factory, opts *ListOptions) error {
	sel, err := selectQuestions(f, opts.Common, opts.Filter)
	if err != nil {
		return err
	}
	var out strings.Builder
	if err := render.List(&out, opts.Policy, sel.questions); err != nil {
		return err
	}
	return writeOut(f, opts.Common, out.String())
}
