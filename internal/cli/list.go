package cli

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/cmdutil"
	"github.com/djq-cli/djq/internal/render"
)

// ListOptions is what `djq list` was asked to do.
type ListOptions struct {
	Common
	Filter  filterFlags
	Summary bool
	Lib     func() selector
}

func newListCmd(f *Factory, g *globals, runF func(*ListOptions) error) *cobra.Command {
	opts := &ListOptions{}
	opts.Lib = func() selector { return f.Library(opts.Common) }
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List questions, one line each",
		Long: `List questions as one line each: id, level and title.

Filter by level or tag. Piped output has no colour and keeps whole titles,
so it works with grep, cut and awk; --format json gives every field.
--summary follows each line with the question's direct answer.`,
		Example: `  djq list
  djq list --level intermediate
  djq list --tag orm --summary
  djq list --format json`,
		Aliases: []string{"ls"},
		Args:    cmdutil.NoArgs,
	}
	command(f, g, &opts.Common, cmd, func(*cobra.Command, []string) error { return runWith(runF, listRun, opts) })
	addFilterFlags(cmd, f, &opts.Filter)
	cmd.Flags().BoolVarP(&opts.Summary, "summary", "s", false, "follow each line with the question's summary, wrapped to the width")
	return cmd
}

func listRun(opts *ListOptions) error {
	sel, err := opts.Lib().Select(opts.Filter.Level, opts.Filter.Tag)
	if err != nil {
		return err
	}
	return writeWith(opts.Common, func(w io.Writer) error {
		return render.ListWith(w, opts.Policy, sel.Questions, render.ListOptions{Level: sel.Filter.Level, Summaries: opts.Summary})
	})
}
