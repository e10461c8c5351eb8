// Package cli is djq's command tree. Each command copies its flags and
// arguments into an options struct and hands it to a run function that does
// the work against the Factory's streams and bank, so commands run in tests
// without a process.
package cli

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/iostreams"
	"github.com/djq-cli/djq/internal/output"
	"github.com/djq-cli/djq/internal/render"
)

// annotationRendersAnswers marks commands that render answers with glamour.
const annotationRendersAnswers = "djq/renders-answers"

// rendersAnswers is the annotation map for such commands.
func rendersAnswers() map[string]string { return map[string]string{annotationRendersAnswers: "true"} }

// renderFlags are the persistent flags every command shares.
type renderFlags struct {
	render.Flags
}

// NewRootCmd builds the whole command tree over f.
func NewRootCmd(f *Factory) *cobra.Command {
	var rf renderFlags
	var pagerOn, pagerOff bool
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
		Version:       f.Build.Version,
		SilenceUsage:  true,
		SilenceErrors: true,
		// Without arguments djq prints its help and succeeds.
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			rf.WidthSet = cmd.Flags().Changed("width")
			rf.RendersAnswers = cmd.Annotations[annotationRendersAnswers] == "true"
			p, err := render.Decide(f.IO, rf.Flags)
			if err != nil {
				return err
			}
			f.Policy = p
			f.ctx = cmd.Context()
			switch {
			case pagerOff:
				f.PagerMode = iostreams.PagerNever
			case pagerOn:
				f.PagerMode = iostreams.PagerAlways
			}
			return nil
		},
	}
	root.SetVersionTemplate("{{.Version}}\n")
	root.Version = f.Build.String()
	root.SetIn(f.IO.In)
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)

	pf := root.PersistentFlags()
	pf.StringVar(&rf.Format, "format", "auto", "output format: "+strings.Join(render.FormatNames, ", "))
	pf.StringVar(&rf.Color, "color", "auto", "use colour: "+strings.Join(render.ColorNames, ", "))
	pf.StringVar(&rf.Style, "style", "", "glamour style: "+strings.Join(render.StyleNames, ", ")+", or a JSON style file (default $GLAMOUR_STYLE or auto)")
	pf.BoolVar(&pagerOn, "pager", false, "page the output on a terminal even when it fits (default: page only when longer than the screen)")
	pf.BoolVar(&pagerOff, "no-pager", false, "never page the output")
	root.MarkFlagsMutuallyExclusive("pager", "no-pager")
	pf.StringArrayVar(&f.DeckArgs, "deck", nil, "a deck by name, or a deck folder to load (repeatable); list, random and search keep to these decks")
	_ = root.RegisterFlagCompletionFunc("deck", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		names, err := f.DeckNames()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		return names, cobra.ShellCompDirectiveDefault
	})
	pf.IntVar(&rf.Width, "width", 0, fmt.Sprintf("wrap pretty output at this many columns, %d to %d (default: terminal width, at most %d)", render.MinWidth, render.MaxWidth, render.DefaultMaxWidth))
	registerEnumCompletion(root, "format", render.FormatNames)
	registerEnumCompletion(root, "color", render.ColorNames)
	registerEnumCompletion(root, "style", render.StyleNames)

	root.SetFlagErrorFunc(flagError)

	root.AddCommand(
		newShowCmd(f, nil),
		newListCmd(f, nil),
		newRandomCmd(f, nil),
		newSearchCmd(f, nil),
		newDecksCmd(f),
		newExportCmd(f),
		newQuizCmd(f),
		newStatsCmd(f),
		newPathsCmd(f),
		newBrowseCmd(f),
		newVersionCmd(f),
	)
	return root
}

// registerEnumCompletion offers the valid values of an enum flag.
func registerEnumCompletion(cmd *cobra.Command, flag string, values []string) {
	_ = cmd.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}

// flagGroup matches cobra's message for mutually exclusive flags.
var flagGroup = regexp.MustCompile(`^if any flags in the group \[([^\]]*)\] are set none of the others can be`)

