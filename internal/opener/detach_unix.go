//go:build unix

package opener

import (
	"os/exec"
	"syscall"
)

// detach starts the command in a session of its own, so that a browser it
// starts has no controlling terminal to read from or be hung up with.
func detach(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
}
