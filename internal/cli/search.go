package cli

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/library"
	"github.com/djq-cli/djq/internal/render"
	"github.com/djq-cli/djq/internal/sanitize"
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
		Args: func(_ *cobra.Command, args []string) error {
			return usageUnless(strings.TrimSpace(strings.Join(args, " ")) != "", "search needs a query, such as djq search select_related")
		},
	}
	command(f, g, &opts.Common, cmd, func(cmd *cobra.Command, args []string) error {
		opts.Query = strings.Join(args, " ")
		if err := countFlag("limit", opts.Limit, maxSearchLimit); err != nil {
			return err
		}
		return searchRun(cmd.Context(), f, opts)
	})
	addFilterFlags(cmd, f, &opts.Filter)
	cmd.Flags().IntVarP(&opts.Limit, "limit", "n", 10, fmt.Sprintf("show at most this many results, 1 to %d", maxSearchLimit))
	cmd.Flags().BoolVar(&opts.NoCache, "no-cache", false, "build the search index in memory instead of using the cache")
	return cmd
}

func searchRun(ctx context.Context, f *Factory, opts *SearchOptions) error {
	q := library.Query{
		Text: opts.Query, Level: opts.Filter.Level, Tag: opts.Filter.Tag,
		Limit: opts.Limit, SnippetLen: render.SnippetLen(opts.Policy), NoCache: opts.NoCache,
	}
	res, err := f.Library(opts.Common).Search(ctx, q)
	if res != nil && res.Corrected != "" {
		fmt.Fprintf(f.IO.ErrOut, "djq: did you mean %s? showing results for it\n", sanitize.Quote(res.Corrected))
	}
	if err != nil {
		return err
	}
	return writeWith(f, opts.Common, func(w io.Writer) error { return render.SearchHits(w, opts.Policy, res.Hits) })
}

// queryArgs lets search queries use -word to exclude a word: pflag would
// read "-formset" as the shorthand flags f, o, r... For the search command,
// a dash-word that is not one of its flags is moved after "--", where it is
// a query word like any other (exclusions do not depend on their place).
func queryArgs(root *cobra.Command, args []string) []string {
	cmd, _, err := root.Find(args)
	if err != nil || cmd.Name() != "search" {
		return args
	}
	var keep, words []string
	for i, a := range args {
		if a == "--" {
			words = append(words, args[i+1:]...)
			break
		}
		if isSearchWord(cmd, a) {
			words = append(words, a)
		} else {
			keep = append(keep, a)
		}
	}
	if len(words) == 0 {
		return args
	}
	return append(append(keep, "--"), words...)
}

// isSearchWord reports whether a dash-prefixed argument is a query word
// rather than a flag of cmd: "-formset" is a word, "-n", "-n5", "--limit"
// and "--limit=3" are flags, and a "--name" that is no flag of search is a
// word ("--deploy" in `djq search check --deploy`).
func isSearchWord(cmd *cobra.Command, a string) bool {
	if !strings.HasPrefix(a, "-") || a == "-" || a == "--" {
		return false
	}
	if name, ok := strings.CutPrefix(a, "--"); ok {
		name, _, _ = strings.Cut(name, "=")
		return cmd.Flags().Lookup(name) == nil && cmd.InheritedFlags().Lookup(name) == nil
	}
	short := a[1:2]
	fl := cmd.Flags().ShorthandLookup(short)
	if fl == nil {
		fl = cmd.InheritedFlags().ShorthandLookup(short)
	}
	if fl == nil {
		return true
	}
	rest := a[2:]
	if rest == "" || strings.HasPrefix(rest, "=") {
		return false
	}
	// "-n5": a shorthand with its value stuck on; anything else is a word.
	_, err := strconv.Atoi(rest)
	return err != nil
}
