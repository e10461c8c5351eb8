package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/signal"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/fsrs"
	"github.com/djq-cli/djq/internal/render"
	"github.com/djq-cli/djq/internal/state"
)

// QuizOptions is what `djq quiz` was asked to do.
type QuizOptions struct {
	Filter  filterFlags
	Count   int
	Seed    int64
	SeedSet bool
	Plain   bool
}

func newQuizCmd(f *Factory) *cobra.Command {
	opts := &QuizOptions{}
	cmd := &cobra.Command{
		Use:   "quiz",
		Short: "Practise with flashcards scheduled by spaced repetition (FSRS)",
		Long: `Practise with flashcards. Each card shows a question; press Enter or space
to reveal the answer, then grade yourself: 1 again, 2 hard, 3 good, 4 easy
(or a, h, g, e). Cards that are due come first, then new ones. The FSRS-5
algorithm schedules each card's next review from your grades, and every
grade is saved as soon as you give it: q or Ctrl-C ends the session and
keeps them all. djq stats shows your progress.

With --plain (for scripts), each card is printed as Markdown and one grade
per line is read from stdin: again, hard, good, easy or 1-4.`,
		Example: `  djq quiz
  djq quiz --level beginner --count 5
  djq quiz --tag orm --seed 7
  printf 'good\nagain\n' | djq quiz --plain --count 2 --seed 1`,
		Args:        cobra.NoArgs,
		Annotations: rendersAnswers(),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.SeedSet = cmd.Flags().Changed("seed")
			if opts.Count < 1 || opts.Count > maxRandomCount {
				return usagef("invalid count %d: use a number from 1 to %d", opts.Count, maxRandomCount)
			}
			return quizRun(f, opts)
		},
	}
	addFilterFlags(cmd, f, &opts.Filter)
	cmd.Flags().IntVarP(&opts.Count, "count", "n", 10, "how many cards in this session")
	cmd.Flags().Int64Var(&opts.Seed, "seed", 0, "seed for the order of new cards (default: random)")
	cmd.Flags().BoolVar(&opts.Plain, "plain", false, "print cards as Markdown and read one grade per line from stdin")
	return cmd
}

// stateStore returns the quiz state file, or an error that says how to get
// one when there is no state folder.
func (f *Factory) stateStore() (*state.Store, error) {
	dir := f.Paths().State
	if dir == "" {
		return nil, errors.New("no folder to keep quiz progress in: set DJQ_STATE_DIR (or HOME)")
	}
	return state.Open(dir), nil
}

// quizCard is a card chosen for the session.
type quizCard struct {
	q   *bank.Question
	key string
}

func quizRun(f *Factory, opts *QuizOptions) error {
	if !opts.Plain && !f.IO.IsStdinTTY() {
		return usagef("quiz needs a terminal to read keys; for scripts use djq quiz --plain, which reads one grade per line")
	}
	store, err := f.stateStore()
	if err != nil {
		return err
	}
	st, err := store.Load()
	if err != nil {
		return err
	}
	_, _, pool, err := f.selectQuestions(&opts.Filter)
	if err != nil {
		return err
	}
	now := f.Now()
	seed := opts.Seed
	if !opts.SeedSet {
		seed = now.UnixNano()
	}
	cards := chooseCards(pool, st, now, opts.Count, seed)
	if len(cards) == 0 {
		next := nextDue(st, pool)
		return notFoundf("nothing to review now: every card here is scheduled for later%s (djq stats shows when)", next)
	}
	s := &session{f: f, store: store, sched: fsrs.New(), cards: cards}
	if opts.Plain {
		err = s.runPlain(bufio.NewReader(f.IO.In))
	} else {
		err = s.runInteractive()
	}
	s.summary()
	return err
}

