package cmdutil

import (
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/errkind"
	"github.com/djq-cli/djq/internal/sanitize"
)

// Args is what djq hands cobra for a command line: a bare question
// reference where a command belongs reads as show (ShowShortcut), and
// search's -word query words are kept as words (QueryArgs).
func Args(root *cobra.Command, args []string) []string {
	return QueryArgs(root, ShowShortcut(root, args))
}

// ShowShortcut makes `djq 35 --format md` mean `djq show 35 --format md`,
// as tldr shows a page named as its first argument: people reach for the
// reference before the verb. Only an argument that is a reference, or
// starts with a digit (so `djq 0` gets show's "ids start at 1"), is taken
// as one; any other word stays an unknown command, so a mistyped command
// still gets its "did you mean".
func ShowShortcut(root *cobra.Command, args []string) []string {
	cmd, _, err := root.Find(args)
	if err != nil || cmd != root {
		return args
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return args
		}
		if strings.HasPrefix(a, "-") {
			if rootTakesValue(root, a) {
				i++
			}
			continue
		}
		if !looksLikeRef(a) {
			return args
		}
		return append(append(append([]string{}, args[:i]...), "show"), args[i:]...)
	}
	return args
}

// BareRefs completes the first argument of `djq 35` (refs, from complete)
// once it starts like one: a digit or NAME:. `djq <TAB>` still offers the
// commands alone, not every question besides them.
func BareRefs(complete func(prefix string) ([]string, error)) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if len(args) == 0 && !looksLikeRef(toComplete) && !strings.Contains(toComplete, ":") {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return Candidates(complete(toComplete))
	}
}

// looksLikeRef reports whether a first argument names a question.
func looksLikeRef(a string) bool {
	if _, err := bank.ParseRef(a); err == nil {
		return true
	}
	return a != "" && a[0] >= '0' && a[0] <= '9'
}

// rootTakesValue is takesValue for the root command, whose persistent
// flags cobra has not yet merged into its flag set.
func rootTakesValue(root *cobra.Command, a string) bool {
	var fl *pflag.Flag
	if name, ok := strings.CutPrefix(a, "--"); ok && !strings.Contains(name, "=") {
		fl = root.PersistentFlags().Lookup(name)
	} else if !ok && len(a) == 2 {
		fl = root.PersistentFlags().ShorthandLookup(a[1:])
	}
	return fl != nil && fl.NoOptDefVal == ""
}

// RootArgs is NoArgs for the root command: words that are neither a
// command nor a reference (ShowShortcut took those) are an unknown
// command, with cobra's "did you mean" when one is near and the search
// that would find them, since such a word is most often a topic.
func RootArgs(cmd *cobra.Command, args []string) error {
	err := NoArgs(cmd, args)
	if err == nil {
		return nil
	}
	words := make([]string, len(args))
	for i, a := range args {
		words[i] = shellWord(a)
	}
	return errkind.Usagef("%w; to search: djq search %s", err, strings.Join(words, " "))
}

// shellWord is a word of a command line djq suggests, as it can be pasted
// into a shell: bare when it has nothing a shell would read, else in single
// quotes; a word with control characters (or a huge one) is quoted by
// sanitize, since it must not act on the terminal first.
func shellWord(a string) string {
	if e := sanitize.Echo(a); e != a {
		return e
	}
	if a != "" && strings.Trim(a, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+.,:/=@%") == "" {
		return a
	}
	return "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
}
