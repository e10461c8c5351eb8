// Package cli is djq's command tree: wiring only. Each command copies its
// flags and arguments into an options struct and hands it to one run
// function, which calls the domain packages (bank, search, render, export,
// quiz, state) and writes through iostreams. Commands run in tests without
// a process.
package cli

import (
	"context"
	"fmt"
	"log"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/cmdutil"
	"github.com/djq-cli/djq/internal/exitcode"
	"github.com/djq-cli/djq/internal/gctune"
	"github.com/djq-cli/djq/internal/iostreams"
	"github.com/djq-cli/djq/internal/library"
	"github.com/djq-cli/djq/internal/render"
	"github.com/djq-cli/djq/internal/sanitize"
	"github.com/djq-cli/djq/internal/search"
)

// NewRootCmd builds the whole command tree over f.
func NewRootCmd(f *Factory) *cobra.Command { return newRoot(f, nil) }

// newRoot builds the root command with its persistent flags and, when only
// is nil, every command; a test passes only to build the one command it
// checks, with a runF that captures the parsed options.
func newRoot(f *Factory, only func(*globals) *cobra.Command) *cobra.Command {
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
  djq 35
  djq show 35 >> notes.md
  djq random --level advanced
  djq show 35 --format json`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cmdutil.RootArgs,
		// `djq 3<TAB>` completes refs, as `djq show 3<TAB>` does.
		ValidArgsFunction: cmdutil.BareRefs(func(prefix string) ([]string, error) { return f.Library(Common{}).Complete(prefix) }),
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
	pf.StringArrayVar(&g.decks, "deck", nil, "a deck by name, or a deck folder to load (repeatable); "+library.DeckCommandList()+" keep to these decks, and show and open also find a folder's questions")
	_ = root.RegisterFlagCompletionFunc("deck", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return cmdutil.CandidatesOrFiles(f.Library(Common{}).DeckNames())
	})
	pf.Var((*render.WidthFlag)(&g.render.Width), "width", fmt.Sprintf("wrap pretty output at this many columns, %d to %d (default: FZF_PREVIEW_COLUMNS, COLUMNS or the terminal, at most %d)", render.MinWidth, render.MaxWidth, render.DefaultMaxWidth))
	cmdutil.EnumCompletion(root, "format", render.FormatNames)
	cmdutil.EnumCompletion(root, "color", render.ColorNames)
	cmdutil.EnumCompletion(root, "style", render.StyleNames)
	cmdutil.EnumCompletion(root, "hyperlinks", render.HyperlinkNames)
	root.SetFlagErrorFunc(cmdutil.FlagError)

	if only != nil {
		root.AddCommand(only(g))
		return root
	}
	root.AddCommand(
		newShowCmd(f, g, nil),
		newListCmd(f, g, nil),
		newRandomCmd(f, g, nil),
		newSearchCmd(f, g, nil),
		newDecksCmd(f, g, nil),
		newExportCmd(f, g, nil),
		newQuizCmd(f, g, nil),
		newStatsCmd(f, g, nil),
		newPathsCmd(f, g, nil),
		newBrowseCmd(f, g, nil),
		newVersionCmd(f, g, nil),
		newTagsCmd(f, g, nil),
		newOpenCmd(f, g, nil),
	)
	cmdutil.HelpAndCompletion(root, "Help prints the help of any command: djq help search.")
	return root
}

// Main runs djq with the process's streams and arguments and returns the
// exit code. It is the only thing cmd/djq calls.
func Main(args []string) int {
	// A reader that goes away (djq export | head -1) makes writes fail with
	// EPIPE, which djq treats as success, instead of killing the process
	// with SIGPIPE (exit 141) depending on how much was left to write.
	signal.Ignore(syscall.SIGPIPE)
	gctune.Tune(os.Getenv)
	// Bleve logs through the standard logger ("unable to load snapshot …
	// continuing" for a damaged index, which djq itself reports in one line).
	log.SetOutput(iostreams.DebugWriter(os.Getenv, os.Stderr))
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
	defer exitcode.Recover(ios.ErrOut, ios.Getenv, &code)
	defer f.closeLibraries()
	root := NewRootCmd(f)
	if args == nil {
		args = []string{} // nil would make cobra read os.Args (the test binary's flags)
	}
	root.SetArgs(cmdutil.Args(root, args))
	err := iostreams.WriteErr(root.ExecuteContext(ctx), root.OutOrStdout()) // cobra drops help's write errors
	if err != nil && !exitcode.IsSilent(err) && !exitcode.IsBrokenPipe(err) {
		fmt.Fprintf(ios.ErrOut, "djq: %s\n", sanitize.Message(exitcode.Message(err)))
	}
	return exitcode.Of(err)
}
