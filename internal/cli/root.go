// Package cli is djq's command tree: wiring only. Each command copies its
// flags and arguments into an options struct and hands it to one run
// function, which calls the domain packages (bank, search, render, export,
// quiz, state) and writes through iostreams. Commands run in tests without
// a process.
package cli

import (
	"context"
	"fmt"
	"os/signal"
	"regexp"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/djq-cli/djq/internal/exitcode"
	"github.com/djq-cli/djq/internal/iostreams"
	"github.com/djq-cli/djq/internal/render"
	"github.com/djq-cli/djq/internal/sanitize"
	"github.com/djq-cli/djq/internal/search"
)

// NewRootCmd builds the whole command tree over f.
func NewRootCmd(f *Factory) *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:   "djq",
		Short: "Django interview questions and answers in your terminal",
		Long: `djq is a command-line reference for Django interview questions.

It carries a curated bank of questions with answers checked against the
official Django documentation, prints them as rendered Markdown on a
terminal and as clean Markdown when piped into notes, and emits JSON for
scripts.`,
		Example: `  djq list --level beginner
  djq show 35
  djq show 35 >> notes.md
  djq random --level advanced
  djq show 35 --format json`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          noArgs,
		// Without arguments djq prints its help and succeeds.
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	root.SetVersionTemplate("{{.Version}}\n")
	root.Version = f.Build.String()
	root.SetIn(f.IO.In)
	root.SetOut(&iostreams.Recorder{W: f.IO.Out})
	root.SetErr(f.IO.ErrOut)

	pf := root.PersistentFlags()
	pf.StringVar(&g.render.Format, "format", "auto", "output format: "+strings.Join(render.FormatNames, ", "))
	pf.StringVar(&g.render.Color, "color", "auto", "use colour: "+strings.Join(render.ColorNames, ", "))
	pf.StringVar(&g.render.Style, "style", "", "glamour style: "+strings.Join(render.StyleNames, ", ")+", or a JSON style file (default $GLAMOUR_STYLE or auto)")
	pf.BoolVar(&g.pagerOn, "pager", false, "page the output on a terminal even when it fits (default: page only when longer than the screen)")
	pf.BoolVar(&g.pagerOff, "no-pager", false, "never page the output")
	pf.StringVar(&g.render.Hyperlinks, "hyperlinks", "", "clickable links (OSC 8) in pretty output: "+strings.Join(render.HyperlinkNames, ", ")+" (default: $DJQ_HYPERLINKS, else auto)")
	pf.BoolVar(&g.quiet, "quiet", false, "no progress bars on long work (indexing or checking a large deck)")
	pf.StringArrayVar(&g.decks, "deck", nil, "a deck by name, or a deck folder to load (repeatable); list, random and search keep to these decks")
	_ = root.RegisterFlagCompletionFunc("deck", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		names, err := f.Library(Common{}).DeckNames()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		return names, cobra.ShellCompDirectiveDefault
	})
	pf.IntVar(&g.render.Width, "width", 0, fmt.Sprintf("wrap pretty output at this many columns, %d to %d (default: terminal width, at most %d)", render.MinWidth, render.MaxWidth, render.DefaultMaxWidth))
	registerEnumCompletion(root, "format", render.FormatNames)
	registerEnumCompletion(root, "color", render.ColorNames)
	registerEnumCompletion(root, "style", render.StyleNames)
	registerEnumCompletion(root, "hyperlinks", render.HyperlinkNames)
	root.SetFlagErrorFunc(flagError)

	root.AddCommand(
		newShowCmd(f, g),
		newListCmd(f, g),
		newRandomCmd(f, g),
		newSearchCmd(f, g),
		newDecksCmd(f, g),
		newExportCmd(f, g),
		newQuizCmd(f, g),
		newStatsCmd(f, g),
		newPathsCmd(f, g),
		newBrowseCmd(f, g),
		newVersionCmd(f, g),
		newTagsCmd(f, g),
		newOpenCmd(f, g),
	)
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			c.Args, c.Long = helpTopic, "Help prints the help of any command: djq help search."
		case "completion":
			// `djq completion nosuch` is a usage error, not help and exit 0.
			c.Args = noArgs
			c.RunE = func(cmd *cobra.Command, args []string) error { return cmd.Help() }
		}
	}
	return root
}

// helpTopic checks `djq help TOPIC` before cobra's help command runs: an
// unknown topic is a usage error (exit 2) that suggests the command meant,
// not cobra's message and exit 0.
func helpTopic(c *cobra.Command, args []string) error {
	cmd, rest, err := c.Root().Find(args)
	if err == nil && cmd != nil && len(rest) > 0 && cmd.HasSubCommands() {
		return noArgs(cmd, rest)
	}
	if err != nil || cmd == nil || len(rest) > 0 {
		return exitcode.Usagef("unknown help topic %s (see djq --help)", sanitize.Quote(strings.Join(args, " ")))
	}
	return nil
}

