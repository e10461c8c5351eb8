package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/atomicfile"
	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/exitcode"
	"github.com/djq-cli/djq/internal/export"
)

// ExportOptions is what `djq export` was asked to do.
type ExportOptions struct {
	Common
	Format string
	Output string
	Filter filterFlags
}

func newExportCmd(f *Factory, g *globals) *cobra.Command {
	opts := &ExportOptions{}
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
temporary file renamed into place). Filter with --level, --tag and --deck.`,
		Example: `  djq export --format anki -o django.txt
  djq export --level advanced > advanced.md
  djq export --format json --tag orm`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			if opts.Common, err = g.resolve(f, cmd); err != nil {
				return err
			}
			return exportRun(f, opts)
		},
	}
	addFilterFlags(cmd, f, &opts.Filter)
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "markdown", "export format: "+strings.Join(export.Formats, ", "))
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to this file (atomically) instead of stdout")
	registerEnumCompletion(cmd, "format", export.Formats)
	return cmd
}

func exportRun(f *Factory, opts *ExportOptions) error {
	format := strings.ToLower(strings.TrimSpace(opts.Format))
	if !slices.Contains(export.Formats, format) {
		return exitcode.Usagef("unknown export format %q: valid formats are %s", opts.Format, strings.Join(export.Formats, ", "))
	}
	sel, err := selectQuestions(f, opts.Common, opts.Filter)
	if err != nil {
		return err
	}
	var out strings.Builder
	switch format {
	case "markdown":
		err = export.Markdown(&out, exportTitle(sel), sel.questions, sel.bank.Lookup)
	case "anki":
		var notes []export.AnkiNote
		if notes, err = export.Notes(sel.questions); err == nil {
			err = export.Anki(&out, notes)
		}
	case "json":
		err = export.JSON(&out, sel.questions)
	}
	if err != nil {
		return err
	}
	if opts.Output == "" || opts.Output == "-" {
		return writeOut(f, opts.Common, out.String())
	}
	if err := atomicfile.WriteFile(opts.Output, []byte(out.String()), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", opts.Output, unwrapPath(err))
	}
	fmt.Fprintf(f.IO.ErrOut, "djq: wrote %d questions to %s\n", len(sel.questions), opts.Output)
	return nil
}

// exportTitle names the document after its deck and level.
func exportTitle(sel selection) string {
	title := "Django interview questions"
	var decks []string
	for _, q := range sel.questions {
		if !slices.Contains(decks, q.Deck) {
			decks = append(decks, q.Deck)
		}
	}
	if len(decks) == 1 && decks[0] != bank.DefaultDeck {
		title = decks[0] + " interview questions"
	}
	if sel.filter.Level != "" {
		title += " (" + string(sel.filter.Level) + ")"
	}
	return title
}
