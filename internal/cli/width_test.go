package cli

import (
	"strings"
	"testing"
	"time"

	xansi "github.com/charmbracelet/x/ansi"
)

// TestWidthInAPipe: --width is every command's width, a terminal or not
// (issue 26: list and search ignored it in a pipe, so an fzf preview or a
// narrow pane got full-width lines).
func TestWidthInAPipe(t *testing.T) {
	stateDir := t.TempDir()
	day := time.Date(2026, 11, 20, 9, 0, 0, 0, time.Local)
	for i := 0; i < 2; i++ {
		runQuiz(t, stateDir, "good\ngood\n", false, day.AddDate(0, 0, i), "quiz", "--plain", "--count", "2", "--seed", "3")
	}
	freshDir := t.TempDir()
	tests := [][]string{
		{"show", "35"},
		{"show", "1", "2"},
		{"random", "--seed", "4"},
		{"search", "migrations"},
		{"list"},
		{"list", "--level", "advanced"},
		{"tags"},
		{"stats"},
		{"stats", "fresh"},
	}
	for _, args := range tests {
		for _, env := range []map[string]string{
			{"DJQ_STATE_DIR": stateDir},
			{"DJQ_STATE_DIR": stateDir, "COLUMNS": "100", "FZF_PREVIEW_COLUMNS": "abc"},
		} {
			t.Run(strings.Join(args, " "), func(t *testing.T) {
				args, env := args, env
				if args[len(args)-1] == "fresh" { // a user with no reviews
					args, env = args[:len(args)-1], map[string]string{"DJQ_STATE_DIR": freshDir, "COLUMNS": env["COLUMNS"]}
				}
				argv := append([]string{"--format", "pretty", "--width", "40"}, args...)
				code, stdout, stderr := run(t, runOpts{env: env}, argv...)
				if code != 0 {
					t.Fatalf("exit %d: %s", code, stderr)
				}
				for _, line := range strings.Split(stdout, "\n") {
					if w := xansi.StringWidth(line); w > 40 && !unbreakable(line, 40) {
						t.Errorf("a line of %d columns at --width 40:\n%s", w, line)
					}
				}
			})
		}
	}
}

// unbreakable tells a line that is too wide only because it holds a word
// no wrapping may split: a URL (split, it can be neither clicked nor
// copied) or a long piece of inline code, which show leaves whole.
func unbreakable(line string, width int) bool {
	for _, word := range strings.Fields(xansi.Strip(line)) {
		if xansi.StringWidth(word) > width-10 {
			return true
		}
	}
	return false
}
