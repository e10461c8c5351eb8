package cli

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/djq-cli/djq/internal/iostreams"
	"github.com/djq-cli/djq/internal/sanitize"
)

// hostileDeck writes a deck that treats djq as a terminal to attack, in
// every encoding a renderer might decode after sanitising, plus a file
// whose name is an escape sequence and front matter whose keys are; and a
// second deck folder whose name is one. env keeps every djq folder in
// temp dirs.
func hostileDeck(t *testing.T) (env map[string]string, dir, badFolder string) {
	t.Helper()
	root := t.TempDir()
	dir = writeDeck(t, filepath.Join(root, "evil"), map[string]string{
		"001-entities.md": "---\nid: 1\ntitle: \"Entities &#x1b;[31mred &#x202E;gnp.exe\"\nlevel: beginner\ntags: [\"t&#27;[5m\"]\n" +
			"summary: \"S &#27;]2;TITLE&#7;\"\ndocs: [\"https://example.com/\", \"javascript:alert(1)\"]\n---\n" +
			"Octal body &#27;]52;c;cHduZWQ=&#7; and &#x9b;31m C1, &#033;[2J, &#27 no semicolon, &ZeroWidthSpace;.\n\n" +
			"A [link](http://x.example/&#27;]2;LINK&#7;) and **bold &#x1B;]0;BOLD&#x7;**.\n",
		"002-yaml.md": "---\nid: 2\ntitle: \"Yaml \\e]2;TITLE\\a \\x1b[31m \\u001b[1m \\u202e\"\nlevel: intermediate\n" +
			"summary: \"\\e]52;c;eWFtbA==\\a\"\ntags: [\"\\e[31mtag\"]\n---\nRaw \x1b]52;c;cmF3\x07 octal \u009b31m, \u202Ebidi, zero\u200Bwidth.\n",
		"003-json.md":         "---\n{\"id\": 3, \"title\": \"Json \\u001b]2;TITLE\\u0007\", \"level\": \"advanced\"}\n---\nJSON octal &#x1b;]52;c;anNvbg==&#x07;\n",
		"008-\x1b]2;X\x07.md": "no front matter\n",
		"009-keys.md":         "---\nid: 9\ntitle: K?\nlevel: beginner\n\"\\e]2;K\\a\": 1\n\"\\e]2;K\\a\": 2\n---\nbody\n",
	})
	badFolder = writeDeck(t, filepath.Join(root, "bad\x1b]2;F\x07"), map[string]string{"001-a.md": question(1, "A?", "beginner", "a")})
	env = map[string]string{
		"DJQ_DECKS":      dir + string(os.PathListSeparator) + badFolder,
		"DJQ_CACHE_DIR":  filepath.Join(root, "cache"),
		"DJQ_STATE_DIR":  filepath.Join(root, "state"),
		"DJQ_CONFIG_DIR": filepath.Join(root, "config"),
		"DJQ_DATA_DIR":   filepath.Join(root, "data"),
	}
	return env, dir, badFolder
}

// styling is what djq may write itself: SGR sequences and OSC 8 links.
var styling = regexp.MustCompile(`\x1b\[[0-9;:]*m|\x1b\]8;;(https?://[^\x00-\x1f\x7f]*)?\x1b\\`)

// checkTerminal fails on anything in out that acts on a terminal, other
// than djq's styling when color is true, and on any payload of the deck's
// escapes.
func checkTerminal(t *testing.T, what, out string, color bool) {
	t.Helper()
	rest := out
	if color {
		rest = styling.ReplaceAllString(out, "")
	}
	for i, r := range rest {
		bad := r == utf8.RuneError || r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f || sanitize.Invisible(r)
		if bad {
			t.Errorf("%s: %U at byte %d: %q", what, r, i, rest[max(0, i-30):min(len(rest), i+30)])
			return
		}
	}
	for _, p := range []string{"cHduZWQ=", "eWFtbA==", "cmF3", "anNvbg==", "TITLE", "LINK", "BOLD", "\\u001b", "\\u0007"} {
		if strings.Contains(out, p) {
			t.Errorf("%s: payload %q survived:\n%q", what, p, out)
		}
	}
}

