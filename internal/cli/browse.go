package cli

import (
	"errors"
	"os"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/muesli/termenv"
	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/browse"
	"github.com/djq-cli/djq/internal/render"
	"github.com/djq-cli/djq/internal/search"
)

func newBrowseCmd(f *Factory) *cobra.Command {
	var ff filterFlags
	cmd := &cobra.Command{
		Use:   "browse",
		Short: "Browse questions interactively, with live search and a rendered preview",
		Long: `Browse questions in a full-screen terminal view: the list on the left, the
rendered answer on the right (below it on terminals narrower than 100
columns). Type / to search live, Tab to cycle the level, Enter to read an
answer full screen, r for a random question, o for its docs links, ? for
help, q to quit.

p quits and prints the selected answer as Markdown on stdout. Like fzf,
browse draws on the terminal itself (/dev/tty) even when stdout is
redirected, so djq browse >> notes.md picks an answer into your notes.`,
		Example: `  djq browse
  djq browse --level advanced
  djq browse >> notes.md`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return browseRun(f, ff) },
	}
	cmd.Flags().StringVarP(&ff.Level, "level", "l", "", "start with this level: "+strings.Join(bank.LevelNames(), ", "))
	registerEnumCompletion(cmd, "level", bank.LevelNames())
	return cmd
}

// openTTY opens the controlling terminal; var for tests.
var openTTY = func() (*os.File, error) { return os.OpenFile("/dev/tty", os.O_RDWR, 0) }

func browseRun(f *Factory, ff filterFlags) error {
	b, err := f.Bank()
	if err != nil {
		return err
	}
	ff.Decks = f.DeckRestriction()
	flt, err := ff.resolve(b)
	if err != nil {
		return err
	}
	level := flt.Level
	flt.Level = ""
	qs := b.Select(flt)
	if len(qs) == 0 {
		return ff.noMatch()
	}
	tty, err := openTTY()
	if err != nil {
		return usagef("browse needs a terminal (%v); use djq list, djq show or djq search instead", unwrapPath(err))
	}
	defer tty.Close()
	cfg := browseConfig(f, qs, flt.Decks, level)
	m := browse.New(cfg)
	p := tea.NewProgram(m, tea.WithInput(tty), tea.WithOutput(tty), tea.WithEnvironment(browseEnv(f)))
	if _, err := p.Run(); err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		return err
	}
	if q := m.Picked(); q != nil {
		return writeOut(f, render.Markdown(q, b.Lookup)+"\n")
	}
	return nil
}

// browseEnv is the environment bubbletea sees, the streams' (so NO_COLOR
// and TERM from tests and users apply to the list's colours too).
func browseEnv(f *Factory) []string {
	var env []string
	for _, k := range []string{"TERM", "NO_COLOR", "CLICOLOR_FORCE", "COLORTERM", "TERM_PROGRAM"} {
		if v := f.IO.Getenv(k); v != "" {
			env = append(env, k+"="+v)
		}
	}
	return env
}

// browseConfig wires the browser to the search index and the renderer.
// The preview is drawn on the terminal, so its colours follow the terminal
// (and NO_COLOR / --color), not stdout, which may be a file.
func browseConfig(f *Factory, qs []*bank.Question, decks []string, level bank.Level) browse.Config {
	p := f.Policy
	p.Format = render.FormatPretty
	colour := f.Policy.Color || (!f.IO.IsStdoutTTY() && f.IO.Getenv("NO_COLOR") == "" && f.IO.Getenv("TERM") != "dumb")
	p.Color = colour
	if colour {
		p.Profile = termenv.ANSI256
		if p.Style == "" || p.Style == "auto" || p.Style == "notty" {
			p.Style = "dark"
		}
	} else {
		p.Profile = termenv.Ascii
		p.Style = "notty"
	}
	return browse.Config{
		Questions: qs,
		Level:     level,
		Seed:      uint64(f.Now().UnixNano()),
		Search: func(query string, lvl bank.Level) ([]string, error) {
			ix, err := f.Index()
			if err != nil {
				return nil, err
			}
			res, err := ix.Search(f.Context(), search.Request{Query: query, Filter: bank.Filter{Decks: decks, Level: lvl}, Limit: 1000})
			if err != nil {
				return nil, err
			}
			refs := make([]string, len(res.Hits))
			for i, h := range res.Hits {
				refs[i] = h.Ref
			}
			return refs, nil
		},
		Render: func(q *bank.Question, width int) string {
			pp := p
			pp.Width = max(width-4, render.MinWidth)
			var out strings.Builder
			if err := render.Questions(&out, pp, []*bank.Question{q}, nil); err != nil {
				return render.Markdown(q, nil)
			}
			return out.String()
		},
	}
}
