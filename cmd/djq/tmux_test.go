package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/djq-cli/djq/data"
	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/browse"
	"github.com/djq-cli/djq/internal/opener"
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

// styled is the screen with its attributes as escape sequences.
func (tm *tmux) styled() string { return tm.run("capture-pane", "-p", "-e", "-t", tm.session) }

func (tm *tmux) resize(width, height int) {
	tm.run("resize-window", "-t", tm.session, "-x", strconv.Itoa(width), "-y", strconv.Itoa(height))
}

// reversed is the screen's lines drawn in reverse video, without escapes.
func (tm *tmux) reversed() []string {
	var rows []string
	for _, l := range strings.Split(tm.styled(), "\n") {
		if regexp.MustCompile(`\x1b\[([0-9;]*;)?7[;m]`).MatchString(l) {
			rows = append(rows, regexp.MustCompile(`\x1b\[[0-9;]*m`).ReplaceAllString(l, ""))
		}
	}
	return rows
}

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

// settled waits until the screen shows text and then stays the same for
// 150 ms: a test that checks every line must not read a frame that is
// still being drawn (on a loaded machine the footer can come late).
func (tm *tmux) settled(text string) string {
	tm.t.Helper()
	s := tm.waitScreen(text)
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(150 * time.Millisecond)
		next := tm.screen()
		if next == s && strings.Contains(next, text) {
			return next
		}
		s = next
	}
	return s
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
	s := tm.waitScreen(fmt.Sprintf("djq browse · %d of %d · all levels", bankSize(t), bankSize(t)))
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
	s := tm.waitScreen(fmt.Sprintf("%d of %d · advanced", bankCount(t, bank.Advanced), bankSize(t)))
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

// TestBrowseResizeKeepsSelection is issue #18's report: at 120×40 press G,
// resize to 90×30, and the selected row must still be on screen,
// highlighted; then on through other sizes, both layouts.
func TestBrowseResizeKeepsSelection(t *testing.T) {
	env := strings.Join(isolatedEnv(t), " ")
	tm := startTmux(t, 120, 40, "env "+env+" "+binary+" browse")
	tm.waitScreen(fmt.Sprintf("%d of %d", bankSize(t), bankSize(t)))
	tm.keys("G")
	tm.waitScreen(lastRow(t))
	for _, size := range [][2]int{{90, 30}, {80, 24}, {120, 12}, {120, 40}} {
		tm.resize(size[0], size[1])
		time.Sleep(300 * time.Millisecond) // let browse redraw
		tm.waitScreen(lastRow(t))
		if rows := tm.reversed(); len(rows) != 1 || !strings.Contains(rows[0], lastRow(t)) {
			t.Errorf("at %dx%d the reversed rows are %q:\n%s", size[0], size[1], rows, tm.screen())
		}
	}
	tm.keys("q")
}