// TestHostileDeck runs every command that shows deck text or deck names
// over the hostile deck and checks stdout and stderr.
func TestHostileDeck(t *testing.T) {
	env, dir, _ := hostileDeck(t)
	o := runOpts{env: env, width: 70}
	skipped := `skipping "` + dir + `/008-\x1b]2;X\a.md":1: missing front matter`
	tests := []struct {
		args       []string
		color      bool
		wantOut    string
		wantStderr string
	}{
		{args: []string{"show", "evil:1"}, wantOut: "Entities", wantStderr: skipped},
		{args: []string{"show", "evil:1", "evil:2", "evil:3", "--format", "pretty", "--color", "never", "--style", "notty"}, wantOut: "Entities"},
		{args: []string{"show", "evil:1", "evil:2", "evil:3", "--format", "pretty", "--color", "always", "--hyperlinks", "always"}, color: true, wantOut: "<U+202E>gnp.exe"},
		{args: []string{"show", "evil:1", "evil:2", "evil:3", "--format", "json"}, wantOut: `"title": "Entities red <U+202E>gnp.exe"`},
		{args: []string{"random", "--deck", "evil", "--count", "3", "--format", "pretty", "--color", "always"}, color: true, wantOut: "Yaml"},
		{args: []string{"random", "--deck", "evil", "--count", "3", "--format", "pretty", "--color", "never"}, wantOut: "Json"},
		{args: []string{"list", "--deck", "evil"}, wantOut: "Yaml", wantStderr: skipped},
		{args: []string{"list", "--deck", "evil", "--format", "pretty", "--color", "always"}, color: true, wantOut: "Json"},
		{args: []string{"search", "octal", "--deck", "evil"}, wantOut: "evil:"},
		{args: []string{"search", "octal", "--deck", "evil", "--format", "pretty", "--color", "always"}, color: true, wantOut: "evil:"},
		{args: []string{"search", "octal", "--deck", "evil", "--format", "json"}, wantOut: `"ref": "evil:`},
		{args: []string{"export", "--deck", "evil", "--format", "markdown"}, wantOut: "Entities"},
		{args: []string{"export", "--deck", "evil", "--format", "anki"}, wantOut: "<li>javascript:alert(1)</li>"},
		{args: []string{"export", "--deck", "evil", "--format", "json"}, wantOut: "Yaml"},
		{args: []string{"decks"}, wantOut: dir, wantStderr: `bad\x1b]2;F\a`},
		{args: []string{"decks", "check", dir}, wantOut: `"\x1b]2;K\a" is given twice (first on line 5)`, wantStderr: `problem(s) in ` + dir},
		{args: []string{"paths"}, wantOut: `bad\x1b]2;F\a`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, stdout, stderr := run(t, o, tt.args...)
			checkTerminal(t, "stdout", stdout, tt.color)
			checkTerminal(t, "stderr", stderr, false)
			if !strings.Contains(stdout, tt.wantOut) {
				t.Errorf("stdout lacks %q:\n%s", tt.wantOut, stdout)
			}
			if !strings.Contains(stderr, tt.wantStderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.wantStderr, stderr)
			}
		})
	}
	t.Run("quiz answer", func(t *testing.T) {
		// runQuiz sets only the state folder: the deck needs the cache too.
		ios, in, out, errOut := iostreams.Test()
		in.WriteString("good\ngood\ngood\n")
		ios.SetEnv(env)
		code := Run(context.Background(), ios, []string{"quiz", "--plain", "--deck", dir, "--count", "3"})
		if code != 0 || !strings.Contains(errOut.String(), "Reviewed 3 cards") || !strings.Contains(out.String(), "<U+202E>") {
			t.Errorf("exit %d: %s\n%s", code, errOut.String(), out.String())
		}
		checkTerminal(t, "stdout", out.String(), false)
		checkTerminal(t, "stderr", errOut.String(), false)
	})
}

