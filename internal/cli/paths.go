package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/cmdutil"
	"github.com/djq-cli/djq/internal/decks"
	"github.com/djq-cli/djq/internal/output"
	"github.com/djq-cli/djq/internal/render"
	"github.com/djq-cli/djq/internal/state"
)

// PathsOptions is what `djq paths` was asked to do.
type PathsOptions struct {
	Common
	// Folders lists djq's folders and the deck folders given elsewhere.
	Folders func(stateFile string) ([]output.Path, []decks.FolderSource)
}

func newPathsCmd(f *Factory, g *globals, runF func(*PathsOptions) error) *cobra.Command {
	opts := &PathsOptions{}
	opts.Folders = func(sf string) ([]output.Path, []decks.FolderSource) { return f.Decks().Folders(sf) }
	cmd := &cobra.Command{
		Use:   "paths",
		Short: "Print where djq keeps its cache, quiz progress, configuration and decks",
		Long: `Print the folders djq uses and whether each exists:

  cache    the search index cache (safe to delete at any time)
  state    quiz progress (state.json, with state.json.bak beside it)
  config   configuration (decks.txt lists the folders added with djq decks add)
  decks    your own decks, one folder each

Each can be moved with an environment variable: DJQ_CACHE_DIR,
DJQ_STATE_DIR, DJQ_CONFIG_DIR and DJQ_DATA_DIR (decks live in its decks/),
else the XDG variables, else the usual folders of the OS.`,
		Example: `  djq paths
  djq paths --format json`,
		Args: cmdutil.NoArgs,
	}
	return command(f, g, &opts.Common, cmd, func(*cobra.Command, []string) error { return runWith(runF, pathsRun, opts) })
}

func pathsRun(opts *PathsOptions) error {
	rows, sources := opts.Folders(state.FileName)
	return writeWith(opts.Common, func(w io.Writer) error { return render.Paths(w, opts.Policy, rows, sourceLines(sources)) })
}

// sourceLines is the deck-folder lines of djq paths in the form render.Paths
// takes today; it goes when render draws decks.FolderSource rows itself
// (the render side of this refactor, part A).
func sourceLines(sources []decks.FolderSource) (lines []string) {
	for _, s := range sources {
		from := "(" + s.Env + ")"
		if s.Env == "" {
			from = "(added in " + s.File + ")"
		}
		lines = append(lines, fmt.Sprintf("%-7s %s  %s", "decks", strings.Join(s.Folders, string(os.PathListSeparator)), from))
	}
	return lines
}
