package cli

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/decks"
	"github.com/djq-cli/djq/internal/render"
)

// PathsOptions is what `djq paths` was asked to do.
type PathsOptions struct {
	Common
}

func newPathsCmd(f *Factory, g *globals) *cobra.Command {
	opts := &PathsOptions{}
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
		Args: noArgs,
	}
	return command(f, g, &opts.Common, cmd, func(*cobra.Command, []string) error {
		lib := f.Library(Common{})
		folders := render.Folders{EnvDecks: f.IO.Getenv("DJQ_DECKS"), Registry: decks.RegistryFile}
		folders.Rows, _ = lib.Folders()
		if reg, err := lib.Registry(); err == nil {
			folders.Added = reg.Folders
		}
		return writeWith(f, opts.Common, func(w io.Writer) error { return render.Paths(w, opts.Policy, folders) })
	})
}