// TestBrowseWhatAPersonSees checks the first screens at 120×40 and 80×24:
// titles get the room, ids are right-aligned, the hints end with quit.
func TestBrowseWhatAPersonSees(t *testing.T) {
	tests := []struct {
		w, h int
		want []string // lines that must be on screen, whole
	}{
		{120, 40, []string{
			" 1 b What is Django?",
			" 5 b What is the difference between a Django project and an app?",
			"10 b What is the Django admin, and how do you get into it?",
			"/ search · tab level · enter read · r random · o open docs · p print · ? help · q quit",
		}},
		{80, 24, []string{
			// the ids on screen are 1 to 11; the list is wide enough
			// for the level as a word (issue 26)
			" 1 beginner     What is Django?",
			" 8 beginner     What does manage.py runserver do, and why is it not for product…",
			strings.Repeat("─", 80),
			"/ search · tab level · enter read · o docs · p print · ? help · q quit",
		}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%dx%d", tt.w, tt.h), func(t *testing.T) {
			env := strings.Join(isolatedEnv(t), " ")
			tm := startTmux(t, tt.w, tt.h, "env "+env+" "+binary+" browse")
			s := tm.settled(fmt.Sprintf("%d of %d", bankSize(t), bankSize(t)))
			got := strings.Split(strings.TrimRight(s, "\n"), "\n")
			if len(got) != tt.h {
				t.Errorf("%d lines on a %d-line terminal", len(got), tt.h)
			}
			for _, w := range tt.want {
				found := false
				for _, l := range got {
					// in the wide layout the preview follows the list
					found = found || strings.TrimRight(l, " ") == w || tt.w >= browse.WideLayout && strings.HasPrefix(l, w+"  ")
				}
				if !found {
					t.Errorf("no line %q on screen:\n%s", w, s)
				}
			}
			if last := got[len(got)-1]; !strings.HasSuffix(strings.TrimRight(last, " "), "q quit") {
				t.Errorf("last line %q", last)
			}
			tm.keys("?")
			s = tm.waitScreen("djq browse — keys")
			for _, k := range []string{"g / G", "PgUp / PgDn", "Esc clears", "q, Ctrl-C"} {
				if !strings.Contains(s, k) {
					t.Errorf("help has no %q:\n%s", k, s)
				}
			}
			tm.keys("x", "q")
		})
	}
}

// TestBrowseSearchInTmux: at 80×24 a search with three hits marks the
// searched word in the list and the preview, and the preview takes the
// rows the short list leaves.
func TestBrowseSearchInTmux(t *testing.T) {
	env := strings.Join(isolatedEnv(t), " ")
	tm := startTmux(t, 80, 24, "env "+env+" TERM=xterm-256color "+binary+" browse")
	tm.waitScreen(fmt.Sprintf("%d of %d", bankSize(t), bankSize(t)))
	tm.keys("/")
	tm.keys("-l", "websockets")
	head := tm.waitScreen(fmt.Sprintf("of %d · all levels · /websockets", bankSize(t)))
	m := regexp.MustCompile(fmt.Sprintf(`(\d+) of %d · all levels · /websockets`, bankSize(t))).FindStringSubmatch(head)
	hits, _ := strconv.Atoi(m[1])
	if hits < 1 || hits > 8 {
		t.Fatalf("want a handful of hits for websockets, got %d:\n%s", hits, head)
	}
	tm.keys("Enter")
	s := tm.waitScreen("q quit")
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) != 24 || lines[hits+1] != strings.Repeat("─", 80) {
		t.Fatalf("want %d rows and the divider on line %d:\n%s", hits, hits+2, s)
	}
	if blank := strings.Count(strings.Join(lines[5:23], "\n"), "\n\n"); blank > 6 {
		t.Errorf("the preview leaves %d blank lines:\n%s", blank, s)
	}
	styled := tm.styled()
	if !regexp.MustCompile(`\x1b\[([0-9;]*;)?4[;m](\x1b\[[0-9;]*m)*WebSockets`).MatchString(styled) {
		t.Errorf("the list does not underline WebSockets:\n%q", styled)
	}
	body := strings.SplitN(styled, strings.Repeat("─", 80), 2)[1]
	if !regexp.MustCompile(`\x1b\[([0-9;]*;)?7[;m](\x1b\[[0-9;]*m)*WebSockets`).MatchString(body) {
		t.Errorf("the preview does not reverse WebSockets:\n%q", body)
	}
	tm.keys("q")
}

