package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/djq-cli/djq/internal/bank"
)

// Issue 26 ("what a new user still trips over"), browse and quiz, in a
// real terminal at 80×24, 40×15 and 120×40.

// paragraphs is the helper process's answer for DJQ_BROWSE_PARAGRAPHS:
// 30 paragraphs of words named after their paragraph (p7w12), wrapped to
// the width, so that any line on screen says which paragraph it is in.
func paragraphs(_ *bank.Question, width int) string {
	var paras []string
	for p := 1; p <= 30; p++ {
		var lines []string
		line := ""
		for w := 1; w <= 40; w++ {
			word := fmt.Sprintf("p%dw%d", p, w)
			if line != "" && len(line)+1+len(word) > width {
				lines, line = append(lines, line), word
				continue
			}
			line = strings.TrimSpace(line + " " + word)
		}
		paras = append(paras, strings.Join(append(lines, line), "\n"))
	}
	return strings.Join(paras, "\n\n")
}

// exitLine runs command in tmux so that its exit status and whether the
// terminal's mode came back are printed after it, then "end of run".
func exitLine(command string) string {
	return `S=$(stty -g); ` + command + `; echo "exited $?"; [ "$(stty -g)" = "$S" ] && echo "terminal restored"; echo "end of run"; sleep 60`
}

// TestBrowseReaderResizeInTmux: the reader keeps its paragraph when the
// window changes size (it used to go back to the top).
func TestBrowseReaderResizeInTmux(t *testing.T) {
	tm := startTmux(t, 120, 40, "env DJQ_BROWSE_HELPER=1 DJQ_BROWSE_PARAGRAPHS=1 "+os.Args[0]+" -test.run='^TestBrowseHelperProcess$'")
	tm.waitScreen("djq browse · 3 of 3")
	tm.keys("Enter")
	tm.waitScreen("q back")
	tm.keys(strings.Split(strings.Repeat("j", 40), "")...)
	// The paragraph of the first line on screen that is not blank (a
	// blank top line stays the one before the same paragraph).
	para := regexp.MustCompile(`(?m)^\s*(p\d+)w`)
	top := func(s string) string {
		m := para.FindStringSubmatch(s)
		if m == nil {
			return ""
		}
		return m[1]
	}
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if p := top(tm.screen()); p != "" && p != "p1" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("j did not scroll:\n%s", tm.screen())
		}
	}
	want := top(tm.settled("q back"))
	for _, size := range [][2]int{{80, 24}, {40, 15}, {120, 40}} {
		tm.resize(size[0], size[1])
		time.Sleep(300 * time.Millisecond)
		s := tm.settled("q back")
		if got := top(s); got != want {
			t.Errorf("at %dx%d the top line is in paragraph %q, want %q:\n%s", size[0], size[1], got, want, s)
		}
	}
	tm.keys("q", "q")
}

// TestBrowseIssue26InTmux, at each size, with a user deck: the built-in
// ids are compact on the first screen, the deck's refs are cut to fit
// keeping their ids, the levels read (words, or initials with the header's
// legend), the help fits with "any key: back" on its last row, and Ctrl-C
// exits 130 with the terminal restored.
func TestBrowseIssue26InTmux(t *testing.T) {
	deck := filepath.Join(t.TempDir(), "interview-prep-2026")
	env := isolatedEnv(t)
	if out, err := exec.Command("env", append(env, binary, "decks", "new", deck)...).CombinedOutput(); err != nil {
		t.Fatalf("decks new: %v\n%s", err, out)
	}
	tests := []struct {
		w, h  int
		first string // the first row, trimmed
		deck  string // the user deck's last row, trimmed
	}{
		{80, 24, " 1 beginner     What is Django?", "interview-prep-20…:3 advanced     How do Celery task retries work?"},
		{40, 15, "1 b What is Django?", "intervi…:3 a How do Celery task retries…"},
		{120, 40, " 1 b What is Django?", "interview-prep…:3 a How do Celery task retries work?"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%dx%d", tt.w, tt.h), func(t *testing.T) {
			tm := startTmux(t, tt.w, tt.h, exitLine("env "+strings.Join(env, " ")+" DJQ_DECKS="+deck+" "+binary+" browse"))
			s := tm.settled("djq browse · ")
			lines := strings.Split(s, "\n")
			// in the wide layout the preview follows the list
			if got := strings.TrimRight(lines[1], " "); got != tt.first && !strings.HasPrefix(got, tt.first+"   ") {
				t.Errorf("first row %q, want %q:\n%s", got, tt.first, s)
			}
			legend := strings.HasSuffix(strings.TrimRight(lines[0], " "), "· b beginner · i intermediate · a advanced")
			if words := strings.Contains(tt.first, "beginner"); legend == words && tt.w >= 80 {
				t.Errorf("header %q: the initials need the legend, the words do not", lines[0])
			}
			tm.keys("G")
			s = tm.settled("How do Celery task retries")
			found := false
			for _, l := range strings.Split(s, "\n") {
				found = found || strings.HasPrefix(strings.TrimRight(l, " "), tt.deck)
				if w := ansi.StringWidth(l); w > tt.w {
					t.Errorf("line %d wide at %d columns: %q", w, tt.w, l)
				}
			}
			if !found {
				t.Errorf("no row %q:\n%s", tt.deck, s)
			}
			tm.keys("?")
			s = tm.settled("djq browse — keys")
			lines = strings.Split(strings.TrimRight(s, "\n"), "\n")
			if last := strings.TrimRight(lines[len(lines)-1], " "); last != "any key: back" || len(lines) != tt.h {
				t.Errorf("help's last row %q of %d:\n%s", last, len(lines), s)
			}
			if strings.Contains(s, "…") {
				t.Errorf("help cuts a line:\n%s", s)
			}
			tm.keys("x")
			tm.waitScreen("djq browse · ")
			tm.keys("C-c")
			s = tm.waitScreen("end of run")
			if !strings.Contains(s, "exited 130") || !strings.Contains(s, "terminal restored") {
				t.Errorf("after Ctrl-C:\n%s", s)
			}
		})
	}
}

