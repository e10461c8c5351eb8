//go:build linux || darwin

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/creack/pty"
)

// runOnPTY runs djq on a pseudo-terminal with exactly env (no TERM unless
// env has one) and returns everything it printed.
func runOnPTY(t *testing.T, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = env
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 10, Cols: 100})
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	var out strings.Builder
	buf := make([]byte, 4096)
	for {
		n, err := tty.Read(buf)
		out.Write(buf[:n])
		if err != nil {
			break
		}
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("djq %v: %v\n%s", args, err, out.String())
	}
	tty.Close()
	return out.String()
}

// TestDumbTerminalNeverPages shows a long answer on a terminal with
// TERM=dumb (an Emacs shell buffer) and with TERM unset, asking for the
// pager: djq must print the answer itself. With a real TERM the same
// command does start the pager, which shows the test can fail.
func TestDumbTerminalNeverPages(t *testing.T) {
	dir := t.TempDir()
	pager := filepath.Join(dir, "pager")
	if err := os.WriteFile(pager, []byte("#!/bin/sh\necho PAGER-RAN\ncat >/dev/null\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	base := append(isolatedEnv(t), "DJQ_PAGER="+pager, "NO_COLOR=1")
	tests := []struct {
		name      string
		term      []string
		wantPager bool
	}{
		{"TERM=dumb", []string{"TERM=dumb"}, false},
		{"TERM unset", nil, false},
		{"TERM=xterm-256color", []string{"TERM=xterm-256color"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := runOnPTY(t, append(append([]string{}, base...), tt.term...), "show", "35", "--pager")
			if got := strings.Contains(out, "PAGER-RAN"); got != tt.wantPager {
				t.Fatalf("pager ran = %v, want %v; output:\n%s", got, tt.wantPager, out)
			}
			if !tt.wantPager && !strings.Contains(out, "prefetch_related") {
				t.Errorf("the answer was not printed:\n%s", out)
			}
			if strings.Contains(out, "not fully functional") {
				t.Errorf("less complained about the terminal")
			}
		})
	}
}
