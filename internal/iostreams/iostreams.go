// Package iostreams owns djq's standard streams and what is known about them:
// whether each is a terminal, the terminal's width, and the colour
// preferences in the environment (NO_COLOR, CLICOLOR_FORCE, TERM).
//
// Nothing else in djq touches os.Stdin, os.Stdout or os.Stderr, so every
// command can be run in a test with in-memory streams whose TTY-ness the test
// chooses.
package iostreams

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"golang.org/x/term"
)

// IOStreams is the set of streams a command reads and writes, plus the facts
// about them that decide how output is rendered.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stdinTTY  bool
	stdoutTTY bool
	stderrTTY bool

	// width and height report the terminal's size, or 0 when unknown.
	width  func() int
	height func() int

	// lookPath finds programs (the pager); nil in tests unless set.
	lookPath func(string) (string, error)

	// LookupEnv tells a variable set to "" from one not set; nil falls
	// back to Getenv.
	LookupEnv func(string) (string, bool)

	// Getenv reads the environment; tests replace it so that no test depends
	// on the developer's shell.
	Getenv func(string) string

	// outFile is the real stdout when it is a file, used for terminal
	// queries (background colour) that must talk to the terminal itself.
	outFile *os.File

	// tail reports a non-empty regular file on stdout and how it ends;
	// nil for test streams unless set.
	tail func() (string, bool)

	// ttyWidth reads the controlling terminal's width; nil for test
	// streams unless set.
	ttyWidth func() int

	// queryBackground asks the terminal for its background colour; nil
	// for test streams, which have no terminal to ask.
	queryBackground func(time.Duration) Background
}

// System returns streams bound to the process's stdin, stdout and stderr.
func System() *IOStreams {
	return &IOStreams{
		In:        os.Stdin,
		Out:       os.Stdout,
		ErrOut:    os.Stderr,
		stdinTTY:  isTerminal(os.Stdin),
		stdoutTTY: isTerminal(os.Stdout),
		stderrTTY: isTerminal(os.Stderr),
		width: func() int {
			w, _, err := term.GetSize(int(os.Stdout.Fd()))
			if err != nil {
				return 0
			}
			return w
		},
		height:          systemHeight,
		lookPath:        exec.LookPath,
		LookupEnv:       os.LookupEnv,
		Getenv:          os.Getenv,
		outFile:         os.Stdout,
		queryBackground: queryTerminalBackground,
		tail:            func() (string, bool) { return fileTail(os.Stdout) },
		ttyWidth:        controllingTerminalWidth,
	}
}

// Test returns in-memory streams that are not terminals and an empty
// environment, together with the buffers behind them.
func Test() (ios *IOStreams, in *bytes.Buffer, out *bytes.Buffer, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	ios = &IOStreams{
		In:     in,
		Out:    out,
		ErrOut: errOut,
		width:  func() int { return 0 },
		height: func() int { return 0 },
		Getenv: func(string) string { return "" },
	}
	return ios, in, out, errOut
}

func isTerminal(f *os.File) bool {
	return term.IsTerminal(int(f.Fd()))
}

// SetStdinTTY makes the streams report stdin as a terminal or not (tests).
func (s *IOStreams) SetStdinTTY(v bool) { s.stdinTTY = v }

// SetStdoutTTY makes the streams report stdout as a terminal or not (tests).
func (s *IOStreams) SetStdoutTTY(v bool) { s.stdoutTTY = v }

// SetStderrTTY makes the streams report stderr as a terminal or not (tests).
func (s *IOStreams) SetStderrTTY(v bool) { s.stderrTTY = v }

// SetWidth fixes the terminal width the streams report (tests).
func (s *IOStreams) SetWidth(w int) { s.width = func() int { return w } }

// SetEnv replaces the environment with a fixed map (tests).
func (s *IOStreams) SetEnv(env map[string]string) {
	s.Getenv = func(k string) string { return env[k] }
	s.LookupEnv = func(k string) (string, bool) { v, ok := env[k]; return v, ok }
}

// SetLookPath replaces the program lookup used to find the pager (tests).
func (s *IOStreams) SetLookPath(f func(string) (string, error)) { s.lookPath = f }

// Confirm asks a yes-or-no question on stderr and reads one line of answer
// from stdin: only "y" or "yes", in any case, is yes.
func (s *IOStreams) Confirm(question string) bool {
	fmt.Fprintf(s.ErrOut, "%s [y/N] ", question)
	line, _ := bufio.NewReader(s.In).ReadString('\n')
	a := strings.ToLower(strings.TrimSpace(line))
	return a == "y" || a == "yes"
}

// TermEnv is the terminal's variables (TERM, NO_COLOR, CLICOLOR_FORCE,
// COLORTERM, TERM_PROGRAM) as KEY=VALUE, for a full-screen program that
// decides its colours from them rather than from the process environment.
func (s *IOStreams) TermEnv() []string {
	var env []string
	for _, k := range []string{"TERM", "NO_COLOR", "CLICOLOR_FORCE", "COLORTERM", "TERM_PROGRAM"} {
		if v := s.Getenv(k); v != "" {
			env = append(env, k+"="+v)
		}
	}
	return env
}

