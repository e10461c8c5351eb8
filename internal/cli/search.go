package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/exitcode"
	"github.com/djq-cli/djq/internal/render"
	"github.com/djq-cli/djq/internal/search"
)

// SearchOptions is what `djq search` was asked to do.
type SearchOptions struct {
	Common
	Query   string
	Filter  filterFlags
	Limit   int
	NoCache bool
}

// maxSearchLimit bounds --limit.
const maxSearchLimit = 1000

func newSearchCmd(f *Factory, g *globals) *cobra.Command {
	opts := &SearchOptions{}
	cmd := &cobra.Command{
		Use:   "search QUERY...",
		Short: "Search questions and answers",
		Long: `Search every question and answer, best match first.

The words after "search" are one query. Identifiers match whole and in
parts (select_related, "prefetch related", INSTALLED_APPS, django-admin),
English words match their other forms (caching finds cache), common
abbreviations are understood (FBV, CBV, DRF, N+1, M2M, CSRF, ...), and a
misspelt word is corrected ("did you mean ...").

Query syntax:
  "exact phrase"    words in this order
  +word             must appear
  -word             must not appear
  --word            the literal option, as in check --deploy
  level:advanced    only this level (beginner, intermediate, advanced)
  tag:orm           only questions with this tag
  title:cache       word must be in the title
  deck:NAME         only this deck`,
		Example: `  djq search select_related
  djq search how do I cache a view
  djq search check --deploy
  djq search "form valid" -formset
  djq search signals level:advanced
  djq search csrf --format json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(strings.Join(args, " ")) == "" {
				return exitcode.Usagef("search needs a query, such as djq search select_related")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			if opts.Common, err = g.resolve(f, cmd); err != nil {
				return err
			}
			opts.Query = strings.Join(args, " ")
			if err := countFlag("limit", opts.Limit, maxSearchLimit); err != nil {
				return err
			}
			return searchRun(cmd.Context(), f, opts)
		},
	}
	addFilterFlags(cmd, f, &opts.Filter)
	cmd.Flags().IntVarP(&opts.Limit, "limit", "n", 10, fmt.Sprintf("show at most this many results, 1 to %d", maxSearchLimit))
	cmd.Flags().BoolVar(&opts.NoCache, "no-cache", false, "build the search index in memory instead of using the cache")
	return cmd
}

func searchRun(ctx context.Context, f *Factory, opts *SearchOptions) error {
	// Reject a malformed query or level before paying for the index; the
	// index validates --deck once as it opens.
	req, err := search.NewRequest(opts.Query)
	if err != nil {
		return err
	}
	lib := f.Library(opts.Common)
	flt, err := bank.NewFilter(opts.Filter.Level, "", nil, lib.Selected())
	if err != nil {
		return err
	}
	ix, err := lib.Index(opts.NoCache)
	if err != nil {
		return err
	}
	// Only a --tag needs the index's tags; asking for them first would
	// wait for the decks' files to be checked before searching.
	if opts.Filter.Tag != "" {
		tags, _, err := ix.Facets()
		if err != nil {
			return err
		}
		byTag, err := bank.NewFilter("", opts.Filter.Tag, tags, nil)
		if err != nil {
			return err
		}
		flt.Tag = byTag.Tag
	}
	req.Filter, req.Limit, req.SnippetLen = flt, opts.Limit, search.DefaultSnippetLen
	if opts.Policy.Format == render.FormatPretty && opts.Policy.TTY {
		req.SnippetLen = max(40, min(opts.Policy.Width*2-12, 220))
	}
	res, err := ix.Search(ctx, req)
	if err != nil {
		return err
	}
	if res.Corrected != "" {
		fmt.Fprintf(f.IO.ErrOut, "djq: did you mean %q? showing results for it\n", res.Corrected)
	}
	if len(res.Hits) == 0 {
		hint := "try fewer or other words, or djq list"
		if d := opts.Filter.describe(lib.Selected()); d != "" {
			hint = "try without " + d
		}
		return exitcode.NotFoundf("no questions match %q (%s)", opts.Query, hint)
	}
	var out strings.Builder
	if err := render.SearchHits(&out, opts.Policy, res.Hits); err != nil {
		return err
	}
	return writeOut(f, opts.Common, out.String())
}
