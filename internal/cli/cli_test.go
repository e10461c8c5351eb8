package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/exitcode"
	"github.com/djq-cli/djq/internal/golden"
	"github.com/djq-cli/djq/internal/iostreams"
	"github.com/djq-cli/djq/internal/library"
)

// runOpts describe the environment of one test run.
type runOpts struct {
	tty   bool
	width int
	env   map[string]string
}

// run executes the real command tree in-process with injected streams.
func run(t *testing.T, o runOpts, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	ios.SetStdoutTTY(o.tty)
	ios.SetWidth(o.width)
	ios.SetEnv(o.env)
	code = Run(context.Background(), ios, args)
	return code, out.String(), errOut.String()
}

// TestExitCodesAndMessages is the table of bad and good inputs with the
// exit code and the one-line message each must give.
func TestExitCodesAndMessages(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStderr string // substring; "" means stderr must be empty
		wantStdout string // substring
	}{
		{"no arguments prints help", nil, 0, "", "Usage:"},
		{"help show", []string{"help", "show"}, 0, "", "djq show 35"},
		{"show 35", []string{"show", "35"}, 0, "", "select_related"},
		{"show several", []string{"show", "1", "35"}, 0, "", "\n---\n"},
		{"show missing id", []string{"show", "99999"}, 1, "djq: no question 99999: ids run from 1 to ", ""},
		{"show zero", []string{"show", "0"}, 2, `invalid question reference "0": ids start at 1`, ""},
		{"show negative", []string{"show", "-1"}, 2, `invalid question reference "-1"`, ""},
		{"show huge", []string{"show", "99999999999999999999"}, 2, "out of range", ""},
		{"show word", []string{"show", "xqzvw"}, 2, `no question "xqzvw": a reference is an id such as 35 or NAME:ID`, ""},
		{"show text suggests the best hit", []string{"show", "select_related"}, 2, `no question "select_related": did you mean 35 What is the difference between select_related and prefetch_related? (djq search select_related)`, ""},
		{"show malformed number", []string{"show", "3x"}, 2, `invalid question reference "3x": an id is a positive whole number`, ""},
		{"show deck colon", []string{"show", "deck:"}, 2, `invalid question reference "deck:"`, ""},
		{"show colon id", []string{"show", ":5"}, 2, `the deck name before ':' is empty`, ""},
		{"show unknown deck", []string{"show", "nosuch:5"}, 2, `unknown deck "nosuch": decks are django`, ""},
		{"show django deck ref", []string{"show", "django:35"}, 0, "", "prefetch_related"},
		{"show nothing", []string{"show"}, 2, "show needs at least one question id", ""},
		{"show found and missing", []string{"show", "1", "99999"}, 1, "no question 99999", "What is Django?"},
		{"list", []string{"list"}, 0, "", "What is Django?"},
		{"list alias", []string{"ls", "--level", "advanced"}, 0, "", "select_related"},
		{"list bad level", []string{"list", "--level", "expert"}, 2, `unknown level "expert": valid levels are beginner, intermediate, advanced`, ""},
		{"list misspelt level suggests", []string{"list", "--level", "advnced"}, 2, `unknown level "advnced": did you mean advanced? valid levels are`, ""},
		{"stats --yes needs --reset", []string{"stats", "--yes"}, 2, "--yes only answers the question --reset asks", ""},
		{"decks rm is decks remove", []string{"decks", "rm", "nosuch"}, 2, `unknown added deck "nosuch"`, ""},
		{"list bad tag", []string{"list", "--tag", "nosuchtag"}, 2, `unknown tag "nosuchtag": tags are `, ""},
		{"list filter with no match", []string{"list", "--level", "beginner", "--tag", "signals"}, 1, "no questions match --level beginner --tag signals", ""},
		{"list extra argument", []string{"list", "extra"}, 2, `unexpected argument "extra": djq list takes no arguments`, ""},
		{"unknown command suggests", []string{"serch", "orm"}, 2, `unknown command "serch" for djq: did you mean search?`, ""},
		{"unknown root flag", []string{"--foo"}, 2, `unknown flag: --foo (see djq --help)`, ""},
		{"unknown root shorthand", []string{"-x"}, 2, `unknown shorthand flag: 'x' in -x (see djq --help)`, ""},
		{"root flag without value", []string{"--format"}, 2, `flag needs an argument: --format (see djq --help)`, ""},
		{"bad format", []string{"list", "--format", "yaml"}, 2, `unknown format "yaml": valid formats are auto, pretty, markdown, json`, ""},
		{"bad color", []string{"list", "--color", "maybe"}, 2, `unknown color mode "maybe"`, ""},
		{"bad style", []string{"show", "1", "--style", "neon"}, 2, `unknown style "neon"`, ""},
		{"bad width", []string{"show", "1", "--width", "0"}, 2, `invalid value "0" for --width: use a number of columns from 20 to 500 (see djq show --help)`, ""},
		{"width not a number", []string{"show", "1", "--width", "wide"}, 2, `invalid value "wide" for --width: use a number of columns from 20 to 500 (see djq show --help)`, ""},
		{"unknown flag", []string{"list", "--nope"}, 2, "unknown flag: --nope", ""},
		{"unknown command", []string{"frobnicate"}, 2, `unknown command "frobnicate"`, ""},
		{"random count zero", []string{"random", "--count", "0"}, 2, "invalid count 0: use a number from 1 to 10000", ""},
		{"random count negative", []string{"random", "--count", "-3"}, 2, "invalid count -3", ""},
		{"random bad level", []string{"random", "--level", "guru"}, 2, `unknown level "guru"`, ""},
		{"random with seed", []string{"random", "--seed", "7"}, 0, "", "# "},
		{"random bad seed", []string{"random", "--seed", "tomorrow"}, 2, `invalid value "tomorrow" for --seed: use a whole number (see djq random --help)`, ""},
		{"random seed out of range", []string{"random", "--seed", "99999999999999999999"}, 2, `invalid value "99999999999999999999" for --seed: use a whole number of at most 18 digits (see djq random --help)`, ""},
		{"width 5", []string{"show", "1", "--width", "5"}, 2, `invalid value "5" for --width: use a number of columns from 20 to 500`, ""},
		{"width 100000", []string{"list", "--width", "100000"}, 2, `invalid value "100000" for --width`, ""},
		{"random count huge", []string{"random", "--count", "99999999"}, 2, "invalid count 99999999", ""},
		{"random unknown deck", []string{"random", "--deck", "nosuch"}, 2, `unknown deck "nosuch"`, ""},
		{"list unknown deck", []string{"list", "--deck", "nosuch"}, 2, `unknown deck "nosuch": decks are django`, ""},
		{"export bad format", []string{"export", "--format", "yaml"}, 2, `unknown export format "yaml"`, ""},
		{"export to a folder", []string{"export", "-o", "."}, 2, "djq: writing .: a folder, not a file: give a file name such as export.md", ""},
		{"quiz count negative", []string{"quiz", "--plain", "--count", "-3"}, 2, "invalid count -3", ""},
		{"decks check nothing", []string{"decks", "check"}, 2, "decks check needs one deck folder or name", ""},
		{"decks new nothing", []string{"decks", "new"}, 2, "decks new needs one deck name or folder to create", ""},
		{"decks unknown subcommand", []string{"decks", "frob"}, 2, `unknown command "frob"`, ""},
		{"stats extra argument", []string{"stats", "x"}, 2, `unexpected argument "x"`, ""},
		{"browse extra argument", []string{"browse", "x"}, 2, `unexpected argument "x"`, ""},
		{"conflicting pager flags", []string{"list", "--pager", "--no-pager"}, 2, "--pager and --no-pager cannot be used together", ""},
		{"show refs mixed good and bad", []string{"show", "1", "abc"}, 2, `no question "abc"`, ""},
		{"version flag", []string{"--version"}, 0, "", "djq "},
		{"version command", []string{"version"}, 0, "", "djq "},
		{"version as JSON", []string{"version", "--format", "json"}, 0, "", `"version": "`},
		{"help for an unknown topic", []string{"help", "nosuch"}, 2, `unknown command "nosuch" for djq (see djq --help)`, ""},
		{"help suggests", []string{"help", "serch"}, 2, `did you mean search?`, ""},
		{"help of a subcommand that is not one", []string{"help", "show", "extra"}, 2, `unknown help topic "show extra" (see djq --help)`, ""},
		{"help suggests a subcommand", []string{"help", "decks", "chek"}, 2, `unknown command "chek" for djq decks: did you mean check?`, ""},
		{"completion for an unknown shell", []string{"completion", "nosuch"}, 2, `unknown command "nosuch" for djq completion`, ""},
		{"tags", []string{"tags"}, 0, "", "orm"},
		{"help environment", []string{"help", "environment"}, 0, "", "\n  DJQ_CACHE_DIR\n      search index and rendered-answer cache"},
		{"help files", []string{"help", "files"}, 0, "", "$DJQ_STATE_DIR/state.json"},
		{"help exit-codes", []string{"help", "exit-codes"}, 0, "", "\n  2\n      usage error."},
		{"help lists the topics", []string{"--help"}, 0, "", "Additional help topics:"},
		{"tags as JSON", []string{"tags", "--format", "json"}, 0, "", `"tag": "orm"`},
		{"tags of a level", []string{"tags", "--level", "expert"}, 2, `unknown level "expert"`, ""},
		{"unknown tag suggests", []string{"list", "--tag", "securty"}, 2, `unknown tag "securty": did you mean security?`, ""},
		{"bare ref is show", []string{"35"}, 0, "", "select_related"},
		{"bare refs with flags after", []string{"35", "36", "--format", "json"}, 0, "", `"id": 36`},
		{"flag before a bare ref", []string{"--format", "json", "35"}, 0, "", `"id": 35`},
		{"bare deck ref", []string{"django:35"}, 0, "", "prefetch_related"},
		{"bare zero gets show's error", []string{"0"}, 2, `invalid question reference "0": ids start at 1`, ""},
		{"unknown word suggests search", []string{"select_related"}, 2, `unknown command "select_related" for djq (see djq --help); to search: djq search select_related`, ""},
		{"mistyped command keeps did you mean", []string{"lsit"}, 2, `unknown command "lsit" for djq: did you mean list? (see djq --help); to search: djq search lsit`, ""},
		{"unknown word with escapes is quoted", []string{"a\x1b]2;x\a"}, 2, `to search: djq search "a\x1b]2;x\a"`, ""},
		{"mistyped flag suggests", []string{"show", "35", "--formt", "json"}, 2, "unknown flag: --formt (did you mean --format?)", ""},
		{"mistyped local flag suggests", []string{"random", "--sede", "3"}, 2, "unknown flag: --sede (did you mean --seed?)", ""},
		{"mistyped inherited flag of a subcommand", []string{"decks", "check", "x", "--qiuet"}, 2, "unknown flag: --qiuet (did you mean --quiet?)", ""},
		{"mistyped root flag", []string{"--widht", "30"}, 2, "unknown flag: --widht (did you mean --width?)", ""},
		{"random asks for more than match", []string{"random", "--tag", "i18n", "--count", "200", "--seed", "1"}, 0, "djq: only ", "\n---\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, runOpts{}, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit code = %d, want %d (stderr %q)", code, tt.wantCode, stderr)
			}
			if tt.wantStderr == "" && stderr != "" {
				t.Errorf("stderr = %q, want empty", stderr)
			}
			if !strings.Contains(stderr, tt.wantStderr) {
				t.Errorf("stderr = %q, want it to contain %q", stderr, tt.wantStderr)
			}
			if strings.Count(strings.TrimRight(stderr, "\n"), "\n") > 1 {
				t.Errorf("stderr has more than two lines: %q", stderr)
			}
			if !strings.Contains(stdout, tt.wantStdout) {
				t.Errorf("stdout does not contain %q:\n%s", tt.wantStdout, stdout)
			}
			if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
				t.Errorf("stack trace on stderr: %s", stderr)
			}
		})
	}
}

