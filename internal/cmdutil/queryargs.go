package cmdutil

import (
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
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
// that they are not yet in the flag sets QueryArgs looks at: --help shows
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
