package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/exitcode"
	"github.com/djq-cli/djq/internal/iostreams"
	"github.com/djq-cli/djq/internal/output"
	"github.com/djq-cli/djq/internal/render"
)

// Common is what every command's options carry: the choices made once per
// run from the persistent flags.
type Common struct {
	Policy render.Policy
	Pager  iostreams.PagerMode
	Decks  Decks
	// Quiet hides progress bars.
	Quiet bool
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

func (g *globals) resolve(f *Factory, cmd *cobra.Command) (Common, error) {
	fl := g.render
	fl.WidthSet = cmd.Flags().Changed("width")
	fl.RendersAnswers = cmd.Annotations[annotationRendersAnswers] == "true"
	if g.pagerOn && g.pagerOff {
		return Common{}, exitcode.Usagef("--pager and --no-pager cannot be used together: choose one")
	}
	p, err := render.Decide(f.IO, fl)
	if err != nil {
		return Common{}, err
	}
	c := Common{Policy: p, Decks: Decks(g.decks), Quiet: g.quiet}
	switch {
	case g.pagerOff:
		c.Pager = iostreams.PagerNever
	case g.pagerOn:
		c.Pager = iostreams.PagerAlways
	}
	return c, nil
}

// writeOut writes a command's whole output to stdout (through the pager
// when it applies) and maps write failures: a closed pipe is not an error
// worth a message, anything else (a full disk) is.
func writeOut(f *Factory, c Common, s string) error {
	if err := f.IO.WriteOutput(s, c.Pager); err != nil {
		if exitcode.IsBrokenPipe(err) {
			return err
		}
		return fmt.Errorf("writing output: %w", err)
	}
	return nil
}

// writeJSONOut writes v as indented JSON to stdout.
func writeJSONOut(f *Factory, c Common, v any) error {
	var out strings.Builder
	if err := output.WriteJSON(&out, v); err != nil {
		return err
	}
	return writeOut(f, c, out.String())
}

// filterFlags are --level and --tag as typed.
type filterFlags struct {
	Level string
	Tag   string
}

// addFilterFlags registers --level and --tag on cmd, with shell completion
// for their values.
func addFilterFlags(cmd *cobra.Command, f *Factory, ff *filterFlags) {
	cmd.Flags().StringVarP(&ff.Level, "level", "l", "", "only questions of this level: "+strings.Join(bank.LevelNames(), ", "))
	cmd.Flags().StringVarP(&ff.Tag, "tag", "t", "", "only questions with this tag (see djq list --format json for tags)")
	registerEnumCompletion(cmd, "level", bank.LevelNames())
	_ = cmd.RegisterFlagCompletionFunc("tag", func(c *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
		deckArgs, _ := c.Flags().GetStringArray("deck")
		b, err := f.Library(Common{Decks: deckArgs}).Bank()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		return b.Tags(), cobra.ShellCompDirectiveNoFileComp
	})
}

// registerEnumCompletion offers the valid values of an enum flag.
func registerEnumCompletion(cmd *cobra.Command, flag string, values []string) {
	_ = cmd.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}

// describe renders the filter as the flags that made it, for messages.
func (ff filterFlags) describe(deckNames []string) string {
	var parts []string
	for _, d := range deckNames {
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

// selection is the result of applying the filter flags and --deck.
type selection struct {
	bank      *bank.Bank
	filter    bank.Filter
	questions []*bank.Question
}

// selectQuestions applies the filter flags and --deck to the bank: the one
// path list, random, quiz, export and browse share. A filter that matches
// nothing is a not-found error naming the flags.
func selectQuestions(f *Factory, c Common, ff filterFlags) (selection, error) {
	if err := f.Library(c).Check(); err != nil {
		return selection{}, err
	}
	b, err := f.Library(c).Bank()
	if err != nil {
		return selection{}, err
	}
	names := f.Library(c).Selected()
	flt, err := bank.NewFilter(ff.Level, ff.Tag, b.Tags(), names)
	if err != nil {
		return selection{}, err
	}
	qs := b.Select(flt)
	if len(qs) == 0 {
		return selection{}, exitcode.NotFoundf("no questions match %s (see djq list)", ff.describe(names))
	}
	return selection{bank: b, filter: flt, questions: qs}, nil
}

// unwrapPath drops the path from a path error, whose message the caller
// already gives.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// countFlag validates a --count or --limit value.
func countFlag(name string, n, most int) error {
	if n < 1 || n > most {
		return exitcode.Usagef("invalid %s %d: use a number from 1 to %d", name, n, most)
	}
	return nil
}
