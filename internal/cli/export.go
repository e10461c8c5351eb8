package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/atomicfile"
	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/export"
)

// ExportOptions is what `djq export` was asked to do.
type ExportOptions struct {
	Format string
	Output string
	Filter filterFlags
}

func newExportCmd(f *Factory) *cobra.Command {
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
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return exportRun(f, opts) },
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
		return usagef("unknown export format %q: valid formats are %s", opts.Format, strings.Join(export.Formats, ", "))
	}
	b, flt, qs, err := f.selectQuestions(&opts.Filter)
	if err != nil {
		return err
	}
	var out strings.Builder
	switch format {
	case "markdown":
		title := "Django interview questions"
		if names := decksOf(qs); len(names) == 1 && names[0] != bank.DefaultDeck {
			title = names[0] + " interview questions"
		}
		if opts.Filter.Level != "" {
			title += " (" + string(flt.Level) + ")"
		}
		lookup := b.Lookup
		err = export.Markdown(&out, title, qs, lookup)
	case "anki":
		var notes []export.AnkiNote
		if notes, err = export.Notes(qs); err == nil {
			err = export.Anki(&out, notes)
		}
	case "json":
		err = export.JSON(&out, qs)
	}
	if err != nil {
		return err
	}
	if opts.Output == "" || opts.Output == "-" {
		return writeOut(f, out.String())
	}
	if err := atomicfile.WriteFile(opts.Output, []byte(out.String()), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", opts.Output, unwrapPath(err))
	}
	fmt.Fprintf(f.IO.ErrOut, "djq: wrote %d questions to %s\n", len(qs), opts.Output)
	return nil
}

func decksOf(qs []*bank.Question) []string {
	var names []string
	for _, q := range qs {
		if !slices.Contains(names, q.Deck) {
			names = append(names, q.Deck)
		}
	}
	return names
}