// TestBareRefIsShow checks that `djq 35 ...` is `djq show 35 ...` byte for
// byte, whatever flags follow.
func TestBareRefIsShow(t *testing.T) {
	for _, args := range [][]string{{"35"}, {"35", "36", "--format", "json"}, {"21", "--format", "markdown"}} {
		_, want, _ := run(t, runOpts{}, append([]string{"show"}, args...)...)
		code, got, stderr := run(t, runOpts{}, args...)
		if code != 0 || got != want {
			t.Errorf("djq %s: exit %d (%s), output differs from djq show %s", strings.Join(args, " "), code, stderr, strings.Join(args, " "))
		}
	}
}

// TestPipedOutputIsCleanMarkdown checks the promise of `djq show 35 | cat`:
// no escape codes and no trailing whitespace, for every command.
func TestPipedOutputIsCleanMarkdown(t *testing.T) {
	for _, args := range [][]string{
		{"show", "35"}, {"show", "1", "20", "35"}, {"list"}, {"random", "--count", "3", "--seed", "1"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, stdout, _ := run(t, runOpts{}, args...)
			if code != 0 {
				t.Fatalf("exit code %d", code)
			}
			if strings.ContainsRune(stdout, '\x1b') {
				t.Errorf("piped output contains an escape sequence")
			}
			for i, l := range strings.Split(stdout, "\n") {
				if strings.TrimRight(l, " \t") != l {
					t.Errorf("line %d has trailing whitespace: %q", i+1, l)
				}
			}
		})
	}
}

