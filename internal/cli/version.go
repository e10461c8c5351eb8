package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/cmdutil"
	"github.com/djq-cli/djq/internal/render"
)

// VersionOptions is what `djq version` was asked to do.
type VersionOptions struct {
	Common
}

func newVersionCmd(f *Factory, g *globals) *cobra.Command {
	opts := &VersionOptions{}
	cmd := &cobra.Command{
		Use:     "version",
		Short:   "Print djq's version, commit and build date",
		Long:    "Print djq's version, the commit it was built from and the build date.\nRelease builds carry all three; `go install` builds show the module version.\n--format json prints them as an object.",
		Example: "  djq version\n  djq version --format json",
		Args:    cmdutil.NoArgs,
	}
	return command(f, g, &opts.Common, cmd, func(*cobra.Command, []string) error {
		if opts.Policy.Format == render.FormatJSON {
			return writeJSONOut(f, opts.Common, f.Build)
		}
		return writeOut(f, opts.Common, fmt.Sprintln(f.Build.String()))
	})
}
