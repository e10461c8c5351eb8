// Package quiz runs a flashcard session: it picks the cards (due first, then
// new ones in a seeded order), shows each, reads a grade, and records it at
// once through the state store, so that quitting or a crash loses nothing
// already answered. It reads keys from a terminal in raw mode or grades
// from lines of text (--plain); the command layer only wires it up.
package quiz

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

	tea "charm.land/bubbletea/v2"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/errkind"
	"github.com/djq-cli/djq/internal/fsrs"
	"github.com/djq-cli/djq/internal/sanitize"
	"github.com/djq-cli/djq/internal/state"
)

// Card is a question chosen for the session with its state key.
type Card struct {
	Q   *bank.Question
	Key string
}

// Choose picks due cards first (most overdue first), then new cards in an
// order fixed by seed, at most count in all.
func Choose(pool []*bank.Question, st *state.State, now time.Time, count int, seed int64) []Card {
	var due, fresh []Card
	for _, q := range pool {
		c := Card{Q: q, Key: state.CardKey(q.Deck, q.ID)}
		card, seen := st.Cards[c.Key]
		switch {
		case !seen || card.IsNew():
			fresh = append(fresh, c)
		case !card.Due.After(now):
			due = append(due, c)
		}
	}
	sort.SliceStable(due, func(i, j int) bool { return st.Cards[due[i].Key].Due.Before(st.Cards[due[j].Key].Due) })
	rng := rand.New(rand.NewPCG(uint64(seed), 0x717569))
	rng.Shuffle(len(fresh), func(i, j int) { fresh[i], fresh[j] = fresh[j], fresh[i] })
	out := append(due, fresh...)
	return out[:min(count, len(out))]
}

// NextDue is the soonest due date among pool's cards, zero when none has
// been reviewed.
func NextDue(st *state.State, pool []*bank.Question) time.Time {
	var next time.Time
	for _, q := range pool {
		if c, ok := st.Cards[state.CardKey(q.Deck, q.ID)]; ok && (next.IsZero() || c.Due.Before(next)) {
			next = c.Due
		}
	}
	return next
}

// Deal chooses a session's cards as Choose does; when every card of pool
// is scheduled for later it is a not-found error that says when the next
// one is due.
func Deal(pool []*bank.Question, st *state.State, now time.Time, count int, seed int64) ([]Card, error) {
	cards := Choose(pool, st, now, count, seed)
	if len(cards) > 0 {
		return cards, nil
	}
	next := ""
	if t := NextDue(st, pool); !t.IsZero() {
		next = " (the next is due " + t.Local().Format("Mon 2 Jan 15:04") + ")"
	}
	return nil, errkind.NotFoundf("nothing to review now: every card here is scheduled for later%s (djq stats shows when)", next)
}

// Session is one run of cards.
type Session struct {
	Store *state.Store
	Sched *fsrs.Scheduler
	Cards []Card
	Now   func() time.Time
	// Out gets the cards; ErrOut the prompts and the summary.
	Out, ErrOut io.Writer
	// Markdown is a card as Markdown (--plain); Rendered is the revealed
	// answer for a terminal.
	Markdown func(*bank.Question) string
	Rendered func(q *bank.Question, width int) string
	// WriteCard writes a --plain card (through the pager policy).
	WriteCard func(string) error
	// Height is the terminal's height in rows. An answer that does not fit
	// on the screen with its grade prompt opens in a full-screen reader
	// that scrolls, on TTYIn and TTYOut; with Height 0 (unknown) or
	// without them every answer is printed.
	Height        int
	TTYIn, TTYOut *os.File
	// Width is the columns answers are rendered at (Rendered's width; 0
	// for the renderer's own). The reader renders again, narrower, when
	// its window becomes narrower than that.
	Width int
	// Env holds the terminal's variables (TERM, NO_COLOR...) for the
	// reader, which decides its colours from them.
	Env []string

	// showReader runs the reader until it ends; nil runs it on the
	// terminal. Tests replace it to drive the reader with messages.
	showReader func(*reader) error
	// interrupts delivers SIGINT to the session; nil listens for the
	// real signal. Tests send on it.
	interrupts <-chan os.Signal

	reviewed, correct int
}

