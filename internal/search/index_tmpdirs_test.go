//go:build unix

package search

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/djq-cli/djq/data"
)

// deadPID is the PID of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip(err)
	}
	return cmd.Process.Pid
}

// TestStaleLeftoversRemoved: a killed djq's temporary folders go on the
// next run when their PID is gone, at once; a live process's stay until
// staleAge; a name without a PID (an older djq) goes by age only (issue
// 23, item 12).
func TestStaleLeftoversRemoved(t *testing.T) {
	cache, sys := t.TempDir(), t.TempDir()
	t.Setenv("TMPDIR", sys)
	dead, alive := strconv.Itoa(deadPID(t)), strconv.Itoa(os.Getppid())
	mk := func(dir, name string, age time.Duration) string {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Join(p, "index"), 0o700)
		old := time.Now().Add(-age)
		os.Chtimes(p, old, old)
		return p
	}
	gone := []string{
		mk(cache, "tmp-0123456789abcdef0123-"+dead+"-42", 0),
		mk(cache, "trash-"+dead+"-42", 0),
		mk(cache, "tmp-0123456789abcdef0123-42", time.Hour), // older djq, old
		mk(sys, "djq-index-"+dead+"-42", 0),
	}
	kept := []string{
		mk(cache, "tmp-0123456789abcdef0123-"+alive+"-42", 0),
		mk(cache, "tmp-0123456789abcdef0123-43", 0), // older djq, young
		mk(sys, "djq-index-"+alive+"-42", 0),
		mk(sys, "unrelated-"+dead, 0),
	}
	src := builtin(t)
	src.Prebuilt = data.Index()
	ix, err := Open([]Source{src}, ParseSynonyms(data.Synonyms), Options{CacheDir: cache, NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	tmp := ix.removeOnClose()
	if !strings.HasPrefix(filepath.Base(tmp), "djq-index-"+strconv.Itoa(os.Getpid())+"-") {
		t.Errorf("the transient index %q does not carry this PID", tmp)
	}
	ix.Close()
	if _, err := os.Stat(tmp); !os.IsNotExist(err) {
		t.Errorf("Close left %s", tmp)
	}
	for _, p := range gone {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("leftover %s was not removed", filepath.Base(p))
		}
	}
	for _, p := range kept {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(p), err)
		}
	}
}

// TestSignalRemovesTemporary runs this test binary as a child that makes a
// temporary folder under CleanUpOnSignal and waits; SIGTERM must remove
// the folder and still end the child by that signal.
func TestSignalRemovesTemporary(t *testing.T) {
	if os.Getenv("DJQ_TEST_SIGNAL_CHILD") == "1" {
		defer CleanUpOnSignal()()
		dir, err := makeTemp(os.Getenv("DJQ_TEST_DIR"), "tmp-0123456789abcdef0123-")
		if err != nil {
			os.Exit(3)
		}
		os.Stdout.WriteString(dir + "\n")
		time.Sleep(30 * time.Second)
		os.Exit(4)
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestSignalRemovesTemporary$")
	cmd.Env = append(os.Environ(), "DJQ_TEST_SIGNAL_CHILD=1", "DJQ_TEST_DIR="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	tmp := strings.TrimSpace(line)
	if _, err := os.Stat(tmp); err != nil {
		t.Fatalf("the child's folder: %v", err)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	err = cmd.Wait()
	ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGTERM {
		t.Errorf("the child ended with %v, want killed by SIGTERM", err)
	}
	if _, err := os.Stat(tmp); !os.IsNotExist(err) {
		t.Errorf("SIGTERM left %s", tmp)
	}
}