// TestColourControls checks NO_COLOR, CLICOLOR_FORCE and --color on the
// rendered path.
func TestColourControls(t *testing.T) {
	tests := []struct {
		name    string
		o       runOpts
		args    []string
		wantESC bool
	}{
		{"terminal", runOpts{tty: true, width: 80, env: map[string]string{"TERM": "xterm-256color"}}, []string{"show", "21"}, true},
		{"terminal with NO_COLOR", runOpts{tty: true, width: 80, env: map[string]string{"TERM": "xterm", "NO_COLOR": "1"}}, []string{"show", "21"}, false},
		{"terminal with --color never", runOpts{tty: true, width: 80, env: map[string]string{"TERM": "xterm"}}, []string{"show", "21", "--color", "never"}, false},
		{"TERM=dumb", runOpts{tty: true, width: 80, env: map[string]string{"TERM": "dumb"}}, []string{"list"}, false},
		{"pipe with CLICOLOR_FORCE", runOpts{env: map[string]string{"CLICOLOR_FORCE": "1"}}, []string{"show", "21"}, true},
		{"pipe with --color always", runOpts{}, []string{"list", "--color", "always"}, true},
		{"NO_COLOR beats CLICOLOR_FORCE", runOpts{env: map[string]string{"CLICOLOR_FORCE": "1", "NO_COLOR": "1"}}, []string{"show", "21"}, false},
		{"pretty forced through a pipe without colour", runOpts{}, []string{"show", "21", "--format", "pretty"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, tt.o, tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if got := strings.ContainsRune(stdout, '\x1b'); got != tt.wantESC {
				t.Errorf("escape sequences present = %v, want %v", got, tt.wantESC)
			}
		})
	}
}

