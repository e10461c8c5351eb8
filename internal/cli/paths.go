package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/render"
	"github.com/djq-cli/djq/internal/state"
)

func newPathsCmd(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "paths",
		Short: "Print where djq keeps its cache, quiz progress, configuration and decks",
		Long: `Print the folders djq uses and whether each exists:

  cache    the search index cache (safe to delete at any time)
  state    quiz progress (state.json, with state.json.bak beside it)
  config   configuration
  decks    your own decks, one folder each

Each can be moved with an environment variable: DJQ_CACHE_DIR,
DJQ_STATE_DIR, DJQ_CONFIG_DIR and DJQ_DATA_DIR (decks live in its decks/),
else the XDG variables, else the usual folders of the OS.`,
		Example: `  djq paths
  djq paths --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return pathsRun(f) },
	}
}

type pathInfo struct {
	Name   string `json:"name"`
	Path   string `json:"path"`
	Exists bool   `json:"exists"`
	Env    string `json:"env"`
}

func pathsRun(f *Factory) error {
	p := f.Paths()
	decks := ""
	if p.Data != "" {
		decks = filepath.Join(p.Data, "decks")
	}
	stateFile := ""
	if p.State != "" {
		stateFile = filepath.Join(p.State, state.FileName)
	}
	rows := []pathInfo{
		{Name: "cache", Path: p.Cache, Env: "DJQ_CACHE_DIR"},
		{Name: "state", Path: stateFile, Env: "DJQ_STATE_DIR"},
		{Name: "config", Path: p.Config, Env: "DJQ_CONFIG_DIR"},
		{Name: "decks", Path: decks, Env: "DJQ_DATA_DIR"},
	}
	for i := range rows {
		if rows[i].Path != "" {
			_, err := os.Stat(rows[i].Path)
			rows[i].Exists = err == nil
		}
	}
	if f.Policy.Format == render.FormatJSON {
		return writeJSONOut(f, rows)
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
	return writeOut(f, out.String())
}
