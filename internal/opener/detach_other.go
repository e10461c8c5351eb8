//go:build !unix

package opener

import "os/exec"

// detach does nothing where there are no sessions to leave.
func detach(*exec.Cmd) {}
