// Package errkind names the kinds of error djq's domain packages make: a
// usage error (djq was called wrongly) or a not-found error (well formed, but
// nothing matched). A domain package says which kind an error is where it
// arises, and knows nothing of exit codes: internal/exitcode, called from the
// command layer only, is the one mapping from a kind to a code, as gh keeps
// FlagError in cmdutil and maps it in one function. It is a leaf: any package
// may import it.
package errkind

import (
	"errors"
	"fmt"
)

// Kind is what sort of failure an error reports.
type Kind int

// The kinds. Failure is the zero value: an error that says nothing of its
// kind failed at its work (a full disk, an unreadable file).
const (
	Failure Kind = iota
	Usage
	NotFound
	// Interrupted is a session the person cut short with Ctrl-C (or a
	// SIGINT), as opposed to one they ended with q: a script running
	// `djq browse >> notes.md && …` must tell an abort from a pick.
	Interrupted
)

// Kinded is an error that knows its kind. Typed domain errors (bank.RefError,
// search.QueryError, ...) implement it so that callers can still inspect
// their fields with errors.As.
type Kinded interface {
	error
	Kind() Kind
}

// UsageError is an error in how djq was called: the message names the bad
// value and what is valid.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// Kind marks the error as a usage error.
func (e *UsageError) Kind() Kind { return Usage }

// NotFoundError is a well-formed request that matched nothing.
type NotFoundError struct{ Err error }

func (e *NotFoundError) Error() string { return e.Err.Error() }
func (e *NotFoundError) Unwrap() error { return e.Err }

// Kind marks the error as a not-found error.
func (e *NotFoundError) Kind() Kind { return NotFound }

// InterruptedError is work stopped by Ctrl-C or SIGINT. Whatever was done
// before it (a quiz's grades) is kept; the person knows what they pressed,
// so the command layer prints nothing for it.
type InterruptedError struct{}

func (e *InterruptedError) Error() string { return "interrupted" }

// Kind marks the error as an interruption.
func (e *InterruptedError) Kind() Kind { return Interrupted }

// ErrInterrupted is the interruption error; compare with errors.Is or Of.
var ErrInterrupted error = &InterruptedError{}

// Usagef is a usage error formatted as fmt.Errorf formats (so %w wraps).
func Usagef(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}

// AsUsage marks err as a usage error, keeping its message.
func AsUsage(err error) error { return &UsageError{Err: err} }

// NotFoundf is a not-found error formatted as fmt.Errorf formats.
func NotFoundf(format string, args ...any) error {
	return &NotFoundError{Err: fmt.Errorf(format, args...)}
}

// Of is the kind of the outermost error in err's chain that knows its kind,
// or Failure when none does.
func Of(err error) Kind {
	var k Kinded
	if errors.As(err, &k) {
		return k.Kind()
	}
	return Failure
}