// UseTerminal lets an answer taller than height rows open in the
// full-screen reader, which needs the terminal itself on both sides: when
// in or out is not a file (stdout redirected), every answer is printed.
func (s *Session) UseTerminal(in io.Reader, out io.Writer, height int, env []string) {
	inFile, ok := in.(*os.File)
	outFile, ok2 := out.(*os.File)
	if ok && ok2 {
		s.Height, s.TTYIn, s.TTYOut, s.Env = height, inFile, outFile, env
	}
}

// grade records a grade at once.
func (s *Session) grade(c Card, g fsrs.Grade) (fsrs.Card, error) {
	card, err := s.Store.Grade(s.Sched, c.Key, g, s.Now())
	if err != nil {
		return card, err
	}
	s.reviewed++
	if g != fsrs.Again {
		s.correct++
	}
	return card, nil
}

// ParseGrade reads a grade typed as a word, its initial or 1-4.
func ParseGrade(s string) (fsrs.Grade, bool) {
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

// RunPlain prints each card as Markdown and reads one grade per line;
// end of input or "q" ends the session. Ctrl-C (SIGINT) while it waits for
// a line ends it with errkind.ErrInterrupted: every grade given before is
// saved already, and the caller still prints the summary.
func (s *Session) RunPlain(in *bufio.Reader) error {
	interrupts, stop := s.listen()
	defer stop()
	lines := &lineReader{in: in, interrupts: interrupts}
	for i, c := range s.Cards {
		doc := fmt.Sprintf("<!-- card %d of %d -->\n\n%s\n", i+1, len(s.Cards), s.Markdown(c.Q))
		if err := s.WriteCard(doc); err != nil {
			return err
		}
		if done, err := s.plainGrade(lines, c); done || err != nil {
			return err
		}
	}
	return nil
}

// listen delivers SIGINT to the session, which ends with its summary and
// errkind.ErrInterrupted, instead of letting it end the process. Ignore
// drops every handler of the signal, the process's clean-up one (which
// would end the process before the summary) included; Notify then turns it
// back on for the session only. stop ends that. A process started with
// SIGINT ignored (a background job) keeps it ignored: nothing is
// delivered. Tests set s.interrupts.
func (s *Session) listen() (interrupts <-chan os.Signal, stop func()) {
	if s.interrupts != nil || signal.Ignored(os.Interrupt) {
		return s.interrupts, func() {}
	}
	ch := make(chan os.Signal, 1)
	signal.Ignore(os.Interrupt)
	signal.Notify(ch, os.Interrupt)
	return ch, func() { signal.Stop(ch) }
}

// lineReader reads lines in the background, so that a SIGINT can end the
// wait for one: a read from stdin cannot be cut short.
type lineReader struct {
	in         *bufio.Reader
	interrupts <-chan os.Signal
}

// ReadLine is the next line, or errkind.ErrInterrupted when a SIGINT
// comes first (the read left behind ends with the process).
func (l *lineReader) ReadLine() (string, error) {
	type result struct {
		line string
		err  error
	}
	got := make(chan result, 1)
	go func() {
		line, err := l.in.ReadString('\n')
		got <- result{line, err}
	}()
	select {
	case r := <-got:
		return r.line, r.err
	case <-l.interrupts:
		return "", errkind.ErrInterrupted
	}
}

// plainGrade reads one line and grades the card with it; done is true
// when the session should end.
func (s *Session) plainGrade(in *lineReader, c Card) (done bool, err error) {
	fmt.Fprint(s.ErrOut, "grade (again, hard, good, easy or 1-4): ")
	line, rerr := in.ReadLine()
	if errors.Is(rerr, errkind.ErrInterrupted) {
		fmt.Fprintln(s.ErrOut)
		return true, rerr
	}
	text := strings.TrimSpace(line)
	if text == "" && rerr != nil {
		fmt.Fprintln(s.ErrOut)
		return true, nil // end of input ends the session
	}
	if strings.EqualFold(text, "q") || strings.EqualFold(text, "quit") {
		return true, nil
	}
	g, ok := ParseGrade(text)
	if !ok {
		// A script that sent a wrong word must not go on as if the card
		// were graded: stop with a usage error. Every grade given before
		// is already saved.
		fmt.Fprintln(s.ErrOut)
		return true, errkind.Usagef("unknown grade %s: use again, hard, good, easy or 1-4 (or q to stop)", sanitize.Quote(text))
	}
	card, err := s.grade(c, g)
	if err != nil {
		return true, err
	}
	fmt.Fprintf(s.ErrOut, "%s: next review %s\n", gradeNames[g], When(card.Due, s.Now()))
	return false, nil
}

// RunInteractive shows each card on a terminal, reveals the answer on
// Enter or space and reads a grade key. An answer taller than the terminal
// opens in the reader, which takes the grade keys itself. q and Esc end
// the session; Ctrl-C ends it with errkind.ErrInterrupted. Either way the
// grades given are saved already.
func (s *Session) RunInteractive(in io.Reader) error {
	// Ctrl-C arrives as a key in raw mode; a SIGINT (Ctrl-C while an
	// answer prints, or kill -INT) is read as one at the next key.
	interrupts, stop := s.listen()
	defer stop()
	keys := keysFrom(in, interrupts)
	for i, c := range s.Cards {
		fmt.Fprintf(s.Out, "\n[%d/%d] Question %s · %s\n\n  %s\n\n", i+1, len(s.Cards), c.Q.Ref(), c.Q.Level, c.Q.Title)
		fmt.Fprint(s.Out, "Press Enter or space to show the answer (q to quit) ")
		if reveal, err := waitReveal(keys); !reveal {
			fmt.Fprintln(s.Out)
			return err
		}
		fmt.Fprintln(s.Out)
		answer := s.Rendered(c.Q, s.Width)
		var (
			done bool
			err  error
		)
		if s.tall(answer, c.Q) {
			done, err = s.readerGrade(answer, c, fmt.Sprintf("[%d/%d] Question %s", i+1, len(s.Cards), c.Q.Ref()))
		} else {
			fmt.Fprint(s.Out, answer)
			s.printSummary(c.Q)
			fmt.Fprint(s.Out, gradePrompt)
			done, err = s.keyGrade(keys, c)
		}
		if done || err != nil {
			return err
		}
	}
	return nil
}

// printSummary prints "In short: " and the summary under an answer, just
// above the grade prompt, wrapped at spaces to the width answers are
// rendered at (80 when that is unknown): a summary runs to 280
// characters, and a terminal's own wrapping cuts words in half.
func (s *Session) printSummary(q *bank.Question) {
	if q.Summary == "" {
		return
	}
	fmt.Fprintf(s.Out, "\n%s\n", strings.Join(wrap("In short: "+q.Summary, s.summaryWidth()), "\n"))
}

// summaryWidth is the width the summary is wrapped at.
func (s *Session) summaryWidth() int {
	if s.Width > 0 {
		return s.Width
	}
	return 80
}

const gradePrompt = "\nGrade: 1 again · 2 hard · 3 good · 4 easy (q to quit) "

// tall reports whether answer, printed after the reveal prompt with its
// wrapped summary and the grade prompt, would push its own start off the
// screen.
func (s *Session) tall(answer string, q *bank.Question) bool {
	if s.Height <= 0 || s.showReader == nil && (s.TTYIn == nil || s.TTYOut == nil) {
		return false
	}
	rows := 1 + strings.Count(strings.TrimRight(answer, "\n"), "\n") + 1 + 2
	if q.Summary != "" {
		rows += 1 + len(wrap("In short: "+q.Summary, s.summaryWidth()))
	}
	return rows > s.Height
}

// readerGrade shows answer in the reader and records the grade given
// there. On the normal screen it leaves what the short prompt would: the
// summary, the grade prompt and the grade.
func (s *Session) readerGrade(answer string, c Card, label string) (done bool, err error) {
	r := newReader(answer, label, 80, s.Height)
	if s.Width > 0 {
		r.rerender = func(w int) string { return s.Rendered(c.Q, w) }
		r.renderedAt, r.maxWidth = s.Width, s.Width
	}
	show := s.showReader
	if show == nil {
		show = teaReader(s.TTYIn, s.TTYOut, s.Env)
	}
	// Bubble Tea listens for SIGINT too while it runs (and reports it as
	// tea.ErrInterrupted); the session's own listening goes on after it.
	err = show(r)
	if r.interrupted || errors.Is(err, tea.ErrInterrupted) {
		return true, errkind.ErrInterrupted
	}
	if err != nil {
		return true, fmt.Errorf("answer reader: %w", err)
	}
	g, ok := r.Graded()
	if !ok {
		return true, nil
	}
	s.printSummary(c.Q)
	fmt.Fprint(s.Out, gradePrompt)
	return s.record(c, g)
}

// waitReveal reads keys until Enter or space (true) or a quit key (false,
// with errkind.ErrInterrupted for Ctrl-C).
func waitReveal(keys keyReader) (bool, error) {
	for {
		k, err := keys.ReadKey()
		if err != nil || isQuit(k) {
			return false, quitError(k, err)
		}
		if k == '\r' || k == '\n' || k == ' ' {
			return true, nil
		}
	}
}

// keyGrade reads keys until one is a grade and records it.
func (s *Session) keyGrade(keys keyReader, c Card) (done bool, err error) {
	for {
		k, err := keys.ReadKey()
		if err != nil || isQuit(k) {
			fmt.Fprintln(s.Out)
			return true, quitError(k, err)
		}
		g, ok := ParseGrade(string(k))
		if !ok {
			continue
		}
		return s.record(c, g)
	}
}

// record saves a grade given at the prompt and says when the card is next
// due.
func (s *Session) record(c Card, g fsrs.Grade) (done bool, err error) {
	card, err := s.grade(c, g)
	if err != nil {
		return true, err
	}
	fmt.Fprintf(s.Out, "%s\n%s: next review %s\n", gradeNames[g], gradeNames[g], When(card.Due, s.Now()))
	return false, nil
}

func isQuit(k byte) bool { return k == 'q' || k == 'Q' || k == ctrlC || k == 4 || k == 0x1b }

// ctrlC is the byte Ctrl-C sends in raw mode.
const ctrlC = 3

// quitError is what ending the session on key k (or on a failed read)
// returns: an interruption for Ctrl-C or a SIGINT, nothing for q, Esc,
// Ctrl-D or the end of the keys, as before.
func quitError(k byte, err error) error {
	if errors.Is(err, errkind.ErrInterrupted) || err == nil && k == ctrlC {
		return errkind.ErrInterrupted
	}
	return nil
}

// Summary prints how the session went and when the next review is due.
func (s *Session) Summary() {
	next := ""
	if st, err := s.Store.Load(); err == nil {
		var soonest time.Time
		for _, c := range st.Cards {
			if soonest.IsZero() || c.Due.Before(soonest) {
				soonest = c.Due
			}
		}
		if !soonest.IsZero() {
			next = "; next review due " + When(soonest, s.Now())
		}
	}
	fmt.Fprintf(s.ErrOut, "Reviewed %s, %d correct%s.\n", Count(s.reviewed, "card"), s.correct, next)
}

// Count says "1 card" or "3 cards".
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// When says how far away t is, for people: "now", "in 1 minute", "in 5
// hours", "in 3 days (2 Dec)".
func When(t, now time.Time) string {
	d := t.Sub(now)
	switch {
	case d <= 0:
		return "now"
	case d < time.Hour:
		return "in " + Count(max(1, int(d.Round(time.Minute).Minutes())), "minute")
	case d < 36*time.Hour:
		return "in " + Count(int(d.Round(time.Hour).Hours()), "hour")
	default:
		return fmt.Sprintf("in %s (%s)", Count(int((d+12*time.Hour).Hours()/24), "day"), t.Local().Format("2 Jan"))
	}
}
