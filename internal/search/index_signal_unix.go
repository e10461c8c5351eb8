//go:build unix

package search

import (
	"errors"
	"os"
	"os/signal"
	"syscall"
)

// processAlive reports whether a process with this PID exists.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// CleanUpOnSignal makes SIGINT and SIGTERM remove this process's temporary
// folders and then end the process as the signal would have (the signal is
// delivered again with its default action). A signal the process was
// started with ignored stays ignored. stop undoes it.
func CleanUpOnSignal() (stop func()) {
	ch := make(chan os.Signal, 1)
	done := make(chan struct{})
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		if !signal.Ignored(sig) { // a background job started with SIGINT ignored keeps it so
			signal.Notify(ch, sig)
		}
	}
	go func() {
		select {
		case sig := <-ch:
			RemoveTemporary()
			signal.Reset(sig)
			_ = syscall.Kill(os.Getpid(), sig.(syscall.Signal))
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
