// Package exitcode is the one mapping from an error to the process exit code.
// Domain packages say what kind an error is through internal/errkind (a bad
// reference in bank, a bad query in search) and know nothing of codes; only
// the command layer (internal/cli) imports this package, and Of is the only
// place that turns a kind into a number.
package exitcode

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/djq-cli/djq/internal/errkind"
)

// The exit codes, documented in the README.
const (
	OK       = 0
	NotFound = 1 // well formed, but nothing matched (an id with no question, a search with no hits)
	Error    = 1 // the work failed (a full disk, an unreadable state file)
	Usage    = 2 // djq was called wrongly (a bad flag value, an unknown deck, tag or level)
	Internal = 70
	// Interrupted is Ctrl-C or SIGINT in browse or quiz: 128+SIGINT, what a
	// shell reports for a process killed by the signal and what fzf exits
	// with, so that `djq browse >> notes.md && …` tells an abort from a pick.
	Interrupted = 130
)

// Usagef is a usage error (exit 2) made in the command layer; domain
// packages call errkind.Usagef themselves.
func Usagef(format string, args ...any) error { return errkind.Usagef(format, args...) }

// silent carries an exit code whose message has already been written.
type silent struct{ code int }

func (e *silent) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// Silent is an error whose message was already printed (decks check lists
// its problems itself): only its code matters.
func Silent(code int) error { return &silent{code: code} }

// IsSilent reports whether err has nothing left to print: its message was
// printed already, or it is an interruption (the person pressed Ctrl-C and
// needs no line saying so, as with fzf).
func IsSilent(err error) bool {
	var s *silent
	return errors.As(err, &s) || errkind.Of(err) == errkind.Interrupted
}

// IsBrokenPipe reports whether err comes from writing to a pipe whose
// reader has gone (`djq export | head -1`): the reader has what it wanted,
// so this is success, not an error worth a message.
func IsBrokenPipe(err error) bool { return errors.Is(err, syscall.EPIPE) }

// Of maps an error from a command to the process exit code: nil and a
// closed pipe are success, a silent error gives its own code, a usage error
// exits 2, a not-found error 1, an interruption 130, and anything else is a
// failure of the work (1).
func Of(err error) int {
	if err == nil || IsBrokenPipe(err) {
		return OK
	}
	var s *silent
	if errors.As(err, &s) {
		return s.code
	}
	switch errkind.Of(err) {
	case errkind.Usage:
		return Usage
	case errkind.NotFound:
		return NotFound
	case errkind.Interrupted:
		return Interrupted
	}
	return Error
}

// Message is err's message as the one line djq prints for it: the README
// promises one line per error, so anything after a newline is dropped.
func Message(err error) string {
	s := strings.TrimSpace(err.Error())
	first, _, _ := strings.Cut(s, "\n")
	return strings.TrimSpace(first)
}

// UnwrapPath drops the path from a path error, whose message the caller
// already gives.
func UnwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Recover, deferred by the command layer, turns a panic inside a command
// into one "internal error" line on w and exit code Internal in *code,
// with the stack only when DJQ_DEBUG=1: a bug must not print a page of Go
// at a user, but a maintainer asking for it gets it.
func Recover(w io.Writer, getenv func(string) string, code *int) {
	r := recover()
	if r == nil {
		return
	}
	fmt.Fprintf(w, "djq: internal error: %v (please report this at https://github.com/djq-cli/djq/issues)\n", r)
	if getenv("DJQ_DEBUG") == "1" {
		fmt.Fprintf(w, "%s", debug.Stack())
	}
	*code = Internal
}
