package iostreams

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"syscall"

	"golang.org/x/term"

	"github.com/djq-cli/djq/internal/sanitize"
)

// PagerMode is the user's choice from --pager / --no-pager.
type PagerMode int

// Pager modes.
const (
	// PagerAuto pages on a terminal when the output is taller than it.
	PagerAuto PagerMode = iota
	// PagerAlways pages on a terminal whatever the length.
	PagerAlways
	// PagerNever never pages.
	PagerNever
)

// SetHeight fixes the terminal height the streams report (tests).
func (s *IOStreams) SetHeight(h int) { s.height = func() int { return h } }

// TerminalHeight returns the height of the terminal on stdout, or 0.
func (s *IOStreams) TerminalHeight() int {
	if !s.stdoutTTY || s.height == nil {
		return 0
	}
	return s.height()
}

// PagerCommand is the pager to use: $DJQ_PAGER, else $PAGER, else
// "less -FRX" when less is installed; empty means none. A value of "cat"
// (or an empty DJQ_PAGER set on purpose) disables paging.
func (s *IOStreams) PagerCommand() string {
	if v, ok := s.lookupEnv("DJQ_PAGER"); ok {
		return strings.TrimSpace(v)
	}
	if v := strings.TrimSpace(s.Getenv("PAGER")); v != "" {
		return v
	}
	if s.lookPath != nil {
		if _, err := s.lookPath("less"); err == nil {
			return "less -FRX"
		}
	}
	return ""
}

func (s *IOStreams) lookupEnv(k string) (string, bool) {
	if s.LookupEnv != nil {
		return s.LookupEnv(k)
	}
	v := s.Getenv(k)
	return v, v != ""
}

// WriteOutput writes a command's whole output to stdout, through the pager
// when stdout is a terminal and mode asks for it (PagerAuto: only when the
// text is taller than the terminal). A pager that the user quits early is
// not an error; a pager that cannot be started is reported once and the
// text is written directly. A reader that went away (EPIPE) comes back as
// it is, for the caller to treat as success; any other failure (a full
// disk) says it was the writing that failed.
func (s *IOStreams) WriteOutput(text string, mode PagerMode) error {
	err := s.writeOutput(text, mode)
	if err != nil && !errors.Is(err, syscall.EPIPE) {
		return fmt.Errorf("writing output: %w", err)
	}
	return err
}

func (s *IOStreams) writeOutput(text string, mode PagerMode) error {
	if s.usePager(text, mode) {
		err := s.runPager(text)
		if err == nil {
			return nil
		}
		var startErr *pagerStartError
		if !errors.As(err, &startErr) {
			return err
		}
		fmt.Fprintf(s.ErrOut, "djq: %v; printing without a pager\n", startErr)
	}
	_, err := io.WriteString(s.Out, text)
	return err
}

func (s *IOStreams) usePager(text string, mode PagerMode) bool {
	if mode == PagerNever || !s.stdoutTTY || !s.TerminalCanPage() || s.PagerCommand() == "" || s.PagerCommand() == "cat" {
		return false
	}
	if mode == PagerAlways {
		return true
	}
	h := s.TerminalHeight()
	return h > 0 && strings.Count(text, "\n") >= h
}

type pagerStartError struct {
	cmd string
	err error
}

func (e *pagerStartError) Error() string {
	return fmt.Sprintf("cannot start pager %s (set DJQ_PAGER or PAGER): %v", sanitize.Quote(e.cmd), e.err)
}

// TerminalCanPage reports whether the terminal can run a full-screen pager:
// not with TERM=dumb (Emacs shell buffers, where less stops with "terminal
// is not fully functional") and not with TERM unset, which on Unix means no
// terminal description at all. Windows consoles do not set TERM, so there
// an unset TERM still pages.
func (s *IOStreams) TerminalCanPage() bool {
	t, ok := s.lookupEnv("TERM")
	t = strings.TrimSpace(t)
	if t == "dumb" {
		return false
	}
	return t != "" || (!ok && runtime.GOOS == "windows")
}

// runPager feeds text to the pager and waits for it to exit.
func (s *IOStreams) runPager(text string) error {
	line := s.PagerCommand()
	args := strings.Fields(line)
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdout = s.Out
	cmd.Stderr = s.ErrOut
	env := os.Environ()
	if s.Getenv("LESS") == "" {
		// -F quits when the text fits, -R passes colours, -X keeps the
		// text on screen after quitting.
		env = append(env, "LESS=FRX")
	}
	if s.Getenv("LV") == "" {
		env = append(env, "LV=-c")
	}
	cmd.Env = env
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return &pagerStartError{line, err}
	}
	if err := cmd.Start(); err != nil {
		return &pagerStartError{line, err}
	}
	_, werr := io.WriteString(stdin, text)
	stdin.Close()
	waitErr := cmd.Wait()
	if werr != nil && !errors.Is(werr, syscall.EPIPE) && !errors.Is(werr, os.ErrClosed) {
		return fmt.Errorf("writing to the pager: %w", werr)
	}
	// A pager's exit status says nothing about djq's output: less exits 0
	// on q, others exit non-zero when the user interrupts them.
	_ = waitErr
	return nil
}

// systemHeight reads the terminal height of stdout.
func systemHeight() int {
	_, h, err := term.GetSize(int(os.Stdout.Fd()))
	if err != nil {
		return 0
	}
	return h
}
