// Package cmdutil holds what every djq command shares in reading its command
// line, as gh's cmdutil does: argument checks and pflag's messages as usage
// errors (internal/errkind), the search command's -word query words, and
// enum-flag completion. It knows cobra but no command: internal/cli wires the
// commands, and exit codes are mapped there.
package cmdutil

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/djq-cli/djq/internal/errkind"
	"github.com/djq-cli/djq/internal/helpdoc"
	"github.com/djq-cli/djq/internal/sanitize"
	"github.com/djq-cli/djq/internal/textdist"
)

// HelpTopic checks `djq help TOPIC` before cobra's help command runs: an
// unknown topic is a usage error (exit 2) that suggests the command meant,
// not cobra's message and exit 0.
func HelpTopic(c *cobra.Command, args []string) error {
	cmd, rest, err := c.Root().Find(args)
	if err == nil && cmd != nil && len(rest) > 0 && cmd.HasSubCommands() {
		return NoArgs(cmd, rest)
	}
	if err != nil || cmd == nil || len(rest) > 0 {
		return errkind.Usagef("unknown help topic %s (see djq --help)", sanitize.Quote(strings.Join(args, " ")))
	}
	return nil
}

// NoArgs is cobra.NoArgs as a usage error: an unknown subcommand gets
// cobra's "did you mean" suggestions, a stray argument is named as such.
func NoArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	if cmd.HasSubCommands() {
		if cmd.SuggestionsMinimumDistance <= 0 {
			cmd.SuggestionsMinimumDistance = 2 // cobra's default, set only on its own path
		}
		hint := " "
		if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
			hint = ": did you mean " + strings.Join(s, " or ") + "? "
		}
		return errkind.Usagef("unknown command %s for %s%s(see %s --help)", sanitize.Quote(args[0]), cmd.CommandPath(), hint, cmd.CommandPath())
	}
	return errkind.Usagef("unexpected argument %s: %s takes no arguments (see %s --help)", sanitize.Quote(args[0]), cmd.CommandPath(), cmd.CommandPath())
}

// OneArg is cobra.ExactArgs(1) as a usage error that says what the
// argument is and shows an example.
func OneArg(what, example string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		return UsageUnless(len(args) == 1, "%s needs %s, such as %s", strings.TrimPrefix(cmd.CommandPath(), "djq "), what, example)
	}
}

// UsageUnless is a check of arguments or flag values: nil when ok, else a
// usage error that says what the command needs.
func UsageUnless(ok bool, format string, a ...any) error {
	if ok {
		return nil
	}
	return errkind.Usagef(format, a...)
}

var (
	negativeNumber = regexp.MustCompile(`^unknown shorthand flag: '(\d)' in (-\d+)`)
	badFlagValue   = regexp.MustCompile(`^invalid argument "(.*)" for "(?:-\w, )?--([\w-]+)" flag`)
	unknownFlag    = regexp.MustCompile(`^unknown flag: --([^\s=]+)`)
)

// FlagError is the single place where pflag's own messages come in; it
// turns them into one-line usage errors without Go internals. A negative
// number such as `djq show -1` reads to pflag as a flag: say what it is.
func FlagError(cmd *cobra.Command, err error) error {
	msg := err.Error()
	if m := negativeNumber.FindStringSubmatch(msg); m != nil {
		return errkind.Usagef("invalid question reference %s: ids are positive whole numbers such as 35", sanitize.Quote(m[2]))
	}
	if m := unknownFlag.FindStringSubmatch(msg); m != nil {
		if near := nearestFlag(cmd, m[1]); near != "" {
			return errkind.Usagef("unknown flag: --%s (did you mean --%s?)", sanitize.Echo(m[1]), near)
		}
	}
	if m := badFlagValue.FindStringSubmatch(msg); m != nil {
		kind := flagValueKind(cmd.Flags().Lookup(m[2]))
		if strings.Contains(msg, "out of range") {
			// A whole number already: say it is too big, not what it is.
			kind += " of at most 18 digits"
		}
		return errkind.Usagef("invalid value %s for --%s: use %s (see %s --help)", sanitize.Quote(m[1]), m[2], kind, cmd.CommandPath())
	}
	return errkind.Usagef("%s (see %s --help)", sanitize.Cut(msg, 4*sanitize.EchoMax), cmd.CommandPath())
}

