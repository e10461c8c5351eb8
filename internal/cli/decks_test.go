package cli

import (
	"encoding/json"
	"fmt"
	"github.com/djq-cli/djq/data"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// writeDeck creates a deck folder with the given files.
func writeDeck(t *testing.T, dir string, files map[string]string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func question(id int, title, level, body string) string {
	return "---\nid: " + itoa(id) + "\ntitle: " + title + "\nlevel: " + level + "\ntags: [custom]\nsummary: Summary of " + title + "\n---\n" + body + "\n"
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

// decksFixture makes two decks: "interview", with one broken file among
// good ones, and "evil", whose content carries terminal escape sequences.
func decksFixture(t *testing.T) (env map[string]string, interview, evil string) {
	root := t.TempDir()
	interview = writeDeck(t, filepath.Join(root, "interview"), map[string]string{
		"001-celery.md":  question(1, "How do Celery retries work?", "advanced", "Call self.retry() inside a bound task to run it again later."),
		"002-stack.md":   question(2, "Which database do we use?", "beginner", "We run PostgreSQL 16 behind PgBouncer."),
		"003-broken.md":  "---\nid: 3\ntitle: [unclosed\n---\nbody\n",
		"004-nolevel.md": "---\nid: 4\ntitle: Missing level?\n---\nbody\n",
	})
	evil = writeDeck(t, filepath.Join(root, "evil"), map[string]string{
		"001-esc.md": "---\nid: 1\ntitle: \"Red \\e[31mtitle\\e[0m with a bell\\a?\"\nlevel: beginner\ntags: [\"osc\\e]52;c;ZXZpbA==\\a\"]\nsummary: \"sum\\e]8;;https://evil\\e\\\\link\\e]8;;\\e\\\\mary\"\n---\nBody with \x1b[2J clear, \x1b]52;c;ZXZpbA==\x07 clipboard, \u009b31m C1 CSI, bare\rCR and \x1b]8;;https://evil\x1b\\a link\x1b]8;;\x1b\\.\n\nZebraword appears here.\n",
	})
	env = map[string]string{
		"DJQ_DECKS":     interview + string(os.PathListSeparator) + evil,
		"DJQ_CACHE_DIR": filepath.Join(root, "cache"),
	}
	return env, interview, evil
}

func TestDecksAcrossCommands(t *testing.T) {
	env, _, _ := decksFixture(t)
	o := runOpts{env: env}
	tests := []struct {
		name       string
		o          runOpts
		args       []string
		wantCode   int
		wantOut    []string
		notOut     []string
		wantStderr []string
	}{
		{name: "list all decks", o: o, args: []string{"list"}, wantOut: []string{"interview:1", "interview:2", "evil:1", "What is Django?"}, notOut: []string{"interview:3", "interview:4"},
			wantStderr: []string{"skipping " + "", "003-broken.md:2: bad YAML", "004-nolevel.md:1: missing level"}},
		{name: "list one deck", o: o, args: []string{"list", "--deck", "interview"}, wantOut: []string{"interview:1", "interview:2"}, notOut: []string{"evil:1", "What is Django?"}},
		{name: "list built-in only", o: o, args: []string{"list", "--deck", "django", "--level", "advanced"}, wantOut: []string{"35"}, notOut: []string{"interview"}},
		{name: "unknown deck", o: o, args: []string{"list", "--deck", "nosuch"}, wantCode: 2, wantStderr: []string{`unknown deck "nosuch": decks are django, evil, interview`}},
		{name: "show deck question", o: o, args: []string{"show", "interview:1"}, wantOut: []string{"How do Celery retries work?", "self.retry()"}},
		{name: "show missing in deck", o: o, args: []string{"show", "interview:9"}, wantCode: 1, wantStderr: []string{"no question interview:9: ids run from interview:1 to interview:2 (see djq list --deck interview)"}},
		{name: "plain ids stay built-in", o: o, args: []string{"show", "1"}, wantOut: []string{"What is Django?"}},
		{name: "random in a deck", o: o, args: []string{"random", "--deck", "interview", "--count", "5", "--seed", "1"}, wantOut: []string{"interview:1", "interview:2"}},
		{name: "search across decks", o: o, args: []string{"search", "celery", "retry", "--limit", "20"}, wantOut: []string{"interview:1", "101"}},
		{name: "search one deck", o: o, args: []string{"search", "postgresql", "--deck", "interview"}, wantOut: []string{"interview:2"}, notOut: []string{"\n18 "}},
		{name: "search deck: term", o: o, args: []string{"search", "postgresql", "deck:interview"}, wantOut: []string{"interview:2"}},
		{name: "search finds the evil deck", o: o, args: []string{"search", "zebraword"}, wantOut: []string{"evil:1"}},
		{name: "export one deck's title", o: o, args: []string{"export", "--deck", "interview"}, wantOut: []string{"# Questions from the interview deck\n\n2 questions exported by djq."}},
		{name: "decks lists all", o: o, args: []string{"decks"}, wantOut: []string{"django", fmt.Sprintf("%d questions", builtinSize(t)), "interview", "2 questions", "evil"}},
		{name: "deck folder by --deck path", o: runOpts{}, args: []string{"list", "--deck", env["DJQ_DECKS"][:strings.IndexRune(env["DJQ_DECKS"], os.PathListSeparator)]}, wantOut: []string{"interview:1"}, notOut: []string{"What is Django?"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, tt.o, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit = %d, want %d (stderr %q)", code, tt.wantCode, stderr)
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(stdout, w) {
					t.Errorf("stdout lacks %q:\n%s", w, stdout)
				}
			}
			for _, w := range tt.notOut {
				if strings.Contains(stdout, w) {
					t.Errorf("stdout has %q:\n%s", w, stdout)
				}
			}
			for _, w := range tt.wantStderr {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			if strings.Count(stderr, "003-broken.md") > 1 {
				t.Errorf("the broken file was reported more than once:\n%s", stderr)
			}
		})
	}
}

// TestDeckContentIsSanitised shows and searches the deck with escape
// sequences in every format and checks that no ESC, BEL, CR or C1 control
// from the content reaches the output.
func TestDeckContentIsSanitised(t *testing.T) {
	env, _, _ := decksFixture(t)
	for _, args := range [][]string{
		{"show", "evil:1"},
		{"show", "evil:1", "--format", "json"},
		{"show", "evil:1", "--format", "pretty", "--color", "never"},
		{"list", "--deck", "evil"},
		{"search", "zebraword"},
		{"search", "clipboard", "--format", "json"},
		{"random", "--deck", "evil"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, stdout, stderr := run(t, runOpts{env: env}, args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			for _, bad := range []string{"\x1b", "\x07", "\r", "\u009b", "\u009d", "\\u001b", "\\u0007"} {
				if strings.Contains(stdout, bad) {
					t.Errorf("output contains %q:\n%q", bad, stdout)
				}
			}
			if strings.Contains(stdout, "ZXZpbA==") || strings.Contains(stdout, "https://evil") {
				t.Errorf("escape sequence payload survived:\n%s", stdout)
			}
		})
	}
}

func TestDecksCheck(t *testing.T) {
	dir := writeDeck(t, filepath.Join(t.TempDir(), "mine"), map[string]string{
		"001-ok.md":      question(1, "Fine?", "beginner", "ok") + "",
		"002-dup.md":     question(1, "Duplicate?", "beginner", "dup"),
		"003-level.md":   "---\nid: 3\ntitle: Level?\nlevel: expert\n---\nx\n",
		"004-yaml.md":    "---\nid: 4\ntitle: [oops\n---\nx\n",
		"005-empty.md":   "---\nid: 5\ntitle: Empty?\nlevel: beginner\n---\n\n",
		"006-related.md": "---\nid: 6\ntitle: Related?\nlevel: beginner\nrelated: [1, 42]\n---\nx\n",
		"007-noid.md":    "---\ntitle: No id?\nlevel: beginner\n---\nx\n",
	})
	code, stdout, stderr := run(t, runOpts{}, "decks", "check", dir)
	if code != 1 {
		t.Errorf("exit = %d, want 1", code)
	}
	for _, want := range []string{
		"002-dup.md:2: duplicate id 1 (also in " + filepath.Join(dir, "001-ok.md") + ")",
		"003-level.md:4: unknown level \"expert\"",
		"004-yaml.md:2: bad YAML in front matter",
		"005-empty.md:5: the answer (the Markdown after the front matter) is empty",
		"006-related.md:5: unknown related id 42",
		"007-noid.md:1: missing id",
	} {
		if !strings.Contains(stdout, filepath.Join(dir, want)) && !strings.Contains(stdout, want) {
			t.Errorf("check output lacks %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stderr, "problem(s) in") {
		t.Errorf("stderr = %q", stderr)
	}
	clean := writeDeck(t, filepath.Join(t.TempDir(), "clean"), map[string]string{"001-a.md": question(1, "A?", "beginner", "a")})
	if code, stdout, _ := run(t, runOpts{}, "decks", "check", clean); code != 0 || !strings.Contains(stdout, "1 questions, no problems") {
		t.Errorf("clean deck: exit %d, %q", code, stdout)
	}
	if code, _, stderr := run(t, runOpts{}, "decks", "check", filepath.Join(t.TempDir(), "nope")); code != 2 || !strings.Contains(stderr, "no such file or directory") {
		t.Errorf("missing folder: exit %d %q", code, stderr)
	}
}

func TestDecksNew(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "starter")
	code, stdout, stderr := run(t, runOpts{}, "decks", "new", dir)
	if code != 0 || !strings.Contains(stdout, `created deck "starter"`) {
		t.Fatalf("exit %d %q %q", code, stdout, stderr)
	}
	if code, stdout, _ := run(t, runOpts{}, "decks", "check", dir); code != 0 {
		t.Errorf("the example deck has problems:\n%s", stdout)
	}
	if code, stdout, _ := run(t, runOpts{}, "list", "--deck", dir); code != 0 || !strings.Contains(stdout, "starter:3") {
		t.Errorf("list the new deck: %d %s", code, stdout)
	}
	// Never overwrite: a second run on the same folder is refused and the
	// user's edit survives.
	edited := filepath.Join(dir, "001-what-is-this-deck.md")
	os.WriteFile(edited, []byte("my notes"), 0o644)
	code, _, stderr = run(t, runOpts{}, "decks", "new", dir)
	if code != 2 || !strings.Contains(stderr, "already exists and is not empty") {
		t.Errorf("second run: exit %d %q", code, stderr)
	}
	if b, _ := os.ReadFile(edited); string(b) != "my notes" {
		t.Errorf("the user's file was overwritten")
	}
}

// TestDuplicateDeckNames: a deck folder named like the built-in deck, or
// like a deck found before it, used to make every command fail, `djq show
// 35` included. Now such a folder is left out with a warning naming both
// folders, the built-in refs and the other decks keep working, and decks
// add refuses it, decks check reports it and --deck FOLDER names it.
func TestDuplicateDeckNames(t *testing.T) {
	a := writeDeck(t, filepath.Join(t.TempDir(), "same"), map[string]string{"001-a.md": question(1, "A?", "beginner", "a")})
	b := writeDeck(t, filepath.Join(t.TempDir(), "same"), map[string]string{"001-b.md": question(1, "B?", "beginner", "b")})
	django := writeDeck(t, filepath.Join(t.TempDir(), "django"), map[string]string{"001-a.md": question(1, "A?", "beginner", "a")})
	sep := string(os.PathListSeparator)
	cfg := t.TempDir()
	env := map[string]string{"DJQ_DECKS": a + sep + b + sep + django, "DJQ_CONFIG_DIR": cfg}
	clashB := `skipping deck folder ` + b + ` (from DJQ_DECKS): a deck named "same" is already at ` + a + `; rename one of the folders`
	clashDjango := `skipping deck folder ` + django + ` (from DJQ_DECKS): its name "django" is the built-in deck's; rename the folder`
	for _, tt := range []struct {
		name       string
		env        map[string]string
		args       []string
		wantCode   int
		wantOut    string
		wantStderr []string
	}{
		{"built-in ref", env, []string{"show", "35"}, 0, "prefetch_related", []string{clashB, clashDjango}},
		{"built-in ref by deck", env, []string{"show", "django:1"}, 0, "What is Django?", []string{clashDjango}},
		{"the first deck of a name", env, []string{"list", "--deck", "same"}, 0, "A?", []string{clashB}},
		{"a --deck folder whose name is taken", map[string]string{"DJQ_DECKS": a}, []string{"list", "--deck", b}, 2, "",
			[]string{`djq: --deck "` + b + `": a deck named "same" is already at ` + a + `; rename one of the folders`}},
		{"a --deck folder named django", nil, []string{"show", "35", "--deck", django}, 2, "", []string{`djq: --deck "` + django + `": its name "django" is the built-in deck's`}},
		{"decks add refuses a taken name", map[string]string{"DJQ_DECKS": a, "DJQ_CONFIG_DIR": cfg}, []string{"decks", "add", b}, 2, "",
			[]string{`djq: cannot add "` + b + `": a deck named "same" is already at ` + a}},
		{"decks add refuses django", map[string]string{"DJQ_CONFIG_DIR": cfg}, []string{"decks", "add", django}, 2, "", []string{`its name "django" is the built-in deck's`}},
		{"decks check reports a taken name", map[string]string{"DJQ_DECKS": a}, []string{"decks", "check", b}, 1, b + `: a deck named "same" is already at ` + a, nil},
		{"decks check reports django", nil, []string{"decks", "check", django}, 1, django + `: its name "django" is the built-in deck's; rename the folder`, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, runOpts{env: tt.env}, tt.args...)
			if code != tt.wantCode || !strings.Contains(stdout, tt.wantOut) {
				t.Errorf("exit %d, want %d; stdout lacks %q?\n%s\nstderr %q", code, tt.wantCode, tt.wantOut, stdout, stderr)
			}
			for _, w := range tt.wantStderr {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			if strings.Count(stderr, "\n") > len(tt.wantStderr)+1 {
				t.Errorf("more messages than expected:\n%s", stderr)
			}
		})
	}
}

// TestDeckEditRebuildsOnlyItsIndex checks the cache key: editing a file in
// a user deck rebuilds that deck's index; the built-in one is reused.
func TestDeckEditRebuildsOnlyItsIndex(t *testing.T) {
	env, interview, _ := decksFixture(t)
	run(t, runOpts{env: env}, "search", "warm")
	before, _ := os.ReadDir(env["DJQ_CACHE_DIR"])
	if code, stdout, _ := run(t, runOpts{env: env}, "search", "pgbouncer", "--deck", "interview"); code != 0 || !strings.Contains(stdout, "interview:2") {
		t.Fatalf("before edit: %d %s", code, stdout)
	}
	os.WriteFile(filepath.Join(interview, "002-stack.md"), []byte(question(2, "Which database do we use?", "beginner", "We moved to CockroachDB.")), 0o644)
	code, stdout, _ := run(t, runOpts{env: env}, "search", "cockroachdb", "--deck", "interview")
	if code != 0 || !strings.Contains(stdout, "interview:2") {
		t.Errorf("after edit the deck's index was not rebuilt: %d %s", code, stdout)
	}
	after, _ := os.ReadDir(env["DJQ_CACHE_DIR"])
	names := func(es []os.DirEntry) map[string]bool {
		m := map[string]bool{}
		for _, e := range es {
			m[e.Name()] = true
		}
		return m
	}
	b, a := names(before), names(after)
	kept := 0
	for n := range b {
		if a[n] {
			kept++
		}
	}
	if kept == 0 {
		t.Errorf("no index survived the edit: before %v after %v", b, a)
	}
}

func TestExport(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "django.txt")
	code, stdout, stderr := run(t, runOpts{}, "export", "--format", "anki", "-o", out)
	if code != 0 || stdout != "" || !strings.Contains(stderr, fmt.Sprintf("wrote %d questions to ", builtinSize(t))+out) {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	b, _ := os.ReadFile(out)
	if !strings.HasPrefix(string(b), "#separator:tab\n#html:true\n#notetype:Basic\n#deck:Django Interview\n#tags column:3\n") {
		t.Errorf("anki file starts %q", b[:100])
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	code, stdout, _ = run(t, runOpts{}, "export", "--level", "advanced")
	if code != 0 || !strings.HasPrefix(stdout, fmt.Sprintf("# Django interview questions (advanced)\n\n%d questions exported by djq.", builtinLevel(t, "advanced"))) || strings.Contains(stdout, "## 1\n") {
		t.Errorf("markdown export: %d %.120q", code, stdout)
	}
	code, stdout, _ = run(t, runOpts{}, "export", "--format", "json", "--tag", "drf")
	var qs []map[string]any
	if code != 0 || json.Unmarshal([]byte(stdout), &qs) != nil || len(qs) == 0 || qs[0]["body"] == nil {
		t.Errorf("json export: %d %.120q", code, stdout)
	}
	for _, tt := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"export", "--format", "pdf"}, 2, `unknown export format "pdf": valid formats are markdown, anki, json`},
		{[]string{"export", "-o", filepath.Join(dir, "missing", "x.md")}, 1, "writing " + filepath.Join(dir, "missing", "x.md")},
		{[]string{"export", "--level", "beginner", "--tag", "signals"}, 1, "no questions match"},
	} {
		if code, _, stderr := run(t, runOpts{}, tt.args...); code != tt.code || !strings.Contains(stderr, tt.err) {
			t.Errorf("%v: exit %d, stderr %q", tt.args, code, stderr)
		}
	}
}

// TestDecksNewNameAddRemove follows the README's walk-through: a bare name
// makes a deck djq finds at once; a folder elsewhere is made known with
// decks add (kept in the config folder) and forgotten with decks remove,
// which never touches the folder.
func TestDecksNewNameAddRemove(t *testing.T) {
	env := map[string]string{"DJQ_DATA_DIR": t.TempDir(), "DJQ_CONFIG_DIR": t.TempDir(), "DJQ_CACHE_DIR": t.TempDir()}
	o := runOpts{env: env}
	steps := []struct {
		args     []string
		code     int
		out, err string
	}{
		{[]string{"decks", "new", "mine"}, 0, "try: djq list --deck mine", ""},
		{[]string{"list", "--deck", "mine"}, 0, "mine:3", ""},
		{[]string{"decks", "check", "mine"}, 0, "3 questions, no problems", ""},
		{[]string{"show", "mine:2"}, 0, "Which parts of our stack", ""},
		{[]string{"decks", "new", "mine"}, 2, "", "already exists and is not empty"},
		{[]string{"decks", "new", filepath.Join(env["DJQ_DATA_DIR"], "elsewhere", "work")}, 0, "djq decks add ", ""},
		{[]string{"decks"}, 0, "mine", ""},
		{[]string{"decks", "add", filepath.Join(env["DJQ_DATA_DIR"], "elsewhere", "work")}, 0, `added deck "work"`, ""},
		{[]string{"decks", "add", filepath.Join(env["DJQ_DATA_DIR"], "elsewhere", "work")}, 0, "already added", ""},
		{[]string{"decks"}, 0, "work", ""},
		{[]string{"show", "work:1"}, 0, "What is this deck for?", ""},
		{[]string{"decks", "add", filepath.Join(env["DJQ_DATA_DIR"], "nosuch")}, 2, "", "cannot add"},
		{[]string{"decks", "remove", "nosuch"}, 2, "", `unknown added deck "nosuch": added decks are work`},
		{[]string{"decks", "remove", "work"}, 0, "the folder " + filepath.Join(env["DJQ_DATA_DIR"], "elsewhere", "work") + " is untouched", ""},
		{[]string{"show", "work:1"}, 2, "", `unknown deck "work"`},
		{[]string{"decks", "check", filepath.Join(env["DJQ_DATA_DIR"], "elsewhere", "work")}, 0, "3 questions, no problems", ""},
	}
	for _, s := range steps {
		code, stdout, stderr := run(t, o, s.args...)
		if code != s.code || !strings.Contains(stdout, s.out) || !strings.Contains(stderr, s.err) {
			t.Errorf("djq %s: exit %d (want %d)\nstdout %q (want %q)\nstderr %q (want %q)", strings.Join(s.args, " "), code, s.code, stdout, s.out, stderr, s.err)
		}
	}
}

// builtinSize is the number of questions in the built-in deck.
func builtinSize(t *testing.T) int {
	t.Helper()
	d, _, err := data.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return len(d.Questions)
}

// builtinLevel is the number of built-in questions of a level.
func builtinLevel(t *testing.T, level string) (n int) {
	t.Helper()
	d, _, err := data.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range d.Questions {
		if string(q.Level) == level {
			n++
		}
	}
	return n
}

// TestDecksCheckReportsEverything: decks check used to stop at a file's
// first fatal problem (fix the level, then its bad related id appeared)
// and called the id of a broken file unknown. Every problem of every file
// comes in one run now, each one line with file, line, bad value and what
// is valid.
func TestDecksCheckReportsEverything(t *testing.T) {
	dir := writeDeck(t, filepath.Join(t.TempDir(), "mine"), map[string]string{
		"001-ok.md":    question(1, "Fine?", "beginner", "ok"),
		"002-many.md":  "---\nid: 2\ntitle: Many?\nlevel: expert\nrelated: [99, x, 1]\ntags: {a: b}\n---\nx\n",
		"003-uses2.md": "---\nid: 3\ntitle: Uses two?\nlevel: beginner\nrelated: [2]\n---\nx\n",
	})
	code, stdout, stderr := run(t, runOpts{}, "decks", "check", dir)
	if code != 1 || !strings.Contains(stderr, "djq: 4 problem(s) in "+dir) {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	want := []string{
		filepath.Join(dir, "002-many.md") + `:4: unknown level "expert": valid levels are beginner, intermediate, advanced`,
		filepath.Join(dir, "002-many.md") + `:5: related id "x" is not a positive whole number`,
		filepath.Join(dir, "002-many.md") + `:5: unknown related id 99: deck mine has ids 1-3`,
		filepath.Join(dir, "002-many.md") + `:6: tags must be a list such as [orm, performance]`,
	}
	if got := strings.Split(strings.TrimSpace(stdout), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("decks check printed:\n%s\nwant:\n%s", stdout, strings.Join(want, "\n"))
	}
}

// TestDecksCheckNames: decks check takes what --deck takes (the built-in
// deck, a deck's name, a folder) and names an unknown deck as every other
// command does.
func TestDecksCheckNames(t *testing.T) {
	env, interview, _ := decksFixture(t)
	_, _, listErr := run(t, runOpts{env: env}, "list", "--deck", "intervew")
	for _, tt := range []struct {
		name       string
		args       []string
		wantCode   int
		wantOut    string
		wantStderr string
	}{
		{"the built-in deck", []string{"decks", "check", "django"}, 0, fmt.Sprintf("django (built in): %d questions, no problems", builtinSize(t)), ""},
		{"a deck by name", []string{"decks", "check", "interview"}, 1, filepath.Join(interview, "004-nolevel.md") + ":1: missing level", ""},
		{"an unknown name", []string{"decks", "check", "nosuch"}, 2, "", `djq: unknown deck "nosuch": decks are django, evil, interview (see djq decks)` + "\n"},
		{"a misspelt name, as list says it", []string{"decks", "check", "intervew"}, 2, "", listErr},
		{"a --deck folder's name", []string{"decks", "check", "clean", "--deck", writeDeck(t, filepath.Join(t.TempDir(), "clean"), map[string]string{"001-a.md": question(1, "A?", "beginner", "a")})}, 0, "1 questions, no problems", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, runOpts{env: env}, tt.args...)
			stderr = strings.Join(slices.DeleteFunc(strings.SplitAfter(stderr, "\n"), func(l string) bool { return strings.Contains(l, "skipping") }), "")
			if code != tt.wantCode || !strings.Contains(stdout, tt.wantOut) || tt.wantStderr != "" && stderr != tt.wantStderr {
				t.Errorf("exit %d (want %d)\nstdout %q (want %q)\nstderr %q (want %q)", code, tt.wantCode, stdout, tt.wantOut, stderr, tt.wantStderr)
			}
		})
	}
	if !strings.Contains(listErr, `did you mean interview?`) {
		t.Errorf("list --deck intervew: %q", listErr)
	}
}

// TestDeckFolderFlag: a --deck FOLDER that cannot be used printed a
// warning and then called it an unknown deck by its base name; it is one
// usage error naming the value as given.
func TestDeckFolderFlag(t *testing.T) {
	file := filepath.Join(t.TempDir(), "notes.md")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	const valid = " (a value with a '/', or starting with '.' or '~', is a deck folder; any other is a deck name: see djq decks)\n"
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--deck", "./nonexistent", "list"}, `djq: --deck "./nonexistent": no such file or directory` + valid},
		{[]string{"search", "orm", "--deck", "./nonexistent"}, `djq: --deck "./nonexistent": no such file or directory` + valid},
		{[]string{"list", "--deck", file}, `djq: --deck "` + file + `": not a folder` + valid},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, stdout, stderr := run(t, runOpts{}, tt.args...)
			if code != 2 || stdout != "" || stderr != tt.want {
				t.Errorf("exit %d, stdout %q\nstderr %q\nwant   %q", code, stdout, stderr, tt.want)
			}
		})
	}
}
