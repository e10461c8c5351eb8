package cli

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/cmdutil"
	"github.com/djq-cli/djq/internal/render"
)

// TagsOptions is what `djq tags` was asked to do.
type TagsOptions struct {
	Common
	Level string
	Lib   func() selector
}

func newTagsCmd(f *Factory, g *globals, runF func(*TagsOptions) error) *cobra.Command {
	opts := &TagsOptions{}
	opts.Lib = func() selector { return f.Library(opts.Common) }
	cmd := &cobra.Command{
		Use:   "tags",
		Short: "List the tags with how many questions carry each",
		Long: `List every tag with the number of questions that carry it, most used first,
and per deck when there are several. Use a tag with --tag in list, random,
quiz and export, or with tag: in a search.`,
		Example: `  djq tags
  djq tags --level advanced
  djq tags --format json`,
		Args: cmdutil.NoArgs,
	}
	command(f, g, &opts.Common, cmd, func(*cobra.Command, []string) error { return runWith(runF, tagsRun, opts) })
	addLevelFlag(cmd, &opts.Level, "count only questions of this level")
	return cmd
}

func tagsRun(opts *TagsOptions) error {
	sel, err := opts.Lib().Select(opts.Level, "")
	if err != nil {
		return err
	}
	return writeWith(opts.Common, func(w io.Writer) error {
		return render.Tags(w, opts.Policy, bank.TagCounts(sel.Questions))
	})
}