// nearestFlag is the flag of cmd, its own or inherited, that a mistyped
// --name was most likely meant to be, or "". Hidden flags are never offered.
func nearestFlag(cmd *cobra.Command, name string) string {
	var names []string
	add := func(fl *pflag.Flag) {
		if !fl.Hidden {
			names = append(names, fl.Name)
		}
	}
	cmd.Flags().VisitAll(add)
	cmd.InheritedFlags().VisitAll(add)
	return textdist.Nearest(name, names)
}

// flagValueKind says what a flag's value must look like: a value type
// that knows its range (render.WidthFlag) says it itself.
func flagValueKind(fl *pflag.Flag) string {
	if fl == nil {
		return "a valid value"
	}
	if v, ok := fl.Value.(interface{ Valid() string }); ok {
		return v.Valid()
	}
	switch fl.Value.Type() {
	case "int", "int64", "uint":
		return "a whole number"
	case "bool":
		return "true or false"
	}
	return "a valid value"
}

// EnumCompletion offers the valid values of an enum flag.
func EnumCompletion(cmd *cobra.Command, flag string, values []string) {
	_ = cmd.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}

// Candidates are completions that are not file names (refs, tags), or
// cobra's error directive when they could not be listed.
func Candidates(list []string, err error) ([]string, cobra.ShellCompDirective) {
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	return list, cobra.ShellCompDirectiveNoFileComp
}

// CandidatesOrFiles is Candidates for a value that may also be a path
// (--deck takes a deck name or a folder).
func CandidatesOrFiles(list []string, err error) ([]string, cobra.ShellCompDirective) {
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	return list, cobra.ShellCompDirectiveDefault
}

// CountFlag validates a --count or --limit value.
func CountFlag(name string, n, most int) error {
	return UsageUnless(n >= 1 && n <= most, "invalid %s %d: use a number from 1 to %d", name, n, most)
}

// HelpAndCompletion adds cobra's help and completion commands to root with
// djq's argument checks: `djq help nosuch` and `djq completion nosuch` are
// usage errors (exit 2), not help and exit 0. helpLong is help's Long text.
// It adds the help topics of internal/helpdoc too: `djq help environment`,
// `files` and `exit-codes`.
func HelpAndCompletion(root *cobra.Command, helpLong string) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			c.Args, c.Long = HelpTopic, helpLong
		case "completion":
			c.Args = NoArgs
			c.RunE = func(cmd *cobra.Command, args []string) error { return cmd.Help() }
			bashWithoutPackage(c)
		}
	}
	for _, t := range helpdoc.Topics {
		// No Run: cobra lists these as "Additional help topics" and
		// `djq help NAME` prints their Long.
		root.AddCommand(&cobra.Command{Use: t.Name, Short: t.Short, Long: t.Text(), Example: "  djq help " + t.Name})
	}
}

// bashWithoutPackage makes `completion bash` print BashCompletion's
// script, which works without the bash-completion package.
func bashWithoutPackage(completion *cobra.Command) {
	for _, sh := range completion.Commands() {
		if sh.Name() == "bash" {
			sh.Run = nil
			sh.RunE = func(cmd *cobra.Command, _ []string) error {
				noDesc, _ := cmd.Flags().GetBool("no-descriptions")
				return BashCompletion(cmd.Root(), cmd.OutOrStdout(), !noDesc)
			}
		}
	}
}

// LinkNumber reads open's optional link number: 1 when absent, else a
// whole number from 1, and not together with --all.
func LinkNumber(args []string, all bool) (int, error) {
	if len(args) < 2 {
		return 1, nil
	}
	if all {
		return 0, errkind.Usagef("give a link number or --all, not both")
	}
	n, err := strconv.Atoi(args[1])
	if err != nil || n < 1 {
		return 0, errkind.Usagef("invalid link number %s: use 1 for the first docs link, 2 for the second, ...", sanitize.Quote(args[1]))
	}
	return n, nil
}
