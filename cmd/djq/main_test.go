package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// binary is djq built once for the tests that need a real process: pipes,
// exit codes seen by a shell, and several processes sharing a cache.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "djq-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "djq")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "building djq: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// isolatedEnv is an environment with every djq folder in a temp dir.
func isolatedEnv(t *testing.T) []string {
	t.Helper()
	home := t.TempDir()
	return []string{
		"HOME=" + home,
		"PATH=" + os.Getenv("PATH"),
		"DJQ_CACHE_DIR=" + filepath.Join(home, "cache"),
		"DJQ_STATE_DIR=" + filepath.Join(home, "state"),
		"DJQ_CONFIG_DIR=" + filepath.Join(home, "config"),
		"DJQ_DATA_DIR=" + filepath.Join(home, "data"),
	}
}

// TestConcurrentSearchProcesses starts eight searches at once on an empty
// cache: all succeed with the same answer and one index remains.
func TestConcurrentSearchProcesses(t *testing.T) {
	env := isolatedEnv(t)
	var wg sync.WaitGroup
	outs := make([]string, 8)
	errs := make([]error, 8)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(binary, "search", "select_related", "--format", "json", "--limit", "1")
			cmd.Env = env
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			outs[i] = string(out)
			if err != nil {
				errs[i] = fmt.Errorf("%v: %s", err, stderr.String())
			}
		}()
	}
	wg.Wait()
	for i := range 8 {
		if errs[i] != nil {
			t.Errorf("process %d: %v", i, errs[i])
		} else if !strings.Contains(outs[i], `"id": 35`) {
			t.Errorf("process %d printed %s", i, outs[i])
		}
	}
	cache := strings.TrimPrefix(env[2], "DJQ_CACHE_DIR=")
	entries, _ := os.ReadDir(cache)
	var indexes []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "index-") {
			indexes = append(indexes, e.Name())
		}
	}
	if len(indexes) != 1 {
		t.Errorf("cache holds %v, want one index", indexes)
	}
}

// TestClosedPipe runs `djq ... | head -1` under `set -o pipefail`: no
// broken-pipe message, and exit 0 whatever the size of the output (a
// process killed by SIGPIPE would exit 141 for long outputs only).
func TestClosedPipe(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	for _, args := range []string{"list", "show 1 2 3 4 5 6 7 8 9 10", "search cache --limit 50", "export --format json",
		"export", "list --format json", "random --count 50 --seed 1", "export --format anki"} {
		cmd := exec.Command("bash", "-c", "set -o pipefail; "+binary+" "+args+" | head -1")
		cmd.Env = isolatedEnv(t)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Errorf("%s | head -1: %v", args, err)
		}
		if strings.Count(string(out), "\n") != 1 {
			t.Errorf("%s | head -1 printed %q", args, out)
		}
		if stderr.Len() > 0 {
			t.Errorf("%s | head -1 wrote to stderr: %q", args, stderr.String())
		}
	}
}

// TestExportIntoFalse runs `djq export | false`: the reader is gone before
// anything is read; no message, and no state is touched.
func TestExportIntoFalse(t *testing.T) {
	env := isolatedEnv(t)
	cmd := exec.Command("sh", "-c", binary+" export | false; "+binary+" quiz --plain --count 1 < /dev/null | false")
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Run()
	if strings.Contains(stderr.String(), "broken pipe") || strings.Contains(stderr.String(), "panic") {
		t.Errorf("stderr = %q", stderr.String())
	}
	state := strings.TrimPrefix(env[3], "DJQ_STATE_DIR=")
	if entries, _ := os.ReadDir(state); len(entries) > 0 {
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".state.json.tmp") {
				t.Errorf("a partial state write was left: %s", e.Name())
			}
		}
	}
}

// TestFullDisk sends output to /dev/full: a clear error and exit 1.
func TestFullDisk(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full")
	}
	defer full.Close()
	cmd := exec.Command(binary, "show", "35")
	cmd.Env = isolatedEnv(t)
	cmd.Stdout = full
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Run()
	code := cmd.ProcessState.ExitCode()
	if code != 1 {
		t.Errorf("exit code %d (%v), want 1", code, err)
	}
	if got := stderr.String(); !strings.Contains(got, "writing output: ") || !strings.Contains(got, "no space left on device") || strings.Count(got, "\n") != 1 {
		t.Errorf("stderr = %q", got)
	}
}

