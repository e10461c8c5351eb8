package browse

import (
	"errors"
	"io"
	"os"
	"os/signal"

	tea "charm.land/bubbletea/v2"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/errkind"
)

// Run shows the browser on the terminal tty (read and drawn on, whatever
// stdout is) with the terminal variables env, until the person quits. It
// returns the question picked with p, or nil; Ctrl-C, as a key or as a
// SIGINT, is errkind.ErrInterrupted, so that the command exits 130 as fzf
// does and a script can tell an abort from a pick or a quit.
func Run(cfg Config, tty io.ReadWriter, env []string) (*bank.Question, error) {
	m := New(cfg)
	// The process's clean-up handler (search.CleanUpOnSignal) would end
	// the process on SIGINT while the screen is still in the alternate
	// buffer and raw mode: let Bubble Tea alone take the signal, restore
	// the terminal and report it. Ignore drops every handler, and Bubble
	// Tea's own Notify then turns the signal back on for it only.
	signal.Ignore(os.Interrupt)
	_, err := tea.NewProgram(m, tea.WithInput(tty), tea.WithOutput(tty), tea.WithEnvironment(env)).Run()
	switch {
	case m.interrupted || errors.Is(err, tea.ErrInterrupted):
		return nil, errkind.ErrInterrupted
	case err != nil && !errors.Is(err, tea.ErrProgramKilled):
		return nil, err
	}
	return m.picked, nil
}
