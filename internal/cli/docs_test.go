package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/iostreams"
)

// TestCompletionCommand checks that `djq completion SHELL` prints the
// committed script.
func TestCompletionCommand(t *testing.T) {
	for shell, file := range map[string]string{"bash": "djq.bash", "zsh": "_djq", "fish": "djq.fish", "powershell": "djq.ps1"} {
		code, stdout, stderr := run(t, runOpts{}, "completion", shell)
		if code != 0 {
			t.Fatalf("completion %s: exit %d %s", shell, code, stderr)
		}
		want, _ := os.ReadFile(filepath.Join("..", "..", "completions", file))
		if stdout != string(want) {
			t.Errorf("djq completion %s differs from completions/%s", shell, file)
		}
	}
}

// TestHelpIsComplete checks every command has Short, Long and Examples,
// and that every example runs as written (those with pipes or redirects
// are run up to the first | or >).
func TestHelpIsComplete(t *testing.T) {
	// Examples create files (djq decks new ./interview): run them in a
	// scratch folder, parents before children, in the order written.
	t.Chdir(t.TempDir())
	env := map[string]string{"DJQ_STATE_DIR": t.TempDir(), "DJQ_CACHE_DIR": t.TempDir(),
		"DJQ_DATA_DIR": t.TempDir(), "DJQ_CONFIG_DIR": t.TempDir()}
	ios, _, _, _ := iostreams.Test()
	root := NewRootCmd(NewFactory(ios))
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		defer func() {
			for _, sub := range c.Commands() {
				walk(sub)
			}
		}()
		if c.Hidden || c.Name() == "help" || c.Name() == "completion" || c.HasParent() && c.Parent().Name() == "completion" {
			return
		}
		if c.Short == "" || c.Long == "" || c.Example == "" {
			t.Errorf("%s lacks Short, Long or Example", c.CommandPath())
		}
		for _, line := range strings.Split(c.Example, "\n") {
			line = strings.TrimSpace(line)
			if !strings.HasPrefix(line, "djq") {
				continue
			}
			if strings.HasPrefix(line, "djq browse") {
				continue // needs a real terminal: cmd/djq's tmux test runs it
			}
			if i := strings.IndexAny(line, "|>"); i >= 0 {
				line = strings.TrimSpace(line[:i])
			}
			args := splitArgs(line)[1:]
			t.Run(line, func(t *testing.T) {
				// A person at a terminal who presses q at once.
				ios, in, _, errOut := iostreams.Test()
				in.WriteString("q\n")
				ios.SetStdinTTY(true)
				ios.SetEnv(env)
				if code := Run(context.Background(), ios, args); code != 0 {
					t.Errorf("example %q exits %d: %s", line, code, errOut.String())
				}
			})
		}
	}
	walk(root)
}

// splitArgs splits an example line like a shell would, for double quotes.
func splitArgs(s string) []string {
	var out []string
	var cur strings.Builder
	inQuote, has := false, false
	for _, r := range s {
		switch {
		case r == '"':
			inQuote = !inQuote
			has = true
		case r == ' ' && !inQuote:
			if has {
				out = append(out, cur.String())
				cur.Reset()
				has = false
			}
		default:
			cur.WriteRune(r)
			has = true
		}
	}
	if has {
		out = append(out, cur.String())
	}
	return out
}