// TestHugeValuesAreCut: a value echoed in an error is cut, whatever
// command or flag it came through, so a 100 KB argument gives a short line.
func TestHugeValuesAreCut(t *testing.T) {
	huge := strings.Repeat("x", 100_000)
	env := map[string]string{"DJQ_CACHE_DIR": t.TempDir(), "DJQ_CONFIG_DIR": t.TempDir(), "DJQ_DATA_DIR": t.TempDir(), "DJQ_STATE_DIR": t.TempDir()}
	tests := [][]string{
		{"show", huge}, {"show", "1" + huge}, {"show", "deck:" + huge}, {"list", "--deck", huge}, {"list", "--tag", huge},
		{"list", "--level", huge}, {"list", "--format", huge}, {"list", "--color", huge}, {"show", "1", "--style", huge},
		{"show", "1", "--width", huge}, {"search", "tag:" + huge}, {"search", "level:" + huge}, {"export", "--format", huge},
		{"help", huge}, {huge}, {"list", "--" + huge}, {"list", huge}, {"decks", "remove", huge}, {"decks", "new", huge},
		{"open", "1", huge}, {"show", "1", "--hyperlinks", huge}, {"decks", "frob" + huge},
	}
	for _, args := range tests {
		t.Run(sanitize.Cut(strings.Join(args, " "), 30), func(t *testing.T) {
			code, _, stderr := run(t, runOpts{env: env}, args...)
			if code != 2 {
				t.Errorf("exit %d, want 2: %.200s", code, stderr)
			}
			if len(stderr) > 1000 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "bytes)") {
				t.Errorf("stderr is %d bytes, %d lines: %.300q", len(stderr), strings.Count(stderr, "\n"), stderr)
			}
		})
	}
}

// failingWriter fails every write, as stdout on a full disk does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestHelpWriteFailure: help and version fail (exit 1) when their output
// cannot be written, as every other command does.
func TestHelpWriteFailure(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"help", "search"}, {}, {"show", "--help"}, {"--version"}, {"list"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			ios, _, _, errOut := iostreams.Test()
			ios.Out = failingWriter{}
			if code := Run(context.Background(), ios, args); code != 1 {
				t.Errorf("exit %d, want 1 (stderr %q)", code, errOut.String())
			}
			if !strings.Contains(errOut.String(), "no space left on device") {
				t.Errorf("stderr = %q", errOut.String())
			}
		})
	}
}

// TestDecksNewHome: a quoted ~/ is expanded, not made into a folder
// named "~"; ~user and ~ without HOME are refused.
func TestDecksNewHome(t *testing.T) {
	home, cwd := t.TempDir(), t.TempDir()
	t.Chdir(cwd)
	env := map[string]string{"HOME": home, "DJQ_DATA_DIR": t.TempDir(), "DJQ_CONFIG_DIR": t.TempDir(), "DJQ_CACHE_DIR": t.TempDir()}
	noHome := map[string]string{"HOME": "", "DJQ_DATA_DIR": t.TempDir(), "DJQ_CONFIG_DIR": t.TempDir()}
	tests := []struct {
		env        map[string]string
		args       []string
		code       int
		out, err   string
		wantFolder string
	}{
		{env, []string{"decks", "new", "~/x"}, 0, "created deck \"x\" in " + filepath.Join(home, "x"), "", filepath.Join(home, "x")},
		{env, []string{"decks", "add", "~/x"}, 0, "added deck \"x\" (" + filepath.Join(home, "x") + ")", "", ""},
		{env, []string{"decks", "new", "~other/x"}, 2, "", `cannot use the folder "~other/x": only a leading ~/ is expanded`, ""},
		{noHome, []string{"decks", "new", "~/y"}, 2, "", `cannot expand ~ in "~/y": HOME is not set`, ""},
	}
	for _, tt := range tests {
		code, stdout, stderr := run(t, runOpts{env: tt.env}, tt.args...)
		if code != tt.code || !strings.Contains(stdout, tt.out) || !strings.Contains(stderr, tt.err) {
			t.Errorf("djq %s: exit %d (want %d)\nstdout %q (want %q)\nstderr %q (want %q)", strings.Join(tt.args, " "), code, tt.code, stdout, tt.out, stderr, tt.err)
		}
		if tt.wantFolder != "" {
			if _, err := os.Stat(tt.wantFolder); err != nil {
				t.Errorf("%s was not created: %v", tt.wantFolder, err)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(cwd, "~")); err == nil {
		t.Errorf("a folder named ~ was created in the current folder")
	}
}
