package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/iostreams"
	"github.com/djq-cli/djq/internal/library"
	"github.com/djq-cli/djq/internal/state"
)

// runIn runs djq with stdin and an environment.
func runIn(t *testing.T, env map[string]string, stdin string, args ...string) (int, string, string) {
	t.Helper()
	ios, in, out, errOut := iostreams.Test()
	in.WriteString(stdin)
	ios.SetEnv(env)
	code := Run(context.Background(), ios, args)
	return code, out.String(), errOut.String()
}

// jsonDecks is the set of "deck" values in a JSON array of questions or
// hits.
func jsonDecks(t *testing.T, out string) []string {
	t.Helper()
	var items []struct{ Deck string }
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, out)
	}
	var decks []string
	for _, it := range items {
		if !slices.Contains(decks, it.Deck) {
			decks = append(decks, it.Deck)
		}
	}
	return decks
}

// TestDeckFlagCommands holds the root help's claim about --deck to what
// the commands do: every command it names keeps to the decks --deck names
// (stats used to count every deck; quiz, export, tags and browse were not
// named), and every other command is in the table with what it does with
// the flag, so a new command has to decide.
func TestDeckFlagCommands(t *testing.T) {
	env, _, _ := decksFixture(t)
	env["DJQ_STATE_DIR"] = t.TempDir()
	empty := filepath.Join(t.TempDir(), "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	env["DJQ_DECKS"] += string(os.PathListSeparator) + empty
	onlyInterview := func(t *testing.T, _ int, out, _ string) {
		if d := jsonDecks(t, out); !slices.Equal(d, []string{"interview"}) {
			t.Errorf("decks in the output: %v, want only interview", d)
		}
	}
	builtin := func(want string) func(*testing.T, int, string, string) {
		return func(t *testing.T, code int, out, errOut string) {
			if code != 0 || !strings.Contains(out, want) {
				t.Errorf("exit %d, output lacks %q: %s %s", code, want, out, errOut)
			}
		}
	}
	tests := []deckFlagCase{
		{"list", true, []string{"list", "--format", "json", "--deck", "interview"}, "", onlyInterview},
		{"random", true, []string{"random", "--format", "json", "--count", "5", "--seed", "1", "--deck", "interview"}, "", onlyInterview},
		{"search", true, []string{"search", "celery", "--format", "json", "--deck", "interview"}, "", onlyInterview},
		{"export", true, []string{"export", "--format", "json", "--deck", "interview"}, "", onlyInterview},
		{"tags", true, []string{"tags", "--format", "json", "--deck", "interview"}, "", func(t *testing.T, _ int, out, _ string) {
			if !strings.Contains(out, `"custom"`) || strings.Contains(out, `"django"`) {
				t.Errorf("tags of another deck:\n%s", out)
			}
		}},
		{"stats", true, []string{"stats", "--format", "json", "--deck", "interview"}, "", func(t *testing.T, _ int, out, _ string) {
			var s state.Stats
			if err := json.Unmarshal([]byte(out), &s); err != nil {
				t.Fatal(err)
			}
			if len(s.Decks) != 1 || s.Total.New != 2 {
				t.Errorf("stats count other decks: %+v", s)
			}
		}},
		{"quiz", true, []string{"quiz", "--plain", "--count", "2", "--seed", "1", "--deck", "interview"}, "good\ngood\n", func(t *testing.T, code int, _, errOut string) {
			st, err := state.Open(env["DJQ_STATE_DIR"]).Load()
			if code != 0 || err != nil || len(st.Cards) != 2 {
				t.Fatalf("exit %d, %v, %d cards: %s", code, err, len(st.Cards), errOut)
			}
			for k := range st.Cards {
				if !strings.HasPrefix(k, "interview:") {
					t.Errorf("quiz asked card %s", k)
				}
			}
		}},
		// browse selects before it looks for a terminal: an empty deck
		// finds nothing, where all decks would go on to want a terminal.
		{"browse", true, []string{"browse", "--deck", "empty"}, "", func(t *testing.T, code int, _, errOut string) {
			if code != 1 || !strings.Contains(errOut, "no questions match --deck empty") {
				t.Errorf("exit %d: %s", code, errOut)
			}
		}},
		{"show", false, []string{"show", "35", "--deck", "interview"}, "", builtin("select_related")},
		{"open", false, []string{"open", "35", "--print", "--deck", "interview"}, "", builtin("#select-related")},
		{"decks", false, []string{"decks", "--deck", "interview"}, "", builtin("django")},
		{"decks check", false, []string{"decks", "check", "django", "--deck", "interview"}, "", builtin("django (built in)")},
		{"decks new", false, nil, "", nil},
		{"decks add", false, nil, "", nil},
		{"decks remove", false, nil, "", nil},
		{"paths", false, []string{"paths", "--deck", "interview"}, "", builtin("cache")},
		{"version", false, []string{"version", "--deck", "interview"}, "", builtin("djq")},
		{"completion", false, []string{"completion", "bash", "--deck", "interview"}, "", builtin("bash")},
		{"help", false, []string{"help", "--deck", "interview"}, "", builtin("--deck")},
	}
	var all []string
	var walk func(prefix string, cmds []*cobra.Command)
	walk = func(prefix string, cmds []*cobra.Command) {
		for _, c := range cmds {
			if c.Hidden || strings.HasPrefix(prefix, "completion") || !c.Runnable() && !c.HasSubCommands() {
				continue // help topics (djq help environment) run nothing
			}
			all = append(all, prefix+c.Name())
			walk(prefix+c.Name()+" ", c.Commands())
		}
	}
	root := NewRootCmd(NewFactory(iostreams.System()))
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	walk("", root.Commands())
	for _, c := range all {
		if !slices.ContainsFunc(tests, func(tt deckFlagCase) bool { return tt.command == c }) {
			t.Errorf("command %q is not in the table: does it keep to --deck?", c)
		}
	}
	usage := root.PersistentFlags().Lookup("deck").Usage
	_, named, _ := strings.Cut(usage, "; ")
	named, _, _ = strings.Cut(named, " keep to these decks")
	for _, tt := range tests {
		t.Run(tt.command, func(t *testing.T) {
			if in := slices.Contains(strings.Split(strings.Replace(named, " and ", ", ", 1), ", "), tt.command); in != tt.honours || slices.Contains(library.DeckCommands, tt.command) != tt.honours {
				t.Errorf("--deck's help (%q) names %s: %v, want %v", usage, tt.command, in, tt.honours)
			}
			if tt.args == nil {
				return
			}
			code, stdout, stderr := runIn(t, env, tt.stdin, tt.args...)
			tt.check(t, code, stdout, stderr)
		})
	}
}

// deckFlagCase is one command of TestDeckFlagCommands: whether it keeps
// to --deck, and a run that shows what it does with --deck interview.
type deckFlagCase struct {
	command string
	honours bool
	args    []string // with --deck; nil: not run (it writes files, or takes a deck only as its argument)
	stdin   string
	check   func(t *testing.T, code int, stdout, stderr string)
}
