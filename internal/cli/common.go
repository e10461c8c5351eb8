package cli

import (
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/cmdutil"
	"github.com/djq-cli/djq/internal/exitcode"
	"github.com/djq-cli/djq/internal/iostreams"
	"github.com/djq-cli/djq/internal/library"
	"github.com/djq-cli/djq/internal/output"
	"github.com/djq-cli/djq/internal/render"
	"github.com/djq-cli/djq/internal/rendercache"
	"github.com/djq-cli/djq/internal/renderenv"
)

// Common is what every command's options carry: the choices made once per
// run from the persistent flags.
type Common struct {
	Policy render.Policy
	// Cache keeps pretty answers between runs (rendercache wraps render,
	// which writes no file).
	Cache rendercache.Cache
	Pager iostreams.PagerMode
	// Decks is --deck as given: deck names, or folders to load.
	Decks []string
	// Quiet hides progress bars.
	Quiet bool
	// IO are the streams the command reads and writes; Now is the clock.
	// Both come from the Factory, so a run function needs nothing else of it.
	IO  *iostreams.IOStreams
	Now func() time.Time
}

// selector is the part of the library that commands which work on a
// --level/--tag selection need.
type selector interface {
	Select(level, tag string) (library.Selection, error)
}

// banker is the part of the library that commands which look questions up
// by ref need.
type banker interface{ Bank() (*bank.Bank, error) }

// runWith calls runF, the test seam that captures the parsed options, or
// in production (runF nil) the command's run function.
func runWith[O any](runF, run func(*O) error, opts *O) error {
	if runF != nil {
		return runF(opts)
	}
	return run(opts)
}

// globals are the persistent flags as typed; resolve turns them into a
// Common for the command being run.
type globals struct {
	render   render.Flags
	pagerOn  bool
	pagerOff bool
	decks    []string
	quiet    bool
}

// annotationRendersAnswers marks commands that render answers with glamour:
// only they need a style, and so only they may ask the terminal for its
// background colour.
const annotationRendersAnswers = "djq/renders-answers"

func rendersAnswers() map[string]string { return map[string]string{annotationRendersAnswers: "true"} }

// command completes cmd with a RunE that resolves the persistent flags
// into c, the command's options, and then calls run.
func command(f *Factory, g *globals, c *Common, cmd *cobra.Command, run func(cmd *cobra.Command, args []string) error) *cobra.Command {
	cmd.RunE = func(cmd *cobra.Command, args []string) (err error) {
		if *c, err = g.resolve(f, cmd); err != nil {
			return err
		}
		return run(cmd, args)
	}
	return cmd
}

func (g *globals) resolve(f *Factory, cmd *cobra.Command) (Common, error) {
	fl := g.render
	fl.WidthSet = cmd.Flags().Changed("width")
	fl.RendersAnswers = cmd.Annotations[annotationRendersAnswers] == "true"
	if g.pagerOn && g.pagerOff {
		return Common{}, exitcode.Usagef("--pager and --no-pager cannot be used together: choose one")
	}
	p, err := renderenv.Decide(f.IO, fl)
	if err != nil {
		return Common{}, err
	}
	c := Common{Policy: p, Cache: rendercache.New(f.IO.Getenv), Decks: g.decks, Quiet: g.quiet, IO: f.IO, Now: f.Now}
	switch {
	case g.pagerOff:
		c.Pager = iostreams.PagerNever
	case g.pagerOn:
		c.Pager = iostreams.PagerAlways
	}
	return c, nil
}

// writeOut writes a command's whole output to stdout, through the pager
// when the run's pager mode and the text's height ask for it.
func writeOut(c Common, s string) error { return c.IO.WriteOutput(s, c.Pager) }

// writeWith writes what draw renders, once it has rendered it all: an
// error leaves stdout untouched.
func writeWith(c Common, draw func(io.Writer) error) error {
	var out strings.Builder
	if err := draw(&out); err != nil {
		return err
	}
	return writeOut(c, out.String())
}

// writeJSONOut writes v as indented JSON to stdout.
func writeJSONOut(c Common, v any) error {
	return writeWith(c, func(w io.Writer) error { return output.WriteJSON(w, v) })
}

// filterFlags are --level and --tag as typed.
type filterFlags struct {
	Level string
	Tag   string
}

// addFilterFlags registers --level and --tag on cmd, with shell completion
// for their values.
func addFilterFlags(cmd *cobra.Command, f *Factory, ff *filterFlags) {
	addLevelFlag(cmd, &ff.Level, "only questions of this level")
	cmd.Flags().StringVarP(&ff.Tag, "tag", "t", "", "only questions with this tag (see djq tags)")
	_ = cmd.RegisterFlagCompletionFunc("tag", func(c *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
		deckArgs, _ := c.Flags().GetStringArray("deck")
		return cmdutil.Candidates(f.Library(Common{Decks: deckArgs}).Tags())
	})
}

// addLevelFlag registers --level (-l) on cmd with completion of the levels.
func addLevelFlag(cmd *cobra.Command, level *string, usage string) {
	cmd.Flags().StringVarP(level, "level", "l", "", usage+": "+strings.Join(bank.LevelNames(), ", "))
	cmdutil.EnumCompletion(cmd, "level", bank.LevelNames())
}
