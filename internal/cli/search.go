package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/cmdutil"
	"github.com/djq-cli/djq/internal/library"
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
	Lib     func() searcher
}

// searcher is what search needs of the library.
type searcher interface {
	Search(ctx context.Context, q library.Query) (*search.Result, error)
}

// maxSearchLimit bounds --limit.
const maxSearchLimit = 1000

func newSearchCmd(f *Factory, g *globals, runF func(*SearchOptions) error) *cobra.Command {
	opts := &SearchOptions{}
	opts.Lib = func() searcher { return f.Library(opts.Common) }
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
		Args: func(_ *cobra.Command, args []string) error {
			return cmdutil.UsageUnless(strings.TrimSpace(strings.Join(args, " ")) != "", "search needs a query, such as djq search select_related")
		},
	}
	command(f, g, &opts.Common, cmd, func(cmd *cobra.Command, args []string) error {
		opts.Query = strings.Join(args, " ")
		if err := cmdutil.CountFlag("limit", opts.Limit, maxSearchLimit); err != nil {
			return err
		}
		return runWith(runF, func(o *SearchOptions) error { return searchRun(cmd.Context(), o) }, opts)
	})
	addFilterFlags(cmd, f, &opts.Filter)
	cmd.Flags().IntVarP(&opts.Limit, "limit", "n", 10, fmt.Sprintf("show at most this many results, 1 to %d", maxSearchLimit))
	cmd.Flags().BoolVar(&opts.NoCache, "no-cache", false, "build the search index in memory instead of using the cache")
	return cmd
}

func searchRun(ctx context.Context, opts *SearchOptions) error {
	q := library.Query{
		Text: opts.Query, Level: opts.Filter.Level, Tag: opts.Filter.Tag,
		Limit: opts.Limit, SnippetLen: render.SnippetLen(opts.Policy), NoCache: opts.NoCache,
	}
	res, err := opts.Lib().Search(ctx, q)
	if res != nil && res.Corrected != "" {
		fmt.Fprintf(opts.IO.ErrOut, "djq: did you mean %s? showing results for it\n", res.DidYouMean(opts.Query))
	}
	if err != nil && res != nil && opts.Policy.Format == render.FormatJSON {
		_ = writeJSONOut(opts.Common, []any{}) // scripts get [] as from every JSON command; exit 1 stays
	}
	if err != nil {
		return err
	}
	return writeWith(opts.Common, func(w io.Writer) error { return render.SearchHits(w, opts.Policy, res.Hits) })
}
