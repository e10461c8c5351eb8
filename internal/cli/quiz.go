package cli

import (
	"bufio"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/cmdutil"
	"github.com/djq-cli/djq/internal/exitcode"
	"github.com/djq-cli/djq/internal/fsrs"
	"github.com/djq-cli/djq/internal/quiz"
	"github.com/djq-cli/djq/internal/render"
	"github.com/djq-cli/djq/internal/state"
)

// QuizOptions is what `djq quiz` was asked to do.
type QuizOptions struct {
	Common
	Filter  filterFlags
	Count   int
	Seed    int64
	SeedSet bool
	Plain   bool
	Lib     func() selector
	// Store opens the quiz progress file.
	Store func() (*state.Store, error)
}

func newQuizCmd(f *Factory, g *globals, runF func(*QuizOptions) error) *cobra.Command {
	opts := &QuizOptions{Store: f.StateStore}
	opts.Lib = func() selector { return f.Library(opts.Common) }
	cmd := &cobra.Command{
		Use:   "quiz",
		Short: "Practise with flashcards scheduled by spaced repetition (FSRS)",
		Long: `Practise with flashcards. Each card shows a question; press Enter or space
to reveal the answer, then grade yourself: 1 again, 2 hard, 3 good, 4 easy
(or a, h, g, e). Cards that are due come first, then new ones. The FSRS-5
algorithm schedules each card's next review from your grades, and every
grade is saved as soon as you give it: q or Ctrl-C (exit 130) ends the
session and keeps them all. djq stats shows your progress.

An answer taller than the terminal opens full screen: scroll with j/k, the
arrows, space, PgUp/PgDn and Home/End, and grade with the same keys. The
footer keeps the card and the keys in view. g grades good there, as
everywhere in the quiz, so unlike browse it does not scroll to the top.

With --plain (for scripts), each card is printed as Markdown and one grade
per line is read from stdin: again, hard, good, easy or 1-4.`,
		Example: `  djq quiz
  djq quiz --level beginner --count 5
  djq quiz --tag orm --seed 7
  printf 'good\nagain\n' | djq quiz --plain --count 2 --seed 1`,
		Args:        cmdutil.NoArgs,
		Annotations: rendersAnswers(),
	}
	command(f, g, &opts.Common, cmd, func(cmd *cobra.Command, _ []string) error {
		opts.SeedSet = cmd.Flags().Changed("seed")
		if err := cmdutil.CountFlag("count", opts.Count, maxRandomCount); err != nil {
			return err
		}
		return runWith(runF, quizRun, opts)
	})
	addFilterFlags(cmd, f, &opts.Filter)
	cmd.Flags().IntVarP(&opts.Count, "count", "n", 10, "how many cards in this session")
	cmd.Flags().Int64Var(&opts.Seed, "seed", 0, "seed for the order of new cards (default: random)")
	cmd.Flags().BoolVar(&opts.Plain, "plain", false, "print cards as Markdown and read one grade per line from stdin")
	return cmd
}

func quizRun(opts *QuizOptions) error {
	if !opts.Plain && !opts.IO.IsStdinTTY() {
		return exitcode.Usagef("quiz needs a terminal to read keys; for scripts use djq quiz --plain, which reads one grade per line")
	}
	store, err := opts.Store()
	if err != nil {
		return err
	}
	st, err := store.Load()
	if err != nil {
		return err
	}
	sel, err := opts.Lib().Select(opts.Filter.Level, opts.Filter.Tag)
	if err != nil {
		return err
	}
	seed := opts.Seed
	if !opts.SeedSet {
		seed = opts.Now().UnixNano()
	}
	cards, err := quiz.Deal(sel.Questions, st, opts.Now(), opts.Count, seed)
	if err != nil {
		return err
	}
	pretty := opts.Policy
	pretty.Format = render.FormatPretty
	s := &quiz.Session{
		Store: store, Sched: fsrs.New(), Cards: cards, Now: opts.Now,
		Out: opts.IO.Out, ErrOut: opts.IO.ErrOut,
		Markdown:  func(q *bank.Question) string { return render.Markdown(q, nil) },
		WriteCard: func(doc string) error { return writeOut(opts.Common, doc) },
		Rendered:  func(q *bank.Question, width int) string { return opts.Cache.Answer(pretty, q, width) },
		Width:     pretty.Width,
	}
	if opts.Plain {
		err = s.RunPlain(bufio.NewReader(opts.IO.In))
	} else {
		s.UseTerminal(opts.IO.In, opts.IO.Out, opts.IO.TerminalHeight(), opts.IO.TermEnv())
		err = s.RunInteractive(opts.IO.In)
	}
	s.Summary()
	return err
}