// IsStdinTTY reports whether stdin is a terminal.
func (s *IOStreams) IsStdinTTY() bool { return s.stdinTTY }

// IsStdoutTTY reports whether stdout is a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.stdoutTTY }

// IsStderrTTY reports whether stderr is a terminal.
func (s *IOStreams) IsStderrTTY() bool { return s.stderrTTY }

// TerminalWidth returns the width of the terminal on stdout, or 0 when stdout
// is not a terminal or its size cannot be read.
func (s *IOStreams) TerminalWidth() int {
	if !s.stdoutTTY || s.width == nil {
		return 0
	}
	return s.width()
}

// ColorMode is the user's colour choice from --color.
type ColorMode string

// The values --color accepts.
const (
	ColorAuto   ColorMode = "auto"
	ColorAlways ColorMode = "always"
	ColorNever  ColorMode = "never"
)

// ColorEnabled decides whether escape sequences for colour and emphasis may
// be written to stdout, following https://no-color.org and
// https://bixense.com/clicolors: an explicit --color wins, then NO_COLOR
// (any non-empty value) turns colour off, CLICOLOR_FORCE (non-zero) turns it
// on, TERM=dumb turns it off, and otherwise colour follows the terminal.
func (s *IOStreams) ColorEnabled(mode ColorMode) bool {
	switch mode {
	case ColorAlways:
		return true
	case ColorNever:
		return false
	}
	if s.Getenv("NO_COLOR") != "" {
		return false
	}
	if s.ColorForced() {
		return true
	}
	if s.Getenv("TERM") == "dumb" {
		return false
	}
	return s.stdoutTTY
}

// ColorForced reports whether CLICOLOR_FORCE asks for colour even when
// stdout is not a terminal. NO_COLOR takes precedence over it.
func (s *IOStreams) ColorForced() bool {
	v := s.Getenv("CLICOLOR_FORCE")
	if v == "" || s.Getenv("NO_COLOR") != "" {
		return false
	}
	if n, err := strconv.Atoi(v); err == nil && n == 0 {
		return false
	}
	return v != "false"
}

// StdoutTail reports whether stdout is a regular file that already holds
// text, as with `djq show 21 >> notes.md` (a fresh file from `>` is
// empty), and its last bytes (at most TailLen), so that what is written
// next can be kept one blank line from it. tail is "" when the file could
// not be read back.
func (s *IOStreams) StdoutTail() (tail string, appends bool) {
	if s.tail == nil {
		return "", false
	}
	return s.tail()
}

// SetStdoutAppends makes the streams report stdout as a non-empty regular
// file whose end cannot be read, or not (tests).
func (s *IOStreams) SetStdoutAppends(v bool) { s.tail = func() (string, bool) { return "", v } }

// SetStdoutTail makes the streams report stdout as a regular file holding
// text that ends with tail, or as no such file when tail is "" (tests).
func (s *IOStreams) SetStdoutTail(tail string) {
	s.tail = func() (string, bool) { return tail, tail != "" }
}

// ControllingTerminalWidth returns the width of the process's controlling
// terminal (/dev/tty), or 0 when there is none. It lets pretty output
// forced into a pipe (`djq show 35 --color always | less -R`) fit the
// terminal the pipe ends in.
func (s *IOStreams) ControllingTerminalWidth() int {
	if s.ttyWidth == nil {
		return 0
	}
	return s.ttyWidth()
}

// SetControllingTerminalWidth fixes the width ControllingTerminalWidth
// reports (tests).
func (s *IOStreams) SetControllingTerminalWidth(w int) { s.ttyWidth = func() int { return w } }

// controllingTerminalWidth reads the size of /dev/tty.
func controllingTerminalWidth() int {
	tty, err := os.Open("/dev/tty")
	if err != nil {
		return 0
	}
	defer tty.Close()
	w, _, err := term.GetSize(int(tty.Fd()))
	if err != nil {
		return 0
	}
	return w
}

// Recorder passes writes on to W and keeps the first error, for writers
// whose callers drop write errors: cobra prints help, usage and the
// version without checking them, so `djq --help > /dev/full` would succeed.
type Recorder struct {
	W   io.Writer
	Err error
}

// Write writes p to W and remembers the first failure.
func (r *Recorder) Write(p []byte) (int, error) {
	n, err := r.W.Write(p)
	if err != nil && r.Err == nil {
		r.Err = fmt.Errorf("writing output: %w", err)
	}
	return n, err
}

// WriteErr returns err, or when it is nil the write error w kept if w is
// a Recorder: a command that succeeded but whose output was lost failed.
func WriteErr(err error, w io.Writer) error {
	if r, ok := w.(*Recorder); ok && err == nil {
		return r.Err
	}
	return err
}

// DebugWriter is w when DJQ_DEBUG is set, else a writer that drops what it
// is given: for libraries that log on their own (Bleve), whose lines a user
// should see only when asking for detail.
func DebugWriter(getenv func(string) string, w io.Writer) io.Writer {
	if getenv("DJQ_DEBUG") != "" {
		return w
	}
	return io.Discard
}