func TestListJSON(t *testing.T) {
	code, stdout, _ := run(t, runOpts{}, "list", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) < 35 {
		t.Fatalf("list has %d questions, want at least 35", len(got))
	}
	for i, q := range got[:35] {
		id := i + 1
		if q["id"] != float64(id) || q["ref"] != strings.TrimSpace(jsonInt(id)) || q["deck"] != "django" {
			t.Errorf("entry %d = id %v ref %v deck %v", i, q["id"], q["ref"], q["deck"])
		}
		want := "beginner"
		if id >= 20 && id <= 24 {
			want = "intermediate"
		} else if id >= 25 {
			want = "advanced"
		}
		if q["level"] != want {
			t.Errorf("question %d level = %v, want %s", id, q["level"], want)
		}
		if _, ok := q["body"]; ok {
			t.Errorf("list JSON carries the body")
		}
		for _, k := range []string{"title", "tags", "summary", "related", "docs"} {
			if _, ok := q[k]; !ok {
				t.Errorf("question %d has no %s", id, k)
			}
		}
	}
}

func jsonInt(i int) string { b, _ := json.Marshal(i); return string(b) }

func TestShowJSONHasBody(t *testing.T) {
	code, stdout, _ := run(t, runOpts{}, "show", "35", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var got []struct {
		ID   int    `json:"id"`
		Ref  string `json:"ref"`
		Body string `json:"body"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != 35 || got[0].Ref != "35" || !strings.Contains(got[0].Body, "prefetch_related") {
		t.Errorf("show --format json = %+v", got)
	}
}

// TestRandomSeed checks that the same seed gives the same pick, and that
// --count never repeats a question.
func TestRandomSeed(t *testing.T) {
	pick := func(args ...string) []int {
		t.Helper()
		code, stdout, stderr := run(t, runOpts{}, append([]string{"random", "--format", "json"}, args...)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var got []struct {
			ID    int    `json:"id"`
			Level string `json:"level"`
		}
		if err := json.Unmarshal([]byte(stdout), &got); err != nil {
			t.Fatal(err)
		}
		ids := make([]int, len(got))
		for i, q := range got {
			ids[i] = q.ID
			if args[0] == "--level" && q.Level != args[1] {
				t.Errorf("random --level %s gave a %s question", args[1], q.Level)
			}
		}
		return ids
	}
	a := pick("--seed", "42", "--count", "5")
	b := pick("--seed", "42", "--count", "5")
	if len(a) != 5 || strings.Trim(jsonIntSlice(a), "") != jsonIntSlice(b) {
		t.Errorf("seed 42 gave %v then %v", a, b)
	}
	seen := map[int]bool{}
	for _, id := range pick("--seed", "3", "--count", "30") {
		if seen[id] {
			t.Errorf("question %d picked twice", id)
		}
		seen[id] = true
	}
	pick("--level", "advanced", "--seed", "9", "--count", "4")
	if all := pick("--level", "intermediate", "--count", "10000", "--seed", "1"); len(all) == 0 {
		t.Errorf("a count larger than the pool should give the whole pool")
	}
}

// TestRandomSeedRepeats checks that a pick made without --seed says its
// seed (stderr with --verbose, a "seed" field on every JSON object, which
// stays an array of questions) and that --seed with it picks the same.
func TestRandomSeedRepeats(t *testing.T) {
	type picked struct {
		ID   int    `json:"id"`
		Body string `json:"body"`
		Seed *int64 `json:"seed"`
	}
	pick := func(args ...string) ([]picked, string) {
		t.Helper()
		code, stdout, stderr := run(t, runOpts{}, append([]string{"random", "--format", "json", "--count", "3", "--tag", "orm"}, args...)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var got []picked
		if err := json.Unmarshal([]byte(stdout), &got); err != nil {
			t.Fatalf("random --format json is no longer an array of questions: %v", err)
		}
		return got, stderr
	}
	first, stderr := pick("--verbose")
	m := regexp.MustCompile(`^djq: seed (\d+) \(djq random --seed (\d+) repeats this pick\)\n$`).FindStringSubmatch(stderr)
	if m == nil || m[1] != m[2] {
		t.Fatalf("random --verbose stderr = %q, want one line naming the seed", stderr)
	}
	for _, q := range first {
		if q.Seed == nil || fmt.Sprint(*q.Seed) != m[1] || q.Body == "" {
			t.Errorf("question %d: seed %v, want %s on every object (with its body)", q.ID, q.Seed, m[1])
		}
	}
	again, stderr := pick("--seed", m[1])
	if stderr != "" {
		t.Errorf("without --verbose stderr = %q, want empty", stderr)
	}
	for i := range first {
		if first[i].ID != again[i].ID {
			t.Errorf("--seed %s picked %d at %d, the unseeded pick %d", m[1], again[i].ID, i, first[i].ID)
		}
	}
	if _, stdout, _ := run(t, runOpts{}, "random", "--seed", "5"); strings.Contains(stdout, "seed") && strings.Contains(stdout, `"seed"`) {
		t.Errorf("markdown output carries a JSON seed field")
	}
}

func jsonIntSlice(xs []int) string { b, _ := json.Marshal(xs); return string(b) }

// TestShowGolden pins the rendered output of a few real questions.
func TestShowGolden(t *testing.T) {
	tests := []struct {
		name string
		o    runOpts
		args []string
	}{
		{"show-35.md", runOpts{}, []string{"show", "35"}},
		{"show-21-pretty-dark.txt", runOpts{tty: true, width: 80, env: map[string]string{"TERM": "xterm-256color", "COLORTERM": "truecolor"}}, []string{"show", "21"}},
		{"show-6-pretty-nocolor.txt", runOpts{tty: true, width: 72, env: map[string]string{"NO_COLOR": "1"}}, []string{"show", "6"}},
		{"list-advanced.txt", runOpts{}, []string{"list", "--level", "advanced"}},
		{"show-21-35-short.md", runOpts{}, []string{"show", "21", "35", "--short"}},
		{"show-21-short-pretty-dark.txt", runOpts{tty: true, width: 80, env: map[string]string{"TERM": "xterm-256color", "COLORTERM": "truecolor"}}, []string{"show", "21", "--short"}},
		{"show-6-short-pretty-nocolor.txt", runOpts{tty: true, width: 72, env: map[string]string{"NO_COLOR": "1"}}, []string{"show", "6", "-s"}},
		{"show-21-short.json", runOpts{}, []string{"show", "21", "--short", "--format", "json"}},
		{"list-orm-summary.txt", runOpts{}, []string{"list", "--tag", "orm", "--summary"}},
		{"list-orm-summary-pretty-60.txt", runOpts{tty: true, width: 60, env: map[string]string{"TERM": "xterm-256color"}}, []string{"list", "--tag", "orm", "--summary"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, tt.o, tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			golden.Check(t, tt.name, stdout)
		})
	}
}

// TestCompletion drives cobra's hidden __complete command the way shells do.
func TestCompletion(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"__complete", "show", "3"}, "35\tWhat is the difference between select_related and prefetch_related?"},
		{[]string{"__complete", "list", "--level", ""}, "intermediate"},
		{[]string{"__complete", "list", "--tag", ""}, "orm"},
		{[]string{"__complete", "show", "1", "--format", ""}, "markdown"},
		{[]string{"__complete", "list", "--color", ""}, "never"},
		{[]string{"__complete", "sh"}, "show\tShow the answer"},
		{[]string{"__complete", "35", "--form"}, "--format"},
		{[]string{"__complete", "3"}, "35\tWhat is the difference between select_related and prefetch_related?"},
		{[]string{"__complete", "35", "3"}, "36\t"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, stdout, _ := run(t, runOpts{}, tt.args...)
			if code != 0 {
				t.Fatalf("exit %d", code)
			}
			if !strings.Contains(stdout, tt.want) {
				t.Errorf("completions do not contain %q:\n%s", tt.want, stdout)
			}
		})
	}
}

// TestPanicGuard checks that a panic in a command becomes one line and exit
// code 70.
func TestPanicGuard(t *testing.T) {
	ios, _, _, errOut := iostreams.Test()
	ios.SetEnv(nil)
	f := NewFactory(ios)
	f.loadBank = func(*library.Library) (*bank.Bank, error) { panic("boom") }
	code := runFactory(context.Background(), f, []string{"list"})
	if code != exitcode.Internal {
		t.Errorf("exit code = %d, want %d", code, exitcode.Internal)
	}
	if got := errOut.String(); !strings.Contains(got, "internal error: boom") || strings.Contains(got, "goroutine") || strings.Count(got, "\n") != 1 {
		t.Errorf("stderr = %q", got)
	}
	// With DJQ_DEBUG=1 the stack follows, for bug reports.
	ios, _, _, errOut = iostreams.Test()
	ios.SetEnv(map[string]string{"DJQ_DEBUG": "1"})
	f = NewFactory(ios)
	f.loadBank = func(*library.Library) (*bank.Bank, error) { panic("boom") }
	if code := runFactory(context.Background(), f, []string{"list"}); code != exitcode.Internal || !strings.Contains(errOut.String(), "goroutine") {
		t.Errorf("DJQ_DEBUG=1: exit %d, stderr %.200q", code, errOut.String())
	}
}

// TestExportIsLintClean checks the whole exported document (every
// question, headings moved down) against the markdownlint defaults that
// can be checked line by line, as the render tests do for `djq show`:
// headings and fences with blank lines around them (MD022, MD031), no two
// blank lines (MD012), no trailing spaces (MD009), one final newline.
func TestExportIsLintClean(t *testing.T) {
	heading := regexp.MustCompile(`^ {0,3}#{1,6}(\s|$)`)
	fence := regexp.MustCompile("^ {0,3}(```+|~~~+)")
	for _, args := range [][]string{{"export"}, {"export", "--level", "advanced"}} {
		code, md, stderr := run(t, runOpts{}, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		if !strings.HasSuffix(md, "\n") || strings.HasSuffix(md, "\n\n") {
			t.Errorf("%v: does not end with exactly one newline", args)
		}
		lines := strings.Split(strings.TrimSuffix(md, "\n"), "\n")
		inFence, problems := false, 0
		for i, l := range lines {
			blankBefore := i == 0 || lines[i-1] == ""
			blankAfter := i == len(lines)-1 || lines[i+1] == ""
			msg := ""
			switch {
			case strings.TrimRight(l, " \t") != l:
				msg = "trailing whitespace (MD009)"
			case fence.MatchString(l):
				if !inFence && !blankBefore || inFence && !blankAfter {
					msg = "fence without a blank line around it (MD031)"
				}
				inFence = !inFence
			case inFence:
			case heading.MatchString(l) && (!blankBefore || !blankAfter):
				msg = "heading without blank lines around it (MD022)"
			case l == "" && i > 0 && lines[i-1] == "":
				msg = "two blank lines (MD012)"
			}
			if msg != "" {
				if problems++; problems <= 10 {
					t.Errorf("%v line %d: %s: %q", args, i+1, msg, l)
				}
			}
		}
		if problems > 10 {
			t.Errorf("%v: %d problems in all", args, problems)
		}
	}
}

// TestPathsInMessagesAreQuoted: a file or folder name the user typed is
// echoed quoted (no raw escape reaches the terminal) and cut when huge.
func TestPathsInMessagesAreQuoted(t *testing.T) {
	dir := t.TempDir()
	evil := filepath.Join(dir, "a\x1b]2;PWN\x07b")
	huge := filepath.Join(dir, strings.Repeat("A", 1500))
	tests := []struct {
		name string
		args []string
	}{
		{"export -o success line", []string{"export", "-o", evil}},
		{"decks check of a long missing folder", []string{"decks", "check", huge}},
		{"decks add of a long missing folder", []string{"decks", "add", huge}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, stderr := run(t, runOpts{}, tt.args...)
			if strings.ContainsAny(stderr, "\x1b\x07") {
				t.Errorf("raw control bytes on stderr: %q", stderr)
			}
			for _, l := range strings.Split(stderr, "\n") {
				if len(l) > 400 {
					t.Errorf("a %d-byte line on stderr: %.80q…", len(l), l)
				}
			}
		})
	}
}