// TestBrowseMarksSelectionWithoutColour: with TERM=dumb (no reverse video)
// or NO_COLOR, the selected row has a > before it, and only that row.
func TestBrowseMarksSelectionWithoutColour(t *testing.T) {
	for _, vars := range []string{"TERM=dumb", "TERM=xterm-256color NO_COLOR=1"} {
		t.Run(vars, func(t *testing.T) {
			tm := startTmux(t, 80, 24, "env "+strings.Join(isolatedEnv(t), " ")+" "+vars+" "+binary+" browse")
			tm.settled("djq browse · ")
			tm.keys("j", "j")
			s := tm.settled("djq browse · ")
			var marked []string
			for _, l := range strings.Split(s, "\n") {
				if strings.HasPrefix(l, ">") {
					marked = append(marked, l)
				}
			}
			if len(marked) != 1 || !strings.Contains(marked[0], "3 beginner     What \"batteries\" does Django include?") {
				t.Errorf("marked rows %q:\n%s", marked, s)
			}
			tm.keys("q")
		})
	}
}

// TestBrowseSIGINTInTmux: a SIGINT (kill -INT, or Ctrl-C where the
// terminal sends it) ends browse with 130 and the terminal restored; q
// still exits 0.
func TestBrowseSIGINTInTmux(t *testing.T) {
	pidFile := filepath.Join(t.TempDir(), "pid")
	env := strings.Join(isolatedEnv(t), " ")
	tm := startTmux(t, 80, 24, exitLine(`sh -c 'echo $$ > `+pidFile+`; exec env `+env+` `+binary+` browse'`))
	tm.settled("djq browse · ")
	pid, err := strconv.Atoi(strings.TrimSpace(waitFile(t, pidFile, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(pid, syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	s := tm.waitScreen("end of run")
	if !strings.Contains(s, "exited 130") || !strings.Contains(s, "terminal restored") {
		t.Errorf("after SIGINT:\n%s", s)
	}

	tm = startTmux(t, 80, 24, exitLine("env "+env+" "+binary+" browse"))
	tm.settled("djq browse · ")
	tm.keys("q")
	if s := tm.waitScreen("end of run"); !strings.Contains(s, "exited 0") {
		t.Errorf("after q:\n%s", s)
	}
}

// TestQuizIssue26InTmux: at each size the transcript's "In short" is
// wrapped to the width (the terminal wraps nothing), the reader's footer
// is the rule and the keys (the summary is the answer's first block), and
// Ctrl-C exits 130 with the summary printed and the grade given kept.
func TestQuizIssue26InTmux(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 15}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			env := isolatedEnv(t)
			stateFile := filepath.Join(strings.TrimPrefix(env[3], "DJQ_STATE_DIR="), "state.json")
			tm := startTmux(t, size[0], size[1], exitLine("env "+strings.Join(env, " ")+" TERM=xterm-256color "+binary+" quiz --count 3 --seed 4"))
			tm.waitScreen("Press Enter or space")
			tm.keys("Enter")
			s := tm.settled("q quit")
			lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
			for i, l := range lines {
				// The reader (a tall answer): its footer is the rule and
				// the keys, without the summary said again.
				if strings.HasPrefix(l, "── [1/3]") && (i != len(lines)-2 || strings.Contains(s, "In short")) {
					t.Errorf("the reader's footer is more than the rule and the keys:\n%s", s)
				}
			}
			tm.keys("3")
			tm.waitScreen("good: next review")
			tm.waitScreen("[2/3] Question")
			joined := tm.run("capture-pane", "-p", "-J", "-S", "-200", "-t", tm.session)
			_, short, ok := strings.Cut(joined, "\nIn short: ")
			if !ok {
				t.Fatalf("no In short line:\n%s", joined)
			}
			short, _, _ = strings.Cut("In short: "+short, "\n\n")
			for _, l := range strings.Split(short, "\n") {
				if w := ansi.StringWidth(strings.TrimRight(l, " ")); w > size[0] {
					t.Errorf("a summary line of %d cells wrapped by the terminal at %d: %q", w, size[0], l)
				}
			}
			tm.keys("C-c")
			s = tm.waitScreen("end of run")
			for _, want := range []string{"Reviewed 1 card, 1 correct", "exited 130", "terminal restored"} {
				if !strings.Contains(s, want) {
					t.Errorf("screen lacks %q:\n%s", want, s)
				}
			}
			if raw := waitFile(t, stateFile, `"grade": 3`); strings.Count(raw, `"grade"`) != 1 {
				t.Errorf("state:\n%s", raw)
			}
		})
	}
}

