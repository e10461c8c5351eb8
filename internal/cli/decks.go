package cli

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/cmdutil"
	"github.com/djq-cli/djq/internal/decks"
	"github.com/djq-cli/djq/internal/exitcode"
	"github.com/djq-cli/djq/internal/output"
	"github.com/djq-cli/djq/internal/render"
	"github.com/djq-cli/djq/internal/sanitize"
)

// DecksOptions is what `djq decks` and its subcommands were asked to do.
type DecksOptions struct {
	Common
	// Arg is the folder or name a subcommand works on.
	Arg     string
	Lib     func() banker
	Folders func() deckFolders
}

// deckFolders is what the decks subcommands need of decks.Env.
type deckFolders interface {
	Check(nameOrDir string, sel []string, progress func(done, total int)) (string, int, bank.Problems, error)
	Create(arg string) (decks.Created, error)
	Add(folder string) (name, abs string, added bool, err error)
	Remove(name string) (string, error)
}

// newDecksOptions wires a decks command's options to the factory, lazily.
func newDecksOptions(f *Factory) *DecksOptions {
	opts := &DecksOptions{Folders: func() deckFolders { return f.Decks() }}
	opts.Lib = func() banker { return f.Library(opts.Common) }
	return opts
}

// decksSub builds a decks subcommand with one argument.
func decksSub(f *Factory, g *globals, use, what, short, long, example string, runF, run func(*DecksOptions) error) *cobra.Command {
	opts := newDecksOptions(f)
	cmd := &cobra.Command{Use: use, Short: short, Long: long, Example: "  " + example, Args: cmdutil.OneArg(what, example)}
	return command(f, g, &opts.Common, cmd, func(_ *cobra.Command, args []string) error {
		opts.Arg = args[0]
		return runWith(runF, run, opts)
	})
}

// newDecksCmd builds djq decks and its subcommands; runF, when set, gets
// the options of whichever of them runs.
func newDecksCmd(f *Factory, g *globals, runF func(*DecksOptions) error) *cobra.Command {
	opts := newDecksOptions(f)
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
	command(f, g, &opts.Common, cmd, func(*cobra.Command, []string) error { return runWith(runF, decksListRun, opts) })
	cmd.AddCommand(
		decksSub(f, g, "check FOLDER|NAME", "one deck folder or name", "Check a deck's question files and report every problem",
			`Check every question file in a deck folder and print each problem as
FILE:LINE: MESSAGE, every problem of every file in one run: a missing or
duplicate id, an unknown level, a related id that does not exist, bad YAML,
an empty answer, a folder named like another deck. Exits 1 when there is
any problem, 0 when the deck is clean. NAME is any deck djq knows, as for
--deck ("django", the built-in deck, is checked too).`, "djq decks check ./interview", runF, decksCheckRun),
		decksSub(f, g, "new NAME|FOLDER", "one deck name or folder to create", "Start a new deck from a small example",
			`Create a deck with three example questions and a README that explains the
format. A bare NAME creates it in your decks folder (see djq paths), where
djq finds it at once; a FOLDER (with a slash, such as ./interview) creates
it there, and djq decks add FOLDER makes it known. The folder must not
exist or must be empty: djq never overwrites your files.`, "djq decks new mydeck", runF, decksNewRun),
		decksSub(f, g, "add FOLDER", "one deck folder", "Make a deck folder known to djq permanently",
			`Record a deck folder in djq's configuration (decks.txt in the config
folder, see djq paths), so that every command finds it without --deck or
$DJQ_DECKS. The folder stays where it is.`, "djq decks add ./interview", runF, decksAddRun),
		decksSub(f, g, "remove NAME", "the name of an added deck", "Forget a deck folder added with djq decks add",
			`Remove a deck from the list of added folders. Only the entry goes: the
folder and its questions are not touched.`, "djq decks remove interview", runF, decksRemoveRun),
	)
	cmd.Commands()[len(cmd.Commands())-1].Aliases = []string{"rm"}
	return cmd
}

func decksListRun(opts *DecksOptions) error {
	b, err := opts.Lib().Bank()
	if err != nil {
		return err
	}
	var rows []output.Deck
	for _, d := range b.Decks() {
		rows = append(rows, output.Deck{Name: d.Name, Path: d.Path, Questions: len(d.Questions)})
	}
	return writeWith(opts.Common, func(w io.Writer) error { return render.Decks(w, opts.Policy, rows) })
}

func decksCheckRun(opts *DecksOptions) error {
	dir, n, problems, err := opts.Folders().Check(opts.Arg, opts.Decks, opts.bar("checking deck "+filepath.Base(filepath.Clean(opts.Arg))).Func())
	if err != nil {
		return err
	}
	if err := writeWith(opts.Common, func(w io.Writer) error { return render.DeckCheck(w, dir, n, problems) }); err != nil {
		return err
	}
	if len(problems) > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "djq: %d problem(s) in %s\n", len(problems), sanitize.Name(dir))
		return exitcode.Silent(exitcode.NotFound)
	}
	return nil
}

func decksNewRun(opts *DecksOptions) error {
	c, err := opts.Folders().Create(opts.Arg)
	if err != nil {
		return err
	}
	return writeOut(opts.Common, fmt.Sprintf("created deck %q in %s with %d example questions\ntry: %s\n", c.Name, sanitize.Name(c.Dir), c.Questions, c.Next()))
}

func decksAddRun(opts *DecksOptions) error {
	name, abs, added, err := opts.Folders().Add(opts.Arg)
	if err != nil {
		return err
	}
	return writeOut(opts.Common, decks.AddedMessage(opts.Arg, name, abs, added))
}

func decksRemoveRun(opts *DecksOptions) error {
	removed, err := opts.Folders().Remove(opts.Arg)
	if err != nil {
		return err
	}
	return writeOut(opts.Common, fmt.Sprintf("removed deck %s from the added decks; the folder %s is untouched\n", sanitize.Quote(filepath.Base(removed)), sanitize.Name(removed)))
}
