package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/decks"
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

// pathRow is one line of `djq paths`.
type pathRow struct {
	Name   string `json:"name"`
	Path   string `json:"path"`
	Exists bool   `json:"exists"`
	Env    string `json:"env"`
}

func pathsRun(f *Factory, opts *PathsOptions) error {
	p := f.Paths()
	join := func(dir, name string) string {
		if dir == "" {
			return ""
		}
		return filepath.Join(dir, name)
	}
	rows := []pathRow{
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
	if opts.Policy.Format == render.FormatJSON {
		return writeJSONOut(f, opts.Common, rows)
	}
	var out strings.Builder
	for _, r := range rows {
		path, note := r.Path, ""
		switch {
		case path == "":
			path, note = "(none)", "  set "+r.Env+" or HOME"
		case !r.Exists:
			note = "  (not created yet)"
		}
		fmt.Fprintf(&out, "%-7s %s%s\n", r.Name, path, note)
	}
	if env := f.IO.Getenv("DJQ_DECKS"); env != "" {
		fmt.Fprintf(&out, "%-7s %s  (DJQ_DECKS)\n", "decks", env)
	}
	if reg, err := f.Library(Common{}).Registry(); err == nil && len(reg.Folders) > 0 {
		fmt.Fprintf(&out, "%-7s %s  (added in %s)\n", "decks", strings.Join(reg.Folders, string(os.PathListSeparator)), decks.RegistryFile)
	}
	return writeOut(f, opts.Common, out.String())
}