// chooseCards picks due cards first (most overdue first), then new cards
// in an order fixed by seed.
func chooseCards(pool []*bank.Question, st *state.State, now time.Time, count int, seed int64) []quizCard {
	var due, fresh []quizCard
	for _, q := range pool {
		c := quizCard{q: q, key: state.CardKey(q.Deck, q.ID)}
		card, seen := st.Cards[c.key]
		switch {
		case !seen || card.IsNew():
			fresh = append(fresh, c)
		case !card.Due.After(now):
			due = append(due, c)
		}
	}
	sort.SliceStable(due, func(i, j int) bool { return st.Cards[due[i].key].Due.Before(st.Cards[due[j].key].Due) })
	rng := rand.New(rand.NewPCG(uint64(seed), 0x717569))
	rng.Shuffle(len(fresh), func(i, j int) { fresh[i], fresh[j] = fresh[j], fresh[i] })
	out := append(due, fresh...)
	return out[:min(count, len(out))]
}

func nextDue(st *state.State, pool []*bank.Question) string {
	var next time.Time
	for _, q := range pool {
		if c, ok := st.Cards[state.CardKey(q.Deck, q.ID)]; ok && (next.IsZero() || c.Due.Before(next)) {
			next = c.Due
		}
	}
	if next.IsZero() {
		return ""
	}
	return " (the next is due " + next.Local().Format("Mon 2 Jan 15:04") + ")"
}

type session struct {
	f        *Factory
	store    *state.Store
	sched    *fsrs.Scheduler
	cards    []quizCard
	reviewed int
	correct  int
}

var errQuit = errors.New("quit")

// grade records a grade at once, so that quitting or a crash loses nothing
// already answered.
func (s *session) grade(c quizCard, g fsrs.Grade) (fsrs.Card, error) {
	card, err := s.store.Grade(s.sched, c.key, g, s.f.Now())
	if err != nil {
		return card, err
	}
	s.reviewed++
	if g != fsrs.Again {
		s.correct++
	}
	return card, nil
}

// parseGrade reads a grade typed as a word, its initial or 1-4.
func parseGrade(s string) (fsrs.Grade, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "a", "again":
		return fsrs.Again, true
	case "2", "h", "hard":
		return fsrs.Hard, true
	case "3", "g", "good":
		return fsrs.Good, true
	case "4", "e", "easy":
		return fsrs.Easy, true
	}
	return 0, false
}

var gradeNames = map[fsrs.Grade]string{fsrs.Again: "again", fsrs.Hard: "hard", fsrs.Good: "good", fsrs.Easy: "easy"}

func (s *session) runPlain(in *bufio.Reader) error {
	for i, c := range s.cards {
		doc := fmt.Sprintf("<!-- card %d of %d -->\n\n%s\n", i+1, len(s.cards), render.Markdown(c.q, nil))
		if err := writeOut(s.f, doc); err != nil {
			return err
		}
		for {
			fmt.Fprint(s.f.IO.ErrOut, "grade (again, hard, good, easy or 1-4): ")
			line, err := in.ReadString('\n')
			if strings.TrimSpace(line) == "" && err != nil {
				fmt.Fprintln(s.f.IO.ErrOut)
				return nil // end of input ends the session
			}
			if strings.EqualFold(strings.TrimSpace(line), "q") || strings.EqualFold(strings.TrimSpace(line), "quit") {
				return nil
			}
			g, ok := parseGrade(line)
			if !ok {
				fmt.Fprintf(s.f.IO.ErrOut, "djq: unknown grade %q: use again, hard, good, easy or 1-4\n", strings.TrimSpace(line))
				if err != nil {
					return nil
				}
				continue
			}
			card, gerr := s.grade(c, g)
			if gerr != nil {
				return gerr
			}
			fmt.Fprintf(s.f.IO.ErrOut, "%s: next review %s\n", gradeNames[g], when(card.Due, s.f.Now()))
			break
		}
	}
	return nil
}

// keyReader reads single key presses.
type keyReader interface {
	ReadKey() (byte, error)
}

