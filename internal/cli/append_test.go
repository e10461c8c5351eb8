package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/djq-cli/djq/internal/iostreams"
)

// appendRun runs djq with stdout appended to the file at path, opened as
// the shell's >> opens it: write-only, O_APPEND.
func appendRun(t *testing.T, path string, args ...string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ios, _, _, errOut := iostreams.Test()
	ios.SetStdoutFile(f)
	ios.SetEnv(map[string]string{"DJQ_CACHE_DIR": t.TempDir(), "DJQ_STATE_DIR": t.TempDir()})
	if code := Run(context.Background(), ios, args); code != 0 {
		t.Fatalf("djq %s >> file: exit %d %s", strings.Join(args, " "), code, errOut)
	}
}

// TestAppendToNotes: `djq show 35 >> notes.md` leaves exactly one blank
// line between what the file held and the new "# " title, whatever the
// file ended with, and never changes what was there (issue 26: a file
// without a final newline got the title on the next line, one ending in
// blank lines collected more).
func TestAppendToNotes(t *testing.T) {
	_, show35, _ := run(t, runOpts{}, "show", "35")
	_, show21, _ := run(t, runOpts{}, "show", "21")
	_, random, _ := run(t, runOpts{}, "random", "--seed", "7")
	_, exported, _ := run(t, runOpts{}, "export", "--tag", "email")
	tests := []struct {
		name, before, sep string
		args              []string
		out               string
	}{
		{name: "a fresh file", before: "", sep: "", args: []string{"show", "35"}, out: show35},
		{name: "no final newline", before: "my notes", sep: "\n\n", args: []string{"show", "35"}, out: show35},
		{name: "one final newline", before: "my notes\n", sep: "\n", args: []string{"show", "35"}, out: show35},
		{name: "a blank line", before: "my notes\n\n", sep: "", args: []string{"show", "35"}, out: show35},
		{name: "three blank lines are left alone", before: "my notes\n\n\n\n", sep: "", args: []string{"show", "35"}, out: show35},
		{name: "a line of spaces is a blank line", before: "my notes\n  \n", sep: "", args: []string{"show", "35"}, out: show35},
		{name: "CRLF", before: "my notes\r\n", sep: "\n", args: []string{"show", "35"}, out: show35},
		{name: "random", before: "my notes", sep: "\n\n", args: []string{"random", "--seed", "7"}, out: random},
		{name: "export", before: "my notes\n", sep: "\n", args: []string{"export", "--tag", "email"}, out: exported},
		{name: "export after no final newline", before: "my notes", sep: "\n\n", args: []string{"export", "--tag", "email"}, out: exported},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "notes.md")
			if err := os.WriteFile(path, []byte(tt.before), 0o600); err != nil {
				t.Fatal(err)
			}
			appendRun(t, path, tt.args...)
			got, _ := os.ReadFile(path)
			if want := tt.before + tt.sep + tt.out; string(got) != want {
				t.Errorf("file holds\n%q\nwant\n%q", head(string(got)), head(want))
			}
		})
	}
	t.Run("two answers in a row", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "notes.md")
		appendRun(t, path, "show", "35")
		appendRun(t, path, "show", "21")
		got, _ := os.ReadFile(path)
		if want := show35 + "\n" + show21; string(got) != want {
			t.Errorf("file holds\n%q\nwant\n%q", got, want)
		}
		if !strings.HasSuffix(show35, "\n") || strings.HasSuffix(show35, "\n\n") {
			t.Errorf("an answer must end with exactly one newline: %q", show35[len(show35)-10:])
		}
	})
}

// head is the first lines of s, for messages.
func head(s string) string {
	if lines := strings.SplitN(s, "\n", 5); len(lines) == 5 {
		return strings.Join(lines[:4], "\n")
	}
	return s
}
