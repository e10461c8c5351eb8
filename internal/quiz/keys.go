package quiz

import (
	"io"
	"os"

	"golang.org/x/term"

	"github.com/djq-cli/djq/internal/errkind"
)

// keyReader reads single key presses; 0 is a key that means nothing here.
// A SIGINT while it waits is errkind.ErrInterrupted.
type keyReader interface {
	ReadKey() (byte, error)
}

// keysFrom reads raw keys from a terminal, or bytes from any other reader
// (tests), either ending a wait on a signal from interrupts.
func keysFrom(in io.Reader, interrupts <-chan os.Signal) keyReader {
	if f, ok := in.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return rawKeys{f: f, interrupts: interrupts}
	}
	return streamKeys{r: in, interrupts: interrupts}
}

// signalled reports whether a signal is waiting on ch (nil: never).
func signalled(ch <-chan os.Signal) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

// rawKeys reads keys from a terminal in raw mode, one at a time, leaving
// the terminal in its normal mode between reads so that output prints
// normally.
type rawKeys struct {
	f          *os.File
	interrupts <-chan os.Signal
}

func (r rawKeys) ReadKey() (byte, error) {
	fd := int(r.f.Fd())
	old, err := term.MakeRaw(fd)
	if err != nil {
		return 0, err
	}
	defer term.Restore(fd, old) //nolint:errcheck
	// Wait for the key before reading it, so that a SIGINT can end the
	// wait with the terminal put back as it was: a read cannot be cut
	// short.
	if err := waitKey(fd, r.interrupts); err != nil {
		return 0, err
	}
	// A read returns a whole key, and a whole escape sequence when the
	// terminal sends one: an arrow key, or a late reply to a terminal
	// query. Those are not keys here, and must not read as Esc, which
	// quits the session.
	var b [64]byte
	n, err := r.f.Read(b[:])
	if err != nil {
		return 0, err
	}
	if n == 0 {
		return 0, io.EOF
	}
	if n > 1 && b[0] == 0x1b {
		return 0, nil
	}
	return b[0], nil
}

// streamKeys reads keys from any reader, in the background so that a
// signal can end the wait for one.
type streamKeys struct {
	r          io.Reader
	interrupts <-chan os.Signal
}

func (s streamKeys) ReadKey() (byte, error) {
	type result struct {
		key byte
		err error
	}
	got := make(chan result, 1)
	go func() {
		var b [1]byte
		_, err := io.ReadFull(s.r, b[:])
		got <- result{b[0], err}
	}()
	select {
	case r := <-got:
		if r.err != nil {
			return 0, r.err
		}
		return r.key, nil
	case <-s.interrupts:
		return 0, errkind.ErrInterrupted
	}
}
