package cli

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/cmdutil"
	"github.com/djq-cli/djq/internal/exitcode"
	"github.com/djq-cli/djq/internal/output"
	"github.com/djq-cli/djq/internal/render"
	"github.com/djq-cli/djq/internal/sanitize"
)

// DecksOptions is what `djq decks` and its subcommands were asked to do.
type DecksOptions struct {
	Common
	// Arg is the folder or name a subcommand works on.
	Arg string
}

// decksSub builds a decks subcommand with one argument.
func decksSub(f *Factory, g *globals, use, what, short, long, example string, run func(*Factory, *DecksOptions) error) *cobra.Command {
	opts := &DecksOptions{}
	cmd := &cobra.Command{Use: use, Short: short, Long: long, Example: "  " + example, Args: cmdutil.OneArg(what, example)}
	return command(f, g, &opts.Common, cmd, func(_ *cobra.Command, args []string) error {
		opts.Arg = args[0]
		return run(f, opts)
	})
}

func newDecksCmd(f *Factory, g *globals) *cobra.Command {
	opts := &DecksOptions{}
	cmd := &cobra.Command{
		Use:   "decks",
		Short: "List question decks, check one, start a new one, or add a folder",
		Long: `List the question decks djq knows: the built-in deck "django" and your own.

A deck is a folder of question files in the same format as the built-in
bank (YAML front matter, then the answer in Markdown). djq finds decks in
$XDG_DATA_HOME/djq/decks/<name>/ (see djq paths), in the folders added
with djq decks add, in every folder listed in $DJQ_DECKS, and in each
--deck FOLDER. The folder's name is the deck's name; its questions are
NAME:ID (djq show interview:12).`,
		Example: `  djq decks
  djq decks --format json
  djq decks new ./interview
  djq decks add ./interview
  djq decks check ./interview`,
		Args: cmdutil.NoArgs,
	}
	command(f, g, &opts.Common, cmd, func(*cobra.Command, []string) error { return decksListRun(f, opts) })
	cmd.AddCommand(
		decksSub(f, g, "check FOLDER|NAME", "one deck folder or name", "Check a deck's question files and report every problem",
			`Check every question file in a deck folder and print each problem as
FILE:LINE: MESSAGE: a missing or duplicate id, an unknown level, a related
id that does not exist, bad YAML, an empty answer. Exits 1 when there is
any problem, 0 when the deck is clean. A bare NAME is a deck djq knows.`, "djq decks check ./interview", decksCheckRun),
		decksSub(f, g, "new NAME|FOLDER", "one deck name or folder to create", "Start a new deck from a small example",
			`Create a deck with three example questions and a README that explains the
format. A bare NAME creates it in your decks folder (see djq paths), where
djq finds it at once; a FOLDER (with a slash, such as ./interview) creates
it there, and djq decks add FOLDER makes it known. The folder must not
exist or must be empty: djq never overwrites your files.`, "djq decks new mydeck", decksNewRun),
		decksSub(f, g, "add FOLDER", "one deck folder", "Make a deck folder known to djq permanently",
			`Record a deck folder in djq's configuration (decks.txt in the config
folder, see djq paths), so that every command finds it without --deck or
$DJQ_DECKS. The folder stays where it is.`, "djq decks add ./interview", decksAddRun),
		decksSub(f, g, "remove NAME", "the name of an added deck", "Forget a deck folder added with djq decks add",
			`Remove a deck from the list of added folders. Only the entry goes: the
folder and its questions are not touched.`, "djq decks remove interview", decksRemoveRun),
	)
	return cmd
}

func decksListRun(f *Factory, opts *DecksOptions) error {
	b, err := f.Library(opts.Common).Bank()
	if err != nil {
		return err
	}
	var rows []output.Deck
	for _, d := range b.Decks() {
		rows = append(rows, output.Deck{Name: d.Name, Path: d.Path, Questions: len(d.Questions)})
	}
	return writeWith(f, opts.Common, func(w io.Writer) error { return render.Decks(w, opts.Policy, rows) })
}

func decksCheckRun(f *Factory, opts *DecksOptions) error {
	dir, n, problems, err := f.Decks().Check(opts.Arg, opts.Decks, f.bar(opts.Common, "checking deck "+filepath.Base(filepath.Clean(opts.Arg))).Func())
	if err != nil {
		return err
	}
	if err := writeWith(f, opts.Common, func(w io.Writer) error { return render.DeckCheck(w, dir, n, problems) }); err != nil {
		return err
	}
	if len(problems) > 0 {
		fmt.Fprintf(f.IO.ErrOut, "djq: %d problem(s) in %s\n", len(problems), sanitize.Name(dir))
		return exitcode.Silent(exitcode.NotFound)
	}
	return nil
}

func decksNewRun(f *Factory, opts *DecksOptions) error {
	c, err := f.Decks().Create(opts.Arg)
	if err != nil {
		return err
	}
	hint := "djq list --deck " + c.Name
	if !c.InDecksFolder {
		hint = fmt.Sprintf("djq list --deck %s (or djq decks add %s to make it known for good)", c.Dir, c.Dir)
	}
	return writeOut(f, opts.Common, fmt.Sprintf("created deck %q in %s with %d example questions\ntry: %s\n", c.Name, sanitize.Name(c.Dir), c.Questions, hint))
}

func decksAddRun(f *Factory, opts *DecksOptions) error {
	name, abs, added, err := f.Decks().Add(opts.Arg)
	if err != nil {
		return err
	}
	if !added {
		return writeOut(f, opts.Common, fmt.Sprintf("deck folder %s is already added\n", sanitize.Name(opts.Arg)))
	}
	return writeOut(f, opts.Common, fmt.Sprintf("added deck %q (%s); try: djq list --deck %s\n", name, sanitize.Name(abs), name))
}

func decksRemoveRun(f *Factory, opts *DecksOptions) error {
	removed, err := f.Decks().Remove(opts.Arg)
	if err != nil {
		return err
	}
	return writeOut(f, opts.Common, fmt.Sprintf("removed deck %s from the added decks; the folder %s is untouched\n", sanitize.Quote(filepath.Base(removed)), sanitize.Name(removed)))
}
