package cmdutil

import (
	"strconv"
	"strings"

	"github.com/spf13/cobra"
)

// QueryArgs lets search queries use -word to exclude a word: pflag would
// read "-formset" as the shorthand flags f, o, r... For the search command,
// a dash-word that is not one of its flags is moved after "--", where it is
// a query word like any other (exclusions do not depend on their place).
func QueryArgs(root *cobra.Command, args []string) []string {
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
