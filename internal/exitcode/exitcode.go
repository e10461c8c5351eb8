// Package exitcode holds djq's error kinds and the one mapping from an error
// to the process exit code. Errors carry their kind through an ExitCode
// method, wherever they are made (a bad reference in bank, a bad flag value
// in render, a bad query in search); Of is the only place that reads it.
// It is a leaf: any package may import it.
package exitcode

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
)

// The exit codes, documented in the README.
const (
	OK       = 0
	NotFound = 1 // well formed, but nothing matched (an id with no question, a search with no hits)
	Error    = 1 // the work failed (a full disk, an unreadable state file)
	Usage    = 2 // djq was called wrongly (a bad flag value, an unknown deck, tag or level)
	Internal = 70
)

// Coder is an error that knows its exit code.
type Coder interface {
	error
	ExitCode() int
}

// kind wraps an error with an exit code.
type kind struct {
	code int
	err  error
}

func (e *kind) Error() string { return e.err.Error() }
func (e *kind) Unwrap() error { return e.err }

// ExitCode is the code the error maps to.
func (e *kind) ExitCode() int { return e.code }

// Usagef is a usage error (exit 2): the message names the bad value and what
// is valid.
func Usagef(format string, args ...any) error {
	return &kind{code: Usage, err: fmt.Errorf(format, args...)}
}

// AsUsage marks err as a usage error, keeping its message.
func AsUsage(err error) error { return &kind{code: Usage, err: err} }

// NotFoundf is a not-found error (exit 1).
func NotFoundf(format string, args ...any) error {
	return &kind{code: NotFound, err: fmt.Errorf(format, args...)}
}

// AsNotFound marks err as a not-found error, keeping its message.
func AsNotFound(err error) error { return &kind{code: NotFound, err: err} }

// silent carries an exit code whose message has already been written.
type silent struct{ code int }

func (e *silent) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// ExitCode is the code the error maps to.
func (e *silent) ExitCode() int { return e.code }

// Silent is an error whose message was already printed (decks check lists
// its problems itself): only its code matters.
func Silent(code int) error { return &silent{code: code} }

// IsSilent reports whether err has nothing left to print.
func IsSilent(err error) bool {
	var s *silent
	return errors.As(err, &s)
}

// IsBrokenPipe reports whether err comes from writing to a pipe whose
// reader has gone (`djq export | head -1`): the reader has what it wanted,
// so this is success, not an error worth a message.
func IsBrokenPipe(err error) bool { return errors.Is(err, syscall.EPIPE) }

// Of maps an error from a command to the process exit code: nil and a
// closed pipe are success, an error that knows its kind gives it, and
// anything else is a failure of the work (1).
func Of(err error) int {
	if err == nil || IsBrokenPipe(err) {
		return OK
	}
	var c Coder
	if errors.As(err, &c) {
		return c.ExitCode()
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
