package cli

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/bank"
)

// filterFlags are --level and --tag as typed, plus the decks named by the
// persistent --deck flag.
type filterFlags struct {
	Level string
	Tag   string
	Decks []string
}

// addFilterFlags registers --level and --tag (and --deck when withDeck) on
// cmd, with shell completion for their values.
func addFilterFlags(cmd *cobra.Command, f *Factory, ff *filterFlags) {
	cmd.Flags().StringVarP(&ff.Level, "level", "l", "", "only questions of this level: "+strings.Join(bank.LevelNames(), ", "))
	cmd.Flags().StringVarP(&ff.Tag, "tag", "t", "", "only questions with this tag (see djq list --format json for tags)")
	registerEnumCompletion(cmd, "level", bank.LevelNames())
	_ = cmd.RegisterFlagCompletionFunc("tag", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		b, err := f.Bank()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		return b.Tags(), cobra.ShellCompDirectiveNoFileComp
	})
}

// resolve validates the filter flags against the bank: an unknown level,
// tag or deck is a usage error that lists the valid values.
func (ff filterFlags) resolve(b *bank.Bank) (bank.Filter, error) {
	return ff.resolveWith(b.Tags(), b.DeckNames())
}

// resolveWith validates the flags against known tags and deck names, which
// search reads from its index rather than loading the bank.
func (ff filterFlags) resolveWith(tags, decks []string) (bank.Filter, error) {
	var flt bank.Filter
	if ff.Level != "" {
		l, err := bank.ParseLevel(ff.Level)
		if err != nil {
			return flt, &UsageError{Err: err}
		}
		flt.Level = l
	}
	if ff.Tag != "" {
		tag := strings.ToLower(strings.TrimSpace(ff.Tag))
		if !slices.Contains(tags, tag) {
			return flt, usagef("unknown tag %q: tags are %s", ff.Tag, strings.Join(tags, ", "))
		}
		flt.Tag = tag
	}
	for _, d := range ff.Decks {
		if !slices.Contains(decks, d) {
			return flt, usagef("unknown deck %q: decks are %s (see djq decks)", d, strings.Join(decks, ", "))
		}
		flt.Decks = append(flt.Decks, d)
	}
	return flt, nil
}

// isEmpty reports whether no filter flag was given.
func (ff filterFlags) isEmpty() bool { return ff.Level == "" && ff.Tag == "" && len(ff.Decks) == 0 }

// describe renders the filter as the flags that made it, for messages.
func (ff filterFlags) describe() string {
	var parts []string
	for _, d := range ff.Decks {
		parts = append(parts, "--deck "+d)
	}
	if ff.Level != "" {
		parts = append(parts, "--level "+ff.Level)
	}
	if ff.Tag != "" {
		parts = append(parts, "--tag "+ff.Tag)
	}
	return strings.Join(parts, " ")
}

// noMatch is the not-found error for a filter that selects nothing.
func (ff filterFlags) noMatch() error {
	return notFoundf("no questions match %s (see djq list)", ff.describe())
}

// selectQuestions applies the filter flags and --deck to the bank: the one
// path list, random, quiz and export share. A filter that matches nothing
// is a not-found error naming the flags.
func (f *Factory) selectQuestions(ff *filterFlags) (*bank.Bank, bank.Filter, []*bank.Question, error) {
	b, err := f.Bank()
	if err != nil {
		return nil, bank.Filter{}, nil, err
	}
	ff.Decks = f.DeckRestriction()
	flt, err := ff.resolve(b)
	if err != nil {
		return nil, flt, nil, err
	}
	qs := b.Select(flt)
	if len(qs) == 0 {
		return nil, flt, nil, ff.noMatch()
	}
	return b, flt, qs, nil
}
