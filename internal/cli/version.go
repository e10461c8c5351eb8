package cli

import (
	"io"

	"github.com/spf13/cobra"

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
		Args:    noArgs,
	}
	return command(f, g, &opts.Common, cmd, func(*cobra.Command, []string) error {
		return writeWith(f, opts.Common, func(w io.Writer) error { return render.Version(w, opts.Policy, f.Build) })
	})
}
