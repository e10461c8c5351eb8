package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

func newVersionCmd(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print djq's version, commit and build date",
		Long:    "Print djq's version, the commit it was built from and the build date.\nRelease builds carry all three; `go install` builds show the module version.",
		Example: "  djq version",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return writeOut(f, fmt.Sprintln(f.Build.String()))
		},
	}
}