// noArgs is cobra.NoArgs as a usage error: an unknown subcommand gets
// cobra's "did you mean" suggestions, a stray argument is named as such.
func noArgs(cmd *cobra.Command, args []string) error {
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
		return exitcode.Usagef("unknown command %s for %s%s(see %s --help)", sanitize.Quote(args[0]), cmd.CommandPath(), hint, cmd.CommandPath())
	}
	return exitcode.Usagef("unexpected argument %s: %s takes no arguments (see %s --help)", sanitize.Quote(args[0]), cmd.CommandPath(), cmd.CommandPath())
}

// oneArg is cobra.ExactArgs(1) as a usage error that says what the
// argument is and shows an example.
func oneArg(what, example string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		return usageUnless(len(args) == 1, "%s needs %s, such as %s", strings.TrimPrefix(cmd.CommandPath(), "djq "), what, example)
	}
}

// usageUnless is a check of arguments or flag values: nil when ok, else a
// usage error that says what the command needs.
func usageUnless(ok bool, format string, a ...any) error {
	if ok {
		return nil
	}
	return exitcode.Usagef(format, a...)
}

var (
	negativeNumber = regexp.MustCompile(`^unknown shorthand flag: '(\d)' in (-\d+)`)
	badFlagValue   = regexp.MustCompile(`^invalid argument "(.*)" for "(?:-\w, )?--([\w-]+)" flag`)
)

// flagError is the single place where pflag's own messages come in; it
// turns them into one-line usage errors without Go internals. A negative
// number such as `djq show -1` reads to pflag as a flag: say what it is.
func flagError(cmd *cobra.Command, err error) error {
	msg := err.Error()
	if m := negativeNumber.FindStringSubmatch(msg); m != nil {
		return exitcode.Usagef("invalid question reference %s: ids are positive whole numbers such as 35", sanitize.Quote(m[2]))
	}
	if m := badFlagValue.FindStringSubmatch(msg); m != nil {
		return exitcode.Usagef("invalid value %s for --%s: use %s (see %s --help)", sanitize.Quote(m[1]), m[2], flagValueKind(cmd.Flags().Lookup(m[2])), cmd.CommandPath())
	}
	return exitcode.Usagef("%s (see %s --help)", sanitize.Cut(msg, 4*sanitize.EchoMax), cmd.CommandPath())
}

// flagValueKind says what a flag's value must look like.
func flagValueKind(fl *pflag.Flag) string {
	if fl == nil {
		return "a valid value"
	}
	switch fl.Value.Type() {
	case "int", "int64", "uint":
		return "a whole number"
	case "bool":
		return "true or false"
	}
	return "a valid value"
}

// Main runs djq with the process's streams and arguments and returns the
// exit code. It is the only thing cmd/djq calls.
func Main(args []string) int {
	// A reader that goes away (djq export | head -1) makes writes fail with
	// EPIPE, which djq treats as success, instead of killing the process
	// with SIGPIPE (exit 141) depending on how much was left to write.
	signal.Ignore(syscall.SIGPIPE)
	defer search.CleanUpOnSignal()()
	return Run(context.Background(), iostreams.System(), args)
}

// Run executes the command tree with the given streams and arguments,
// prints any error as one line on stderr, and returns the exit code.
func Run(ctx context.Context, ios *iostreams.IOStreams, args []string) int {
	return runFactory(ctx, NewFactory(ios), args)
}

// runFactory is Run over a given factory, so tests can replace its parts.
// A panic inside a command becomes an "internal error" line and exit code
// 70; the stack is printed only when DJQ_DEBUG=1.
func runFactory(ctx context.Context, f *Factory, args []string) (code int) {
	ios := f.IO
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(ios.ErrOut, "djq: internal error: %v (please report this at https://github.com/djq-cli/djq/issues)\n", r)
			if ios.Getenv("DJQ_DEBUG") == "1" {
				fmt.Fprintf(ios.ErrOut, "%s", debug.Stack())
			}
			code = exitcode.Internal
		}
	}()
	defer f.closeLibraries()
	root := NewRootCmd(f)
	if args == nil {
		args = []string{} // nil would make cobra read os.Args (the test binary's flags)
	}
	root.SetArgs(queryArgs(root, args))
	err := iostreams.WriteErr(root.ExecuteContext(ctx), root.OutOrStdout()) // cobra drops help's write errors
	if err != nil && !exitcode.IsSilent(err) && !exitcode.IsBrokenPipe(err) {
		fmt.Fprintf(ios.ErrOut, "djq: %s\n", sanitize.Message(exitcode.Message(err)))
	}
	return exitcode.Of(err)
}
