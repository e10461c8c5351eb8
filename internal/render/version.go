package render

import (
	"fmt"
	"io"

	"github.com/djq-cli/djq/internal/buildinfo"
	"github.com/djq-cli/djq/internal/output"
)

// Version writes djq's version line, or the build information as a JSON
// object when the policy says so: like every other output, the choice
// between text and JSON is the policy's, made here.
func Version(w io.Writer, p Policy, info buildinfo.Info) error {
	if p.Format == FormatJSON {
		return output.WriteJSON(w, info)
	}
	_, err := fmt.Fprintln(w, info.String())
	return err
}