// rawKeys reads keys from a terminal in raw mode, one at a time, leaving
// the terminal in its normal mode between reads so that output prints
// normally.
type rawKeys struct{ f *os.File }

func (r rawKeys) ReadKey() (byte, error) {
	fd := int(r.f.Fd())
	old, err := term.MakeRaw(fd)
	if err != nil {
		return 0, err
	}
	defer term.Restore(fd, old) //nolint:errcheck
	var b [8]byte
	n, err := r.f.Read(b[:])
	if err != nil {
		return 0, err
	}
	if n == 0 {
		return 0, io.EOF
	}
	return b[0], nil
}

// streamKeys reads keys from any reader (tests).
type streamKeys struct{ r io.Reader }

func (s streamKeys) ReadKey() (byte, error) {
	var b [1]byte
	if _, err := io.ReadFull(s.r, b[:]); err != nil {
		return 0, err
	}
	return b[0], nil
}

func (s *session) keys() keyReader {
	if f, ok := s.f.IO.In.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return rawKeys{f}
	}
	return streamKeys{s.f.IO.In}
}

func (s *session) runInteractive() error {
	// Ctrl-C arrives as a key in raw mode; while printing, ignore the
	// signal so that it cannot cut a session short without its summary.
	signal.Ignore(os.Interrupt)
	defer signal.Reset(os.Interrupt)
	keys := s.keys()
	out := s.f.IO.Out
	p := s.f.Policy
	p.Format = render.FormatPretty
	for i, c := range s.cards {
		fmt.Fprintf(out, "\n[%d/%d] Question %s · %s\n\n  %s\n\n", i+1, len(s.cards), c.q.Ref(), c.q.Level, c.q.Title)
		fmt.Fprint(out, "Press Enter or space to show the answer (q to quit) ")
		for {
			k, err := keys.ReadKey()
			if err != nil || isQuit(k) {
				fmt.Fprintln(out)
				return nil
			}
			if k == '\r' || k == '\n' || k == ' ' {
				break
			}
		}
		fmt.Fprintln(out)
		var answer strings.Builder
		if err := render.Questions(&answer, p, []*bank.Question{c.q}, nil); err != nil {
			return err
		}
		fmt.Fprint(out, answer.String())
		fmt.Fprint(out, "\nGrade: 1 again · 2 hard · 3 good · 4 easy (q to quit) ")
		for {
			k, err := keys.ReadKey()
			if err != nil || isQuit(k) {
				fmt.Fprintln(out)
				return nil
			}
			g, ok := parseGrade(string(k))
			if !ok {
				continue
			}
			card, err := s.grade(c, g)
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "%s\n%s: next review %s\n", gradeNames[g], gradeNames[g], when(card.Due, s.f.Now()))
			break
		}
	}
	return nil
}

func isQuit(k byte) bool { return k == 'q' || k == 'Q' || k == 3 || k == 4 || k == 0x1b }

func (s *session) summary() {
	st, err := s.store.Load()
	next := ""
	if err == nil {
		var soonest time.Time
		for _, c := range st.Cards {
			if soonest.IsZero() || c.Due.Before(soonest) {
				soonest = c.Due
			}
		}
		if !soonest.IsZero() {
			next = "; next review due " + when(soonest, s.f.Now())
		}
	}
	fmt.Fprintf(s.f.IO.ErrOut, "Reviewed %d card%s, %d correct%s.\n", s.reviewed, plural(s.reviewed), s.correct, next)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// when says how far away t is, for people.
func when(t, now time.Time) string {
	d := t.Sub(now)
	switch {
	case d <= 0:
		return "now"
	case d < time.Hour:
		return fmt.Sprintf("in %d minutes", int(d.Round(time.Minute).Minutes()))
	case d < 36*time.Hour:
		return fmt.Sprintf("in %d hours", int(d.Round(time.Hour).Hours()))
	default:
		return fmt.Sprintf("in %d days (%s)", int((d+12*time.Hour).Hours()/24), t.Local().Format("2 Jan"))
	}
}
