//go:build unix

package quiz

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"

	"github.com/djq-cli/djq/internal/errkind"
)

// waitKey waits until the terminal fd has a key to read, or a signal
// comes on interrupts (errkind.ErrInterrupted). It polls in steps of a
// tenth of a second: the signal may be delivered to another thread than
// the one waiting, so the wait itself is not reliably cut short by it.
func waitKey(fd int, interrupts <-chan os.Signal) error {
	for {
		if signalled(interrupts) {
			return errkind.ErrInterrupted
		}
		n, err := unix.Poll([]unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}, 100)
		switch {
		case errors.Is(err, unix.EINTR):
		case err != nil:
			return nil // let the read report what is wrong
		case n > 0:
			return nil
		}
	}
}
