package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/render"
)

// TagsOptions is what `djq tags` was asked to do.
type TagsOptions struct {
	Common
	Level string
}

func newTagsCmd(f *Factory, g *globals) *cobra.Command {
	opts := &TagsOptions{}
	cmd := &cobra.Command{
		Use:   "tags",
		Short: "List the tags with how many questions carry each",
		Long: `List every tag with the number of questions that carry it, most used first,
and per deck when there are several. Use a tag with --tag in list, random,
quiz and export, or with tag: in a search.`,
		Example: `  djq tags
  djq tags --level advanced
  djq tags --format json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			if opts.Common, err = g.resolve(f, cmd); err != nil {
				return err
			}
			return tagsRun(f, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Level, "level", "l", "", "count only questions of this level: "+strings.Join(bank.LevelNames(), ", "))
	registerEnumCompletion(cmd, "level", bank.LevelNames())
	return cmd
}

func tagsRun(f *Factory, opts *TagsOptions) error {
	sel, err := selectQuestions(f, opts.Common, filterFlags{Level: opts.Level})
	if err != nil {
		return err
	}
	var out strings.Builder
	if err := render.Tags(&out, opts.Policy, bank.TagCounts(sel.questions)); err != nil {
		return err
	}
	return writeOut(f, opts.Common, out.String())
}
