//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package iostreams

import (
	"os"
	"strings"
	"time"

	"golang.org/x/sys/unix"
	"golang.org/x/term"
)

// queryTerminalBackground asks the controlling terminal for its background
// colour with OSC 11, followed by a primary device attributes request (DA1)
// that nearly every terminal answers: when DA1's reply arrives first the
// terminal does not support OSC 11 and there is no need to wait out the
// timeout. It does nothing when djq is not the terminal's foreground process,
// since reading then would stop the process with SIGTTIN.
func queryTerminalBackground(timeout time.Duration) Background {
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		return BackgroundUnknown
	}
	defer tty.Close()
	fd := int(tty.Fd())
	pgrp, err := unix.IoctlGetInt(fd, unix.TIOCGPGRP)
	if err != nil || pgrp != unix.Getpgrp() {
		return BackgroundUnknown
	}
	old, err := term.MakeRaw(fd)
	if err != nil {
		return BackgroundUnknown
	}
	defer term.Restore(fd, old) //nolint:errcheck
	if _, err := tty.WriteString("\x1b]11;?\x07\x1b[c"); err != nil {
		return BackgroundUnknown
	}
	deadline := time.Now().Add(timeout)
	var reply strings.Builder
	buf := make([]byte, 64)
	for time.Now().Before(deadline) && reply.Len() < 256 {
		ms := int(time.Until(deadline).Milliseconds()) + 1
		n, err := unix.Poll([]unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}, ms)
		if err == unix.EINTR {
			continue
		}
		if err != nil || n == 0 {
			break
		}
		k, err := unix.Read(fd, buf)
		if err != nil || k <= 0 {
			break
		}
		reply.Write(buf[:k])
		r := reply.String()
		// DA1 replies end with 'c' after "\x1b[?": once seen, every answer
		// the terminal will give has arrived.
		if i := strings.Index(r, "\x1b[?"); i >= 0 && strings.HasSuffix(r, "c") {
			break
		}
	}
	return parseOSC11(reply.String())
}
