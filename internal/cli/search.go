package cli

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/djq-cli/djq/internal/library"
	"github.com/djq-cli/djq/internal/render"
	"github.com/djq-cli/djq/internal/sanitize"
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
		Limit: opts.Limit, SnippetLen: search.DefaultSnippetLen, NoCache: opts.NoCache,
	}
	if opts.Policy.Format == render.FormatPretty && opts.Policy.TTY {
		q.SnippetLen = max(40, min(opts.Policy.Width*2-12, 220))
	}
	res, err := f.Library(opts.Common).Search(ctx, q)
	if res != nil && res.Corrected != "" {
		fmt.Fprintf(f.IO.ErrOut, "djq: did you mean %s? showing results for it\n", didYouMean(opts.Query, res))
	}
	if err != nil {
		if res != nil && opts.Policy.Format == render.FormatJSON {
			// Scripts get an empty list, as from every JSON command; exit 1 stays.
			_ = writeJSONOut(f, opts.Common, []any{})
		}
		return err
	}
	return writeWith(f, opts.Common, func(w io.Writer) error { return render.SearchHits(w, opts.Policy, res.Hits) })
}

// didYouMean is the corrected query, or for a long one only the words
// that were corrected ("from" for "form"), which a cut query would hide.
func didYouMean(query string, res *search.Result) string {
	if len(query) <= 60 || len(res.Fixes) == 0 {
		return sanitize.Quote(res.Corrected)
	}
	parts := make([]string, len(res.Fixes))
	for i, fx := range res.Fixes {
		parts[i] = sanitize.Quote(fx[1]) + " for " + sanitize.Quote(fx[0])
	}
	return strings.Join(parts, ", ")
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
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			words = append(words, args[i+1:]...)
			break
		}
		if isSearchWord(cmd, a) {
			words = append(words, a)
			continue
		}
		keep = append(keep, a)
		if takesValue(cmd, a) && i+1 < len(args) {
			// "--limit -1": the next argument is the flag's value, even
			// when it looks like a word to exclude.
			i++
			keep = append(keep, args[i])
		}
	}
	if len(words) == 0 {
		return args
	}
	return append(append(keep, "--"), words...)
}

// djqFlags are djq's own flags that cobra adds when a command runs, so
// that they are not yet in the flag sets queryArgs looks at: --help shows
// search's help, --version is refused as a flag of search, and neither is
// ever searched for.
var djqFlags = map[string]bool{"help": true, "version": true}

// takesValue reports whether a (a flag of cmd, as typed) takes its value
// from the next argument: "--limit" or "-n", not "--limit=3", "-n3" or a
// boolean flag.
func takesValue(cmd *cobra.Command, a string) bool {
	var fl *pflag.Flag
	if name, ok := strings.CutPrefix(a, "--"); ok {
		if strings.Contains(name, "=") {
			return false
		}
		if fl = cmd.Flags().Lookup(name); fl == nil {
			fl = cmd.InheritedFlags().Lookup(name)
		}
	} else if len(a) == 2 {
		if fl = cmd.Flags().ShorthandLookup(a[1:]); fl == nil {
			fl = cmd.InheritedFlags().ShorthandLookup(a[1:])
		}
	}
	return fl != nil && fl.NoOptDefVal == ""
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
		return !djqFlags[name] && cmd.Flags().Lookup(name) == nil && cmd.InheritedFlags().Lookup(name) == nil
	}
	short := a[1:2]
	if short == "h" && len(a) == 2 {
		return false
	}
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
