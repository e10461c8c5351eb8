package cli

import (
	"context"
	"errors"
	"os"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/muesli/termenv"
	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/browse"
	"github.com/djq-cli/djq/internal/exitcode"
	"github.com/djq-cli/djq/internal/opener"
	"github.com/djq-cli/djq/internal/render"
	"github.com/djq-cli/djq/internal/search"
)

// BrowseOptions is what `djq browse` was asked to do.
type BrowseOptions struct {
	Common
	Filter filterFlags
	Query  string
}

func newBrowseCmd(f *Factory, g *globals) *cobra.Command {
	opts := &BrowseOptions{}
	cmd := &cobra.Command{
		Use:   "browse",
		Short: "Browse questions interactively, with live search and a rendered preview",
		Long: `Browse questions in a full-screen terminal view: the list on the left, the
rendered answer on the right (below it on terminals narrower than 100
columns). Type / to search live, Tab to cycle the level, Enter to read an
answer full screen, r for a random question, o to open its first docs
link in the browser, ? for help, q to quit. --query starts with a search.

p quits and prints the selected answer as Markdown on stdout. Like fzf,
browse draws on the terminal itself (/dev/tty) even when stdout is
redirected, so djq browse >> notes.md picks an answer into your notes.`,
		Example: `  djq browse
  djq browse --level advanced
  djq browse --query "how do I cache a view"
  djq browse >> notes.md`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			if opts.Common, err = g.resolve(f, cmd); err != nil {
				return err
			}
			return browseRun(cmd.Context(), f, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Filter.Level, "level", "l", "", "start with this level: "+strings.Join(bank.LevelNames(), ", "))
	cmd.Flags().StringVarP(&opts.Query, "query", "q", "", "start with this search, as typed after /")
	registerEnumCompletion(cmd, "level", bank.LevelNames())
	return cmd
}

// openTTY opens the controlling terminal; replaced in tests.
var openTTY = func() (*os.File, error) { return os.OpenFile("/dev/tty", os.O_RDWR, 0) }

func browseRun(ctx context.Context, f *Factory, opts *BrowseOptions) error {
	level := opts.Filter.Level
	opts.Filter.Level = "" // the level is where browse starts, not a filter
	sel, err := selectQuestions(f, opts.Common, opts.Filter)
	if err != nil {
		return err
	}
	start, err := bank.NewFilter(level, "", nil, nil)
	if err != nil {
		return err
	}
	tty, err := openTTY()
	if err != nil {
		return exitcode.Usagef("browse needs a terminal (%v); use djq list, djq show or djq search instead", unwrapPath(err))
	}
	defer tty.Close()
	cfg := browseConfig(ctx, f, opts.Common, sel.questions, start.Level)
	cfg.Query = opts.Query
	cfg.Open = opener.New(f.IO.Getenv).Open
	m := browse.New(cfg)
	p := tea.NewProgram(m, tea.WithInput(tty), tea.WithOutput(tty), tea.WithEnvironment(teaEnv(f)))
	if _, err := p.Run(); err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		return err
	}
	if q := m.Picked(); q != nil {
		return writeOut(f, opts.Common, render.Markdown(q, sel.bank.Lookup))
	}
	return nil
}

// teaEnv passes the terminal variables Bubble Tea reads (browse, and
// quiz's reader for tall answers).
func teaEnv(f *Factory) []string {
	var env []string
	for _, k := range []string{"TERM", "NO_COLOR", "CLICOLOR_FORCE", "COLORTERM", "TERM_PROGRAM"} {
		if v := f.IO.Getenv(k); v != "" {
			env = append(env, k+"="+v)
		}
	}
	return env
}

// browseConfig wires browse to search and rendering. Browse draws on the
// terminal even when stdout is redirected, so its colour is decided from
// the terminal, not from stdout.
func browseConfig(ctx context.Context, f *Factory, c Common, qs []*bank.Question, level bank.Level) browse.Config {
	p := c.Policy
	p.Format = render.FormatPretty
	p.Color = c.Policy.Color || (!f.IO.IsStdoutTTY() && f.IO.Getenv("NO_COLOR") == "" && f.IO.Getenv("TERM") != "dumb")
	if p.Color {
		p.Profile = termenv.ANSI256
		if p.Style == "" || p.Style == "auto" || p.Style == "notty" {
			p.Style = "dark"
		}
	} else {
		p.Profile, p.Style = termenv.Ascii, "notty"
	}
	names := f.Library(c).Selected()
	return browse.Config{
		Questions: qs,
		Level:     level,
		Seed:      uint64(f.Now().UnixNano()),
		Search: func(query string, lvl bank.Level) ([]string, error) {
			ix, err := f.Library(c).Index(false)
			if err != nil {
				return nil, err
			}
			res, err := ix.Search(ctx, search.Request{Query: query, Filter: bank.Filter{Decks: names, Level: lvl}, Limit: 1000})
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
