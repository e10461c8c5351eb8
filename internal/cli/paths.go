package cli

import (
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
	folders := render.Folders{Rows: rows, Registry: decks.RegistryFile}
	for _, src := range sources {
		if src.Env != "" {
			folders.EnvDecks = strings.Join(src.Folders, string(os.PathListSeparator))
		} else {
			folders.Added, folders.Registry = src.Folders, src.File
		}
	}
	return writeWith(opts.Common, func(w io.Writer) error { return render.Paths(w, opts.Policy, folders) })
}