var negativeNumber = regexp.MustCompile(`^unknown shorthand flag: '(\d)' in (-\d+)`)

// flagError turns pflag's errors into usage errors. A negative number such
// as `djq show -1` reads to pflag as a flag; say what it really is.
func flagError(cmd *cobra.Command, err error) error {
	if m := negativeNumber.FindStringSubmatch(err.Error()); m != nil {
		return usagef("invalid question reference %q: ids are positive whole numbers such as 35", m[2])
	}
	return usagef("%v (see djq %s --help)", err, strings.TrimPrefix(cmd.CommandPath(), "djq "))
}

// Main runs djq with the process's streams and arguments and returns the
// exit code. It is the only thing cmd/djq calls.
func Main(args []string) int {
	return Run(context.Background(), iostreams.System(), args)
}

// Run executes the command tree with the given streams and arguments,
// prints any error as one line on stderr, and returns the exit code. A
// panic inside a command becomes an "internal error" line and exit code 70;
// the stack is printed only when DJQ_DEBUG=1.
func Run(ctx context.Context, ios *iostreams.IOStreams, args []string) int {
	return runFactory(ctx, NewFactory(ios), args)
}

// runFactory is Run over a given factory, so tests can replace its parts.
func runFactory(ctx context.Context, f *Factory, args []string) (code int) {
	ios := f.IO
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(ios.ErrOut, "djq: internal error: %v (please report this at https://github.com/djq-cli/djq/issues)\n", r)
			if ios.Getenv("DJQ_DEBUG") == "1" {
				fmt.Fprintf(ios.ErrOut, "%s", debug.Stack())
			}
			code = ExitInternal
		}
	}()
	root := NewRootCmd(f)
	root.SetArgs(queryArgs(root, args))
	err := root.ExecuteContext(ctx)
	if err == nil {
		return ExitOK
	}
	if isBrokenPipe(err) {
		return ExitOK
	}
	if m := flagGroup.FindStringSubmatch(err.Error()); m != nil {
		names := strings.Fields(m[1])
		for i := range names {
			names[i] = "--" + names[i]
		}
		err = usagef("%s cannot be used together: choose one", strings.Join(names, " and "))
	}
	var silent *silentError
	if !errors.As(err, &silent) {
		fmt.Fprintf(ios.ErrOut, "djq: %s\n", oneLine(err.Error()))
	}
	code = ExitCode(err)
	if code == ExitError && isCobraUsage(err) {
		code = ExitUsage
	}
	return code
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
	}
	if len(words) == 0 {
		return args
	}
	return append(append(keep, "--"), words...)
}

// isSearchWord reports whether a dash-prefixed argument is a query word
// rather than a flag of cmd: "-formset" is a word, "-n", "-n5", "--limit"
// and "--limit=3" are flags.
func isSearchWord(cmd *cobra.Command, a string) bool {
	if !strings.HasPrefix(a, "-") || a == "-" || strings.HasPrefix(a, "--") {
		return false
	}
	short := a[1:2]
	f := cmd.Flags().ShorthandLookup(short)
	if f == nil {
		f = cmd.InheritedFlags().ShorthandLookup(short)
	}
	if f == nil {
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

// isCobraUsage recognises the argument errors cobra itself returns
// (unknown command, wrong number of arguments).
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "accepts ", "requires at least", "requires at most", "invalid argument", "unknown flag", "unknown shorthand", "flag needs an argument"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

// oneLine keeps error output to one line per the README's promise.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// writeOut writes a command's whole output to stdout (through the pager
// when it applies) and maps write failures: a closed pipe is not an error
// worth a message, anything else (a full disk) is.
func writeOut(f *Factory, s string) error {
	if err := f.IO.WriteOutput(s, f.PagerMode); err != nil {
		if isBrokenPipe(err) {
			return err
		}
		return fmt.Errorf("writing output: %w", err)
	}
	return nil
}

// writeJSONOut writes v as indented JSON to stdout.
func writeJSONOut(f *Factory, v any) error {
	var out strings.Builder
	if err := output.WriteJSON(&out, v); err != nil {
		return err
	}
	return writeOut(f, out.String())
}
