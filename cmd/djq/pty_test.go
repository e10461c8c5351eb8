//go:build linux || darwin

package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// ptySession runs djq on a pseudo-terminal and lets the test wait for
// output and type keys, as a person would.
type ptySession struct {
	t    *testing.T
	tty  *os.File
	mu   sync.Mutex
	out  bytes.Buffer
	done chan struct{}
}

func startPTY(t *testing.T, env []string, args ...string) (*ptySession, *exec.Cmd) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(env, "TERM=xterm-256color", "NO_COLOR=1")
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 200, Cols: 100})
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	s := &ptySession{t: t, tty: tty, done: make(chan struct{})}
	go func() {
		defer close(s.done)
		buf := make([]byte, 4096)
		for {
			n, err := tty.Read(buf)
			s.mu.Lock()
			s.out.Write(buf[:n])
			s.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	return s, cmd
}

// waitFor waits until the output holds text n times.
func (s *ptySession) waitFor(text string, n int) {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		s.mu.Lock()
		got := strings.Count(s.out.String(), text)
		s.mu.Unlock()
		if got >= n {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.t.Fatalf("timed out waiting for %q (x%d); screen so far:\n%s", text, n, s.out.String())
}

func (s *ptySession) send(keys string) {
	if _, err := io.WriteString(s.tty, keys); err != nil {
		s.t.Fatal(err)
	}
}

// TestQuizOnATerminal drives a three-card session on a pseudo-terminal:
// reveal with Enter, grade with keys, and checks the state file.
func TestQuizOnATerminal(t *testing.T) {
	env := isolatedEnv(t)
	s, cmd := startPTY(t, env, "quiz", "--count", "3", "--seed", "4", "--no-pager")
	grades := []string{"3", "a", "4"}
	for i, g := range grades {
		s.waitFor("Press Enter or space to show the answer", i+1)
		if i == 1 {
			s.send(" ")
		} else {
			s.send("\r")
		}
		s.waitFor("Grade: 1 again", i+1)
		s.send(g)
		s.waitFor("next review", i+1)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("quiz exited with %v:\n%s", err, s.out.String())
	}
	s.tty.Close()
	<-s.done
	screen := s.out.String()
	for _, want := range []string{"[1/3]", "[3/3]", "good: next review in 3 days", "again: next review in 10 minutes", "easy: next review in 16 days", "Reviewed 3 cards, 2 correct"} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen lacks %q", want)
		}
	}
	stateDir := strings.TrimPrefix(env[3], "DJQ_STATE_DIR=")
	raw, err := os.ReadFile(filepath.Join(stateDir, "state.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"grade": 3`, `"grade": 1`, `"grade": 4`} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("state lacks %s:\n%s", want, raw)
		}
	}
}

// TestQuizQuitKeepsGrades quits with Ctrl-C after one grade: exit 130
// (issue 26), the summary, and the grade kept.
func TestQuizQuitKeepsGrades(t *testing.T) {
	env := isolatedEnv(t)
	s, cmd := startPTY(t, env, "quiz", "--count", "5", "--seed", "1")
	s.waitFor("Press Enter", 1)
	s.send("\r")
	s.waitFor("Grade:", 1)
	s.send("2")
	s.waitFor("Press Enter", 2)
	s.send("\x03")
	if err := cmd.Wait(); cmd.ProcessState.ExitCode() != 130 {
		t.Fatalf("exit: %v, want 130\n%s", err, s.out.String())
	}
	s.tty.Close()
	<-s.done
	if !strings.Contains(s.out.String(), "Reviewed 1 card, 1 correct") {
		t.Errorf("summary missing:\n%s", s.out.String())
	}
	raw, _ := os.ReadFile(filepath.Join(strings.TrimPrefix(env[3], "DJQ_STATE_DIR="), "state.json"))
	if !strings.Contains(string(raw), `"grade": 2`) {
		t.Errorf("the grade given before Ctrl-C was lost:\n%s", raw)
	}
}

// TestBackgroundQueryDoesNotStall shows an answer on a terminal that never
// answers the background-colour query: output must not wait long.
func TestBackgroundQueryDoesNotStall(t *testing.T) {
	env := isolatedEnv(t)
	start := time.Now()
	s, cmd := startPTY(t, append(env, "COLORFGBG="), "show", "35", "--color", "always", "--no-pager")
	if err := cmd.Wait(); err != nil {
		t.Fatalf("exit: %v", err)
	}
	elapsed := time.Since(start)
	s.tty.Close()
	<-s.done
	if !strings.Contains(s.out.String(), "prefetch") {
		t.Errorf("no answer printed")
	}
	// The query waits at most 80 ms; allow for process start on a busy
	// machine.
	if elapsed > 2*time.Second {
		t.Errorf("show took %v on a silent terminal", elapsed)
	}
}

// writeBigDeck writes n generated questions, enough for indexing to take
// longer than the progress bar's half-second delay.
func writeBigDeck(t *testing.T, n int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "big")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	body := strings.Repeat("Signals, caching and select_related are described here at length. ", 40)
	for i := 1; i <= n; i++ {
		text := "---\nid: " + itoa(i) + "\ntitle: Generated question " + itoa(i) + "?\nlevel: beginner\ntags: [orm]\nsummary: A generated answer.\n---\n" + body + "\n"
		if err := os.WriteFile(filepath.Join(dir, itoa(i)+"-q.md"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestProgressOnSlowIndexBuild: the first search of a large deck shows a
// progress bar on a terminal, none with --quiet, and none in a pipe.
func TestProgressOnSlowIndexBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 3,000-question index three times")
	}
	deck := writeBigDeck(t, 3000)
	s, cmd := startPTY(t, isolatedEnv(t), "--deck", deck, "search", "select_related", "--limit", "1")
	s.waitFor("indexing deck big", 1)
	s.waitFor("Generated question", 1)
	cmd.Wait()

	s, cmd = startPTY(t, isolatedEnv(t), "--quiet", "--deck", deck, "search", "select_related", "--limit", "1")
	s.waitFor("Generated question", 1)
	cmd.Wait()
	s.mu.Lock()
	if strings.Contains(s.out.String(), "indexing deck") {
		t.Errorf("--quiet still shows progress:\n%q", s.out.String())
	}
	s.mu.Unlock()

	piped := exec.Command(binary, "--deck", deck, "search", "select_related", "--limit", "1")
	piped.Env = isolatedEnv(t)
	var stderr bytes.Buffer
	piped.Stderr = &stderr
	if out, err := piped.Output(); err != nil || !strings.Contains(string(out), "Generated question") {
		t.Fatalf("piped search: %v %q", err, out)
	}
	if stderr.Len() > 0 {
		t.Errorf("progress written into a pipe: %q", stderr.String())
	}
}
