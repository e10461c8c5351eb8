package cli

import (
	"errors"
	"fmt"
	"syscall"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/render"
)

// Exit codes, documented in the README.
const (
	ExitOK       = 0
	ExitNotFound = 1
	ExitError    = 1
	ExitUsage    = 2
	ExitInternal = 70
)

// UsageError is a mistake in how djq was called: a bad flag value, a
// malformed id. It maps to exit code 2.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// usagef builds a UsageError.
func usagef(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}

// NotFoundError means the request was well formed but nothing matched: an
// id that does not exist, a filter with no questions, a search with no hits.
// It maps to exit code 1.
type NotFoundError struct{ Err error }

func (e *NotFoundError) Error() string { return e.Err.Error() }
func (e *NotFoundError) Unwrap() error { return e.Err }

func notFoundf(format string, args ...any) error {
	return &NotFoundError{Err: fmt.Errorf(format, args...)}
}

// silentError carries an exit code whose message has already been printed.
type silentError struct{ code int }

func (e *silentError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// ExitCode maps an error from a command to the process exit code, the one
// place where that decision is made.
func ExitCode(err error) int {
	var (
		usage    *UsageError
		rusage   *render.UsageError
		notFound *NotFoundError
		bnf      *bank.NotFoundError
		silent   *silentError
	)
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &silent):
		return silent.code
	case errors.As(err, &usage), errors.As(err, &rusage):
		return ExitUsage
	case errors.As(err, &notFound), errors.As(err, &bnf):
		return ExitNotFound
	default:
		return ExitError
	}
}

// isBrokenPipe reports whether err comes from writing to a pipe whose
// reader has gone (`djq list | head -1`), which is not worth a message.
func isBrokenPipe(err error) bool {
	return errors.Is(err, syscall.EPIPE)
}
