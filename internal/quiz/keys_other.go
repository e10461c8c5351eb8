//go:build !unix

package quiz

import (
	"os"

	"github.com/djq-cli/djq/internal/errkind"
)

// waitKey reports a signal already waiting on interrupts; elsewhere than
// on Unix the read itself waits for the key.
func waitKey(_ int, interrupts <-chan os.Signal) error {
	if signalled(interrupts) {
		return errkind.ErrInterrupted
	}
	return nil
}