// TestBrowseHelperProcess is not a test of its own: the tmux tests below
// start the test binary as it, to run the browser in a terminal with an
// opener and a starting query, independently of the command layer.
func TestBrowseHelperProcess(t *testing.T) {
	if os.Getenv("DJQ_BROWSE_HELPER") == "" {
		t.Skip("run by the tmux tests")
	}
	qs := []*bank.Question{
		{ID: 1, Deck: bank.DefaultDeck, Level: bank.Beginner, Title: "What is Django?", Body: "A web framework.",
			Docs: []string{"https://docs.djangoproject.com/en/stable/intro/overview/"}},
		{ID: 2, Deck: bank.DefaultDeck, Level: bank.Beginner, Title: "How does Django protect against CSRF?", Body: "With a token.",
			Docs: []string{"https://docs.djangoproject.com/en/stable/ref/csrf/", "https://docs.djangoproject.com/en/stable/howto/csrf/"}},
		{ID: 3, Deck: bank.DefaultDeck, Level: bank.Advanced, Title: "What is a CSRF token without docs?", Body: "No links."},
	}
	cfg := browse.Config{
		Questions: qs,
		Query:     os.Getenv("DJQ_BROWSE_QUERY"),
		Open:      opener.New(os.Getenv).Open,
		Search: func(query string, _ bank.Level) ([]string, error) {
			var refs []string
			for _, q := range qs {
				if strings.Contains(strings.ToLower(q.Title), strings.ToLower(query)) {
					refs = append(refs, q.Ref())
				}
			}
			return refs, nil
		},
		Render: func(q *bank.Question, _ int) string { return q.Title + "\n\n" + q.Body },
	}
	if os.Getenv("DJQ_BROWSE_PARAGRAPHS") != "" {
		cfg.Render = paragraphs
	}
	if _, err := tea.NewProgram(browse.New(cfg)).Run(); err != nil {
		t.Fatal(err)
	}
}

// TestBrowseOpensDocsInTmux starts the browser on a query and presses o:
// the fake $BROWSER gets the first docs link, the status line says so, and
// nothing the opener does reaches the screen. Without a working browser
// the status line shows the link.
func TestBrowseOpensDocsInTmux(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the fake browser is a shell script")
	}
	dir := t.TempDir()
	record := filepath.Join(dir, "opened")
	script := filepath.Join(dir, "browser")
	os.WriteFile(script, []byte("#!/bin/sh\necho 'browser noise on stdout'\necho 'and on stderr' >&2\nprintf '%s\\n' \"$@\" >> "+record+"\n"), 0o755)
	helper := func(browser string) string {
		return "env DJQ_BROWSE_HELPER=1 DJQ_BROWSE_QUERY=csrf BROWSER=" + browser + " " + os.Args[0] + " -test.run='^TestBrowseHelperProcess$'"
	}
	const link = "https://docs.djangoproject.com/en/stable/ref/csrf/"

	tm := startTmux(t, 100, 20, helper(script))
	s := tm.waitScreen("djq browse · 2 of 3 · all levels · /csrf")
	if rows := tm.reversed(); len(rows) != 1 || !strings.Contains(rows[0], "2 b How does Django protect against CSRF?") {
		t.Errorf("the query did not select the first hit: %q\n%s", rows, s)
	}
	tm.keys("o")
	s = tm.waitScreen("opened " + link)
	if got := waitFile(t, record, link); got != link+"\n" {
		t.Errorf("the browser got %q", got)
	}
	if strings.Contains(s, "noise") || strings.Contains(s, "stderr") || !strings.HasPrefix(s, "djq browse") {
		t.Errorf("the opener's output reached the screen:\n%s", s)
	}
	tm.keys("j", "o")
	tm.waitScreen("3 has no docs links")
	tm.keys("q")

	tm = startTmux(t, 60, 20, helper(filepath.Join(dir, "missing")))
	tm.waitScreen("2 of 3")
	tm.keys("o")
	s = tm.waitScreen("(cannot open a browser")
	if !strings.Contains(s, "\ndocs: "+link+"\n") {
		t.Errorf("the status line does not show the link whole:\n%s", s)
	}
	tm.keys("q")
}

