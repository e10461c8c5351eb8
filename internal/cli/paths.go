package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/decks"
	"github.com/djq-cli/djq/internal/output"
	"github.com/djq-cli/djq/internal/render"
	"github.com/djq-cli/djq/internal/state"
)

// PathsOptions is what `djq paths` was asked to do.
type PathsOptions struct {
	Common
}

func newPathsCmd(f *Factory, g *globals) *cobra.Command {
	opts := &PathsOptions{}
	return &cobra.Command{
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
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			if opts.Common, err = g.resolve(f, cmd); err != nil {
				return err
			}
			return pathsRun(f, opts)
		},
	}
}

func pathsRun(f *Factory, opts *PathsOptions) error {
	p := f.Paths()
	join := func(dir, name string) string {
		if dir == "" {
			return ""
		}
		return filepath.Join(dir, name)
	}
	rows := []output.Path{
		{Name: "cache", Path: p.Cache, Env: "DJQ_CACHE_DIR"},
		{Name: "state", Path: join(p.State, state.FileName), Env: "DJQ_STATE_DIR"},
		{Name: "config", Path: p.Config, Env: "DJQ_CONFIG_DIR"},
		{Name: "decks", Path: join(p.Data, "decks"), Env: "DJQ_DATA_DIR"},
	}
	for i := range rows {
		if rows[i].Path != "" {
			_, err := os.Stat(rows[i].Path)
			rows[i].Exists = err == nil
		}
	}
	var extra []string
	if env := f.IO.Getenv("DJQ_DECKS"); env != "" {
		extra = append(extra, fmt.Sprintf("%-7s %s  (DJQ_DECKS)", "decks", env))
	}
	if reg, err := f.Library(Common{}).Registry(); err == nil && len(reg.Folders) > 0 {
		extra = append(extra, fmt.Sprintf("%-7s %s  (added in %s)", "decks", strings.Join(reg.Folders, string(os.PathListSeparator)), decks.RegistryFile))
	}
	var out strings.Builder
	if err := render.Paths(&out, opts.Policy, rows, extra); err != nil {
		return err
	}
	return writeOut(f, opts.Common, out.String())
}
