package cli

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/buildinfo"
	"github.com/djq-cli/djq/internal/cmdutil"
	"github.com/djq-cli/djq/internal/render"
)

// VersionOptions is what `djq version` was asked to do.
type VersionOptions struct {
	Common
	Build buildinfo.Info
}

func newVersionCmd(f *Factory, g *globals, runF func(*VersionOptions) error) *cobra.Command {
	opts := &VersionOptions{Build: f.Build}
	cmd := &cobra.Command{
		Use:     "version",
		Short:   "Print djq's version, commit and build date",
		Long:    "Print djq's version, the commit it was built from and the build date.\nRelease builds carry all three; `go install` builds show the module version.\n--format json prints them as an object.",
		Example: "  djq version\n  djq version --format json",
		Args:    cmdutil.NoArgs,
	}
	return command(f, g, &opts.Common, cmd, func(*cobra.Command, []string) error { return runWith(runF, versionRun, opts) })
}

func versionRun(opts *VersionOptions) error {
	return writeWith(opts.Common, func(w io.Writer) error { return render.Version(w, opts.Policy, opts.Build) })
}
