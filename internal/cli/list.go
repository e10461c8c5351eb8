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
		Args:    cmdutil.NoArgs,
	}
	command(f, g, &opts.Common, cmd, func(*cobra.Command, []string) error { return listRun(f, opts) })
	addFilterFlags(cmd, f, &opts.Filter)
	return cmd
}

func listRun(f *Factory, opts *ListOptions) error {
	sel, err := f.Library(opts.Common).Select(opts.Filter.Level, opts.Filter.Tag)
	if err != nil {
		return err
	}
	return writeWith(f, opts.Common, func(w io.Writer) error { return render.List(w, opts.Policy, sel.Questions) })
}
