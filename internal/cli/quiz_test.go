package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/djq-cli/djq/internal/iostreams"
	"github.com/djq-cli/djq/internal/state"
)

// runQuiz runs djq with stdin, a fixed clock and a state folder.
func runQuiz(t *testing.T, stateDir string, stdin string, tty bool, now time.Time, args ...string) (int, string, string) {
	t.Helper()
	ios, in, out, errOut := iostreams.Test()
	in.WriteString(stdin)
	ios.SetStdinTTY(tty)
	ios.SetStdoutTTY(tty)
	ios.SetWidth(80)
	ios.SetEnv(map[string]string{"DJQ_STATE_DIR": stateDir, "NO_COLOR": "1"})
	f := NewFactory(ios)
	f.Now = func() time.Time { return now }
	code := runFactory(context.Background(), f, args)
	return code, out.String(), errOut.String()
}

func loadState(t *testing.T, dir string) *state.State {
	t.Helper()
	st, err := state.Open(dir).Load()
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestQuizPlain(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.Local)
	code, stdout, stderr := runQuiz(t, dir, "good\nagain\n4\n", false, now, "quiz", "--plain", "--count", "3", "--seed", "1", "--level", "beginner")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Count(stdout, "<!-- card ") != 3 || strings.ContainsRune(stdout, '\x1b') {
		t.Errorf("stdout:\n%s", stdout)
	}
	for _, want := range []string{"good: next review in 3 days", "again: next review in 10 minutes", "easy: next review in 16 days", "Reviewed 3 cards, 2 correct"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	st := loadState(t, dir)
	if len(st.Reviews) != 3 || len(st.Cards) != 3 {
		t.Errorf("%d reviews, %d cards", len(st.Reviews), len(st.Cards))
	}
	// The card graded again is due first in the next session (ten
	// minutes later), before any new card.
	_, stdout, _ = runQuiz(t, dir, "good\n", false, now.Add(11*time.Minute), "quiz", "--plain", "--count", "1", "--seed", "9", "--level", "beginner")
	var againKey string
	for _, r := range st.Reviews {
		if r.Grade == 1 {
			againKey = r.Card
		}
	}
	id := strings.TrimPrefix(againKey, "django:")
	if !strings.Contains(stdout, "Question "+id+" ·") {
		t.Errorf("the due card %s did not come first:\n%.200s", againKey, stdout)
	}
}

// TestQuizPlainBadGrade: a word that is not a grade stops the session
// with a usage error that names it (cut when huge) and keeps every grade
// given before it.
func TestQuizPlainBadGrade(t *testing.T) {
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.Local)
	huge := strings.Repeat("x", 100_000)
	tests := []struct {
		name, stdin string
		saved       int
		wantStderr  string
	}{
		{"after a grade", "good\nnonsense\ngood\n", 1, `djq: unknown grade "nonsense": use again, hard, good, easy or 1-4 (or q to stop)`},
		{"first line", "nonsense", 0, `djq: unknown grade "nonsense": use again`},
		{"escape sequence", "\x1b]2;T\a\n", 0, `djq: unknown grade "\x1b]2;T\a": use again`},
		{"huge line", huge + "\n", 0, `djq: unknown grade "` + strings.Repeat("x", 60) + `…" (100000 bytes): use again`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			code, _, stderr := runQuiz(t, dir, tt.stdin, false, now, "quiz", "--plain", "--count", "3", "--seed", "1", "--level", "beginner")
			if code != 2 || !strings.Contains(stderr, tt.wantStderr) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, stderr, tt.wantStderr)
			}
			if len(stderr) > 2000 || strings.ContainsRune(stderr, '\x1b') {
				t.Errorf("stderr is %d bytes or holds ESC: %.300q", len(stderr), stderr)
			}
			if st := loadState(t, dir); len(st.Reviews) != tt.saved {
				t.Errorf("%d reviews saved, want %d", len(st.Reviews), tt.saved)
			}
		})
	}
}

func TestQuizInteractive(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.Local)
	// reveal with Enter, grade good; reveal with space, grade 'a'; then q.
	code, stdout, stderr := runQuiz(t, dir, "\r3 a\rq", true, now, "quiz", "--count", "3", "--seed", "2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"[1/3] Question", "Press Enter or space", "Grade: 1 again", "good: next review", "again: next review", "[3/3]"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q", want)
		}
	}
	if !strings.Contains(stderr, "Reviewed 2 cards, 1 correct") {
		t.Errorf("summary: %q", stderr)
	}
	if st := loadState(t, dir); len(st.Reviews) != 2 {
		t.Errorf("%d reviews saved, want 2 (q keeps every grade given)", len(st.Reviews))
	}
}

// TestQuizCtrlC is issue 26: Ctrl-C exits 130 (q exits 0, above), with
// the summary, no error line, and the grades given before it saved.
func TestQuizCtrlC(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.Local)
	code, _, stderr := runQuiz(t, dir, "\r3\x03", true, now, "quiz", "--count", "3", "--seed", "2")
	if code != 130 || !strings.Contains(stderr, "Reviewed 1 card, 1 correct") || strings.Contains(stderr, "djq:") {
		t.Errorf("exit %d, stderr %q; want 130 and the summary alone", code, stderr)
	}
	if st := loadState(t, dir); len(st.Reviews) != 1 {
		t.Errorf("%d reviews saved, want 1", len(st.Reviews))
	}
}