// TestQuizPlainCtrlCInTmux: quiz --plain reading grades from the terminal
// stops on Ctrl-C (SIGINT) with 130, and still prints its summary after
// the grade given, which is kept.
func TestQuizPlainCtrlCInTmux(t *testing.T) {
	env := isolatedEnv(t)
	stateFile := filepath.Join(strings.TrimPrefix(env[3], "DJQ_STATE_DIR="), "state.json")
	cards := filepath.Join(t.TempDir(), "cards.md")
	tm := startTmux(t, 80, 24, exitLine("env "+strings.Join(env, " ")+" "+binary+" quiz --plain --count 3 --seed 4 > "+cards))
	tm.waitScreen("grade (again")
	tm.keys("good", "Enter")
	tm.waitScreen("good: next review")
	tm.keys("C-c")
	s := tm.waitScreen("end of run")
	for _, want := range []string{"Reviewed 1 card, 1 correct", "exited 130"} {
		if !strings.Contains(s, want) {
			t.Errorf("screen lacks %q:\n%s", want, s)
		}
	}
	if raw := waitFile(t, stateFile, `"grade": 3`); strings.Count(raw, `"grade"`) != 1 {
		t.Errorf("state:\n%s", raw)
	}
}

// TestQuizSIGINTInTmux: a SIGINT (kill -INT) while the quiz waits for a
// key ends it as Ctrl-C does: 130, the summary, the grade kept, the
// terminal in its normal mode.
func TestQuizSIGINTInTmux(t *testing.T) {
	env := isolatedEnv(t)
	stateFile := filepath.Join(strings.TrimPrefix(env[3], "DJQ_STATE_DIR="), "state.json")
	pidFile := filepath.Join(t.TempDir(), "pid")
	tm := startTmux(t, 80, 24, exitLine(`sh -c 'echo $$ > `+pidFile+`; exec env `+strings.Join(env, " ")+` TERM=xterm-256color `+binary+` quiz --count 3 --seed 4'`))
	tm.waitScreen("Press Enter or space")
	tm.keys("Enter")
	tm.waitScreen("q quit")
	tm.keys("3")
	tm.waitScreen("[2/3] Question")
	pid, err := strconv.Atoi(strings.TrimSpace(waitFile(t, pidFile, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(pid, syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	s := tm.waitScreen("end of run")
	for _, want := range []string{"Reviewed 1 card, 1 correct", "exited 130", "terminal restored"} {
		if !strings.Contains(s, want) {
			t.Errorf("screen lacks %q:\n%s", want, s)
		}
	}
	if raw := waitFile(t, stateFile, `"grade": 3`); strings.Count(raw, `"grade"`) != 1 {
		t.Errorf("state:\n%s", raw)
	}
}
