package cli

import (
	"fmt"
	"maps"
	"slices"
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
	counts := bank.TagCounts(sel.questions)
	if opts.Policy.Format == render.FormatJSON {
		return writeJSONOut(f, opts.Common, counts)
	}
	width := 0
	decks := map[string]bool{}
	for _, tc := range counts {
		width = max(width, len(tc.Tag))
		for d := range tc.ByDeck {
			decks[d] = true
		}
	}
	var out strings.Builder
	for _, tc := range counts {
		line := fmt.Sprintf("%-*s  %4d", width, tc.Tag, tc.Count)
		if len(decks) > 1 {
			var parts []string
			for _, d := range slices.Sorted(maps.Keys(tc.ByDeck)) {
				parts = append(parts, fmt.Sprintf("%s %d", d, tc.ByDeck[d]))
			}
			line += "  (" + strings.Join(parts, ", ") + ")"
		}
		out.WriteString(line + "\n")
	}
	return writeOut(f, opts.Common, out.String())
}
