package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// tmux drives djq browse in a real terminal: start a session, type keys,
// read the screen. It is skipped where tmux is not installed.
type tmux struct {
	t       *testing.T
	session string
	socket  string
}

func startTmux(t *testing.T, width, height int, command string) *tmux {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	tm := &tmux{t: t, session: "djqtest", socket: filepath.Join(t.TempDir(), "tmux.sock")}
	tm.run("new-session", "-d", "-s", tm.session, "-x", strconv.Itoa(width), "-y", strconv.Itoa(height), command)
	t.Cleanup(func() { exec.Command("tmux", "-S", tm.socket, "kill-server").Run() })
	return tm
}

func (tm *tmux) run(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", tm.socket}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (tm *tmux) keys(keys ...string) {
	tm.run(append([]string{"send-keys", "-t", tm.session}, keys...)...)
}

func (tm *tmux) screen() string { return tm.run("capture-pane", "-p", "-t", tm.session) }

// waitScreen waits until the screen shows text.
func (tm *tmux) waitScreen(text string) string {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s := tm.screen()
		if strings.Contains(s, text) {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("screen never showed %q:\n%s", text, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func waitFile(t *testing.T, path, text string) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		b, _ := os.ReadFile(path)
		if strings.Contains(string(b), text) {
			return string(b)
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never contained %q:\n%s", path, text, b)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestBrowseInTmux searches, cycles the level, reads an answer and picks
// one into a notes file, through a real terminal.
func TestBrowseInTmux(t *testing.T) {
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.md")
	os.WriteFile(notes, []byte("# My notes\n"), 0o644)
	env := strings.Join(isolatedEnv(t), " ")
	tm := startTmux(t, 120, 30, "env "+env+" "+binary+" browse >> "+notes+"; echo done >> "+notes)
	s := tm.waitScreen("djq browse · 160 of 160 · all levels")
	if !strings.Contains(s, "What is Django?") {
		t.Errorf("first screen:\n%s", s)
	}
	tm.keys("/")
	tm.keys("-l", "csrf")
	s = tm.waitScreen("/csrf")
	if !strings.Contains(s, "44 b How does Django protect against CSRF?") {
		t.Errorf("search screen:\n%s", s)
	}
	tm.keys("Enter")
	tm.keys("Tab")
	tm.waitScreen("beginner · /csrf")
	tm.keys("Enter")
	tm.waitScreen("p print · q back")
	tm.keys("q")
	tm.keys("?")
	tm.waitScreen("cycle the level")
	tm.keys("x")
	tm.keys("p")
	got := waitFile(t, notes, "done")
	if !strings.HasPrefix(got, "# My notes\n# How does Django protect against CSRF?") || strings.ContainsRune(got, '\x1b') {
		t.Errorf("notes file:\n%.300s", got)
	}
}

// TestBrowseNarrow checks the narrow layout and a resize.
func TestBrowseNarrow(t *testing.T) {
	env := strings.Join(isolatedEnv(t), " ")
	tm := startTmux(t, 80, 24, "env "+env+" "+binary+" browse --level advanced")
	s := tm.waitScreen("54 of 160 · advanced")
	if !strings.Contains(s, strings.Repeat("─", 80)) {
		t.Errorf("narrow layout has no divider:\n%s", s)
	}
	tm.run("resize-window", "-t", tm.session, "-x", "130", "-y", "30")
	s = tm.waitScreen("djq browse")
	for i, l := range strings.Split(s, "\n") {
		if len([]rune(l)) > 130 {
			t.Errorf("line %d too wide after resize", i)
		}
	}
	tm.keys("q")
}