// TestQuizTallAnswerInTmux is issue #18 at 80×24, where every answer in
// the bank is taller than the screen: the answer opens in the reader, its
// footer keeps the keys under a rule (the summary is the answer's first
// block, not repeated there: issue 26), it scrolls, a grade given there is
// saved, and the terminal comes back as it was.
func TestQuizTallAnswerInTmux(t *testing.T) {
	env := isolatedEnv(t)
	stateFile := filepath.Join(strings.TrimPrefix(env[3], "DJQ_STATE_DIR="), "state.json")
	tm := startTmux(t, 80, 24, `S=$(stty -g); env `+strings.Join(env, " ")+` TERM=xterm-256color `+binary+
		` quiz --count 2 --seed 4; echo "quiz exited $?"; [ "$(stty -g)" = "$S" ] && echo "terminal restored"; sleep 60`)
	tm.waitScreen("[1/2] Question")
	tm.waitScreen("Press Enter or space to show the answer")
	tm.keys("Enter")
	s := tm.waitScreen("3/g good")
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) != 24 {
		t.Fatalf("%d lines on a 24-line terminal:\n%s", len(lines), s)
	}
	if last := strings.TrimRight(lines[23], " "); last != "1/a again · 2/h hard · 3/g good · 4/e easy · j/k space Home/End · q quit" {
		t.Errorf("keys line %q", last)
	}
	rule := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "── [1/2] Question ") && strings.HasSuffix(l, "  0% ──") {
			rule = i
		}
	}
	if rule != 22 || strings.Contains(s, "In short") || !strings.Contains(s, "│ ") {
		t.Fatalf("want the summary quote on screen and a footer of the rule and the keys alone:\n%s", s)
	}
	tm.keys("j", "j", "Space")
	for deadline := time.Now().Add(10 * time.Second); strings.Contains(tm.screen(), "  0% ──"); {
		if time.Now().After(deadline) {
			t.Fatalf("j j space did not scroll:\n%s", tm.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
	tm.keys("End")
	tm.waitScreen("100% ──")
	tm.resize(50, 24)
	s = tm.waitScreen("4 easy · q quit")
	lines = strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if w := len([]rune(l)); w > 50 {
			t.Errorf("line %d is %d wide at 50 columns", i, w)
		}
	}
	if last := strings.TrimRight(lines[len(lines)-1], " "); !strings.HasSuffix(last, "q quit") {
		t.Errorf("at 50 columns the keys line is %q", last)
	}
	tm.resize(80, 24)
	tm.waitScreen("3/g good")
	// g grades good here; it does not go to the top as in browse.
	tm.keys("g")
	s = tm.waitScreen("good: next review in 3 days")
	if !strings.Contains(s, "Grade: 1 again · 2 hard · 3 good · 4 easy (q to quit) good") {
		t.Errorf("the normal screen does not keep the grade:\n%s", s)
	}
	if raw := waitFile(t, stateFile, `"grade": 3`); strings.Count(raw, `"grade"`) != 1 {
		t.Errorf("state:\n%s", raw)
	}
	// An arrow key at the reveal prompt is not Esc: the session goes on.
	tm.waitScreen("[2/2] Question")
	tm.keys("Up")
	time.Sleep(200 * time.Millisecond)
	tm.keys("Space")
	tm.waitScreen("── [2/2] Question ")
	tm.keys("q")
	s = tm.waitScreen("terminal restored")
	for _, want := range []string{"Reviewed 1 card, 1 correct", "quiz exited 0"} {
		if !strings.Contains(s, want) {
			t.Errorf("screen lacks %q:\n%s", want, s)
		}
	}
}

// builtinQuestions is the embedded bank, whose size the screens show.
func builtinQuestions(t *testing.T) []*bank.Question {
	t.Helper()
	d, _, err := data.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return d.Questions
}

func bankSize(t *testing.T) int { return len(builtinQuestions(t)) }

func bankCount(t *testing.T, l bank.Level) (n int) {
	for _, q := range builtinQuestions(t) {
		if q.Level == l {
			n++
		}
	}
	return n
}

// lastRow is how browse's list shows the last question: the start of its
// title (the level before it is a word or an initial by the width).
func lastRow(t *testing.T) string {
	qs := builtinQuestions(t)
	title := qs[len(qs)-1].Title
	if len(title) > 30 {
		title = title[:30]
	}
	return title
}
