package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/cmdutil"
	"github.com/djq-cli/djq/internal/export"
	"github.com/djq-cli/djq/internal/sanitize"
)

// ExportOptions is what `djq export` was asked to do.
type ExportOptions struct {
	Common
	Format string
	Output string
	Filter filterFlags
	Lib    func() selector
}

func newExportCmd(f *Factory, g *globals, runF func(*ExportOptions) error) *cobra.Command {
	opts := &ExportOptions{}
	opts.Lib = func() selector { return f.Library(opts.Common) }
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Export questions as a Markdown document, an Anki deck or JSON",
		Long: `Export questions with their answers for other tools.

  markdown  one document for notes (GitHub, Obsidian): contents, then every
            question with its answer, docs links and "See also" links
  anki      a tab-separated file Anki (2.1.54+) imports as Basic notes with
            File > Import, no options to change; re-importing an updated
            export updates the notes instead of duplicating them
  json      every field of every question, as djq show --format json

Output goes to stdout, or with -o to a file, written atomically (a
temporary file renamed into place; an existing file keeps its mode, a
link is written through, a device or named pipe is written to directly).
Filter with --level, --tag and --deck.`,
		Example: `  djq export --format anki -o django.txt
  djq export --level advanced > advanced.md
  djq export --format json --tag orm`,
		Args: cmdutil.NoArgs,
	}
	command(f, g, &opts.Common, cmd, func(*cobra.Command, []string) error { return runWith(runF, exportRun, opts) })
	addFilterFlags(cmd, f, &opts.Filter)
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "markdown", "export format: "+strings.Join(export.Formats, ", "))
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to this file (atomically) instead of stdout")
	cmdutil.EnumCompletion(cmd, "format", export.Formats)
	return cmd
}

func exportRun(opts *ExportOptions) error {
	format, err := export.ParseFormat(opts.Format)
	if err != nil {
		return err
	}
	sel, err := opts.Lib().Select(opts.Filter.Level, opts.Filter.Tag)
	if err != nil {
		return err
	}
	write := func(w io.Writer) error {
		return export.Write(w, format, sel.Questions, sel.Filter.Level, sel.Bank.Lookup)
	}
	if opts.Output == "" || opts.Output == "-" {
		return writeWith(opts.Common, export.AfterText(opts.Policy.Lead, format, write))
	}
	if err := export.ToFile(opts.Output, write); err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "djq: wrote %d questions to %s\n", len(sel.Questions), sanitize.Name(opts.Output))
	return nil
}