func TestQuizErrors(t *testing.T) {
	now := time.Now()
	dir := t.TempDir()
	if code, _, stderr := runQuiz(t, dir, "", false, now, "quiz"); code != 2 || !strings.Contains(stderr, "quiz needs a terminal") || !strings.Contains(stderr, "--plain") {
		t.Errorf("no terminal: %d %q", code, stderr)
	}
	if code, _, stderr := runQuiz(t, dir, "", false, now, "quiz", "--plain", "--count", "0"); code != 2 || !strings.Contains(stderr, "invalid count 0") {
		t.Errorf("count 0: %d %q", code, stderr)
	}
	// A corrupt state file is reported with its path and left alone.
	path := filepath.Join(dir, state.FileName)
	os.WriteFile(path, []byte("not json"), 0o600)
	code, _, stderr := runQuiz(t, dir, "good\n", false, now, "quiz", "--plain", "--count", "1")
	if code != 1 || !strings.Contains(stderr, "state file "+path+" cannot be read") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("corrupt state: %d %q", code, stderr)
	}
	if b, _ := os.ReadFile(path); string(b) != "not json" {
		t.Errorf("corrupt state file was overwritten")
	}
	if code, _, stderr := runQuiz(t, dir, "", false, now, "stats"); code != 1 || !strings.Contains(stderr, "cannot be read") {
		t.Errorf("stats on corrupt state: %d %q", code, stderr)
	}
}

func TestStats(t *testing.T) {
	dir := t.TempDir()
	day := time.Date(2026, 11, 20, 9, 0, 0, 0, time.Local)
	for i := 0; i < 3; i++ {
		runQuiz(t, dir, "good\ngood\n", false, day.AddDate(0, 0, i), "quiz", "--plain", "--count", "2", "--seed", "3")
	}
	now := day.AddDate(0, 0, 2).Add(time.Hour)
	code, stdout, stderr := runQuiz(t, dir, "", false, now, "stats", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d %s", code, stderr)
	}
	var s state.Stats
	if err := json.Unmarshal([]byte(stdout), &s); err != nil {
		t.Fatal(err)
	}
	if s.Reviews != 6 || s.Streak != 3 || len(s.Days) != 14 || s.Days[13].Reviews != 2 {
		t.Errorf("stats %+v", s)
	}
	if s.Total.New+s.Total.Learning+s.Total.DueToday+s.Total.Mastered != bankSize(t) {
		t.Errorf("counts do not add up to the bank: %+v", s.Total)
	}
	code, stdout, _ = runQuiz(t, dir, "", false, now, "stats")
	if code != 0 || !strings.Contains(stdout, "6 reviews in all, streak 3 days") || !strings.Contains(stdout, "Reviews, last 14 days:") {
		t.Errorf("stats text:\n%s", stdout)
	}
	if code, _, stderr := runQuiz(t, dir, "", false, now, "stats", "--reset"); code != 2 || !strings.Contains(stderr, "--yes") {
		t.Errorf("reset without --yes off a terminal: %d %q", code, stderr)
	}
	if code, _, _ := runQuiz(t, dir, "n\n", true, now, "stats", "--reset"); code != 0 || len(loadState(t, dir).Reviews) != 6 {
		t.Errorf("answering no must keep the progress")
	}
	code, _, stderr = runQuiz(t, dir, "", false, now, "stats", "--reset", "--yes")
	if code != 0 || !strings.Contains(stderr, state.FileName+state.ResetSuffix) {
		t.Fatalf("reset: %d %q", code, stderr)
	}
	if n := len(loadState(t, dir).Reviews); n != 0 {
		t.Errorf("after reset %d reviews", n)
	}
	// The copy the message names must survive later grades (issue 23, item 4).
	runQuiz(t, dir, "good\n", false, now, "quiz", "--plain", "--count", "1", "--seed", "3")
	runQuiz(t, dir, "good\n", false, now, "quiz", "--plain", "--count", "1", "--seed", "4")
	backup := strings.TrimSpace(stderr[strings.LastIndex(stderr, " ")+1:])
	if b, err := os.ReadFile(backup); err != nil || strings.Count(string(b), `"grade"`) != 6 {
		t.Errorf("the reset copy %s does not hold the 6 grades before the reset: %v", backup, err)
	}
	if n := len(loadState(t, dir).Reviews); n != 2 {
		t.Errorf("after reset and two grades: %d reviews", n)
	}
}

// bankSize is the number of questions in the built-in bank.
func bankSize(t *testing.T) int {
	t.Helper()
	code, stdout, stderr := run(t, runOpts{}, "list", "--format", "json")
	if code != 0 {
		t.Fatalf("list: exit %d %s", code, stderr)
	}
	var qs []json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &qs); err != nil {
		t.Fatal(err)
	}
	return len(qs)
}

// TestStatsNewUser: a brand-new user sees one line, not a chart of zeros.
func TestStatsNewUser(t *testing.T) {
	code, stdout, stderr := runQuiz(t, t.TempDir(), "", false, time.Now(), "stats")
	if code != 0 || !strings.HasPrefix(stdout, "No reviews yet: ") || strings.Contains(stdout, "Reviews, last 14 days") || strings.Count(stdout, "\n") != 1 {
		t.Errorf("stats for a new user: exit %d %q %q", code, stdout, stderr)
	}
}