// TestNoHomeStillSearches runs with no HOME and no XDG variables: search
// still answers (without a cache) and nothing is written to the real home.
func TestNoHomeStillSearches(t *testing.T) {
	cmd := exec.Command(binary, "search", "middleware", "--limit", "1")
	cmd.Env = []string{"PATH=" + os.Getenv("PATH")}
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "27") {
		t.Errorf("search without HOME: %v\n%s", err, out)
	}
}

// TestConcurrentQuizSessions runs four `quiz --plain` processes on one
// state file at once; every grade must be recorded.
func TestConcurrentQuizSessions(t *testing.T) {
	env := isolatedEnv(t)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(binary, "quiz", "--plain", "--count", "5", "--seed", fmt.Sprint(i+1))
			cmd.Env = env
			cmd.Stdin = strings.NewReader(strings.Repeat("good\n", 5))
			if out, err := cmd.CombinedOutput(); err != nil {
				errs[i] = fmt.Errorf("%v: %s", err, out)
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	state := strings.TrimPrefix(env[3], "DJQ_STATE_DIR=")
	raw, err := os.ReadFile(filepath.Join(state, "state.json"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(raw), `"grade": 3`); n != 20 {
		t.Errorf("state holds %d grades, want 20", n)
	}
}

// TestEnvironmentMatrix runs commands in broken or unusual environments:
// each must answer (or fail with one clear line), never crash or hang.
func TestEnvironmentMatrix(t *testing.T) {
	base := t.TempDir()
	fileAsDir := filepath.Join(base, "not-a-folder")
	os.WriteFile(fileAsDir, []byte("x"), 0o644)
	tests := []struct {
		name     string
		env      []string
		args     []string
		wantCode int
		wantOut  string
		wantErr  string
	}{
		{"no HOME, no XDG: show", []string{}, []string{"show", "1"}, 0, "What is Django?", ""},
		{"no HOME, no XDG: search", []string{}, []string{"search", "csrf", "--limit", "1"}, 0, "44", ""},
		{"no HOME, no XDG: paths", []string{}, []string{"paths"}, 0, "cache   (none)  set DJQ_CACHE_DIR or HOME", ""},
		{"no HOME, no XDG: quiz", []string{}, []string{"quiz", "--plain"}, 1, "", "no folder to keep quiz progress in: set DJQ_STATE_DIR (or HOME)"},
		{"cache folder is a file", []string{"DJQ_CACHE_DIR=" + fileAsDir}, []string{"search", "middleware", "--limit", "1"}, 0, "27", ""},
		{"state folder is a file", []string{"DJQ_STATE_DIR=" + fileAsDir}, []string{"stats"}, 1, "", "cannot be read"},
		{"TERM=dumb", []string{"TERM=dumb"}, []string{"list", "--level", "advanced"}, 0, "35", ""},
		{"NO_COLOR", []string{"NO_COLOR=1"}, []string{"show", "35", "--format", "pretty"}, 0, "prefetch", ""},
		{"deck folder missing", []string{"DJQ_DECKS=" + filepath.Join(base, "nope")}, []string{"list", "--level", "advanced"}, 0, "35", "skipping deck folder " + filepath.Join(base, "nope") + " (from DJQ_DECKS): no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(binary, tt.args...)
			cmd.Env = append([]string{"PATH=" + os.Getenv("PATH")}, tt.env...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			cmd.Run()
			if code := cmd.ProcessState.ExitCode(); code != tt.wantCode {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.wantCode, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.wantOut) {
				t.Errorf("stdout lacks %q:\n%.300s", tt.wantOut, stdout.String())
			}
			if !strings.Contains(stderr.String(), tt.wantErr) || strings.Count(stderr.String(), "\n") > 1 {
				t.Errorf("stderr = %q, want one line with %q", stderr.String(), tt.wantErr)
			}
			if strings.ContainsRune(stdout.String(), '\x1b') {
				t.Errorf("escape codes in output")
			}
		})
	}
}

// TestExitCodesMatchREADME checks the README's exit-code table against
// what the binary does.
func TestExitCodesMatchREADME(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range []string{"| 0 | success", "| 1 | nothing found", "| 2 | usage error", "| 70 | internal error"} {
		if !strings.Contains(string(readme), row) {
			t.Errorf("README exit-code table lacks %q", row)
		}
	}
	for _, c := range []struct {
		args []string
		code int
	}{{[]string{"show", "35"}, 0}, {[]string{"show", "999"}, 1}, {[]string{"show", "abc"}, 2}} {
		cmd := exec.Command(binary, c.args...)
		cmd.Env = isolatedEnv(t)
		cmd.Run()
		if got := cmd.ProcessState.ExitCode(); got != c.code {
			t.Errorf("%v exits %d, README says %d", c.args, got, c.code)
		}
	}
}
