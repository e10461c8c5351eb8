package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/render"
)

func newDecksCmd(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "decks",
		Short: "List question decks, check one, or start a new one",
		Long: `List the question decks djq knows: the built-in deck "django" and your own.

A deck is a folder of question files in the same format as the built-in
bank (YAML front matter, then the answer in Markdown). djq finds decks in
$XDG_DATA_HOME/djq/decks/<name>/ (see djq paths), in every folder listed
in $DJQ_DECKS, and in each --deck FOLDER. The folder's name is the deck's
name; its questions are NAME:ID (djq show interview:12).`,
		Example: `  djq decks
  djq decks --format json
  djq decks new ./interview
  djq decks check ./interview`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return decksListRun(f) },
	}
	cmd.AddCommand(newDecksCheckCmd(f), newDecksNewCmd(f))
	return cmd
}

type deckJSON struct {
	Name      string `json:"name"`
	Path      string `json:"path"`
	Questions int    `json:"questions"`
}

func decksListRun(f *Factory) error {
	b, err := f.Bank()
	if err != nil {
		return err
	}
	var rows []deckJSON
	for _, d := range b.Decks() {
		rows = append(rows, deckJSON{Name: d.Name, Path: d.Path, Questions: len(d.Questions)})
	}
	if f.Policy.Format == render.FormatJSON {
		return writeJSONOut(f, rows)
	}
	var out strings.Builder
	nameW, countW := 0, 0
	for _, r := range rows {
		nameW = max(nameW, len(r.Name))
		countW = max(countW, len(fmt.Sprint(r.Questions)))
	}
	for _, r := range rows {
		fmt.Fprintf(&out, "%-*s  %*d questions  %s\n", nameW, r.Name, countW, r.Questions, r.Path)
	}
	return writeOut(f, out.String())
}

func newDecksCheckCmd(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "check FOLDER",
		Short: "Check a deck's question files and report every problem",
		Long: `Check every question file in a deck folder and print each problem as
FILE:LINE: MESSAGE: a missing or duplicate id, an unknown level, a related
id that does not exist, bad YAML, an empty answer. Exits 1 when there is
any problem, 0 when the deck is clean.`,
		Example: `  djq decks check ./interview`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("decks check needs one deck folder, such as djq decks check ./interview")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error { return decksCheckRun(f, args[0]) },
	}
}

func decksCheckRun(f *Factory, dir string) error {
	st, err := os.Stat(dir)
	if err != nil {
		return usagef("cannot check %s: %v", dir, unwrapPath(err))
	}
	if !st.IsDir() {
		return usagef("cannot check %s: it is not a folder", dir)
	}
	name := filepath.Base(filepath.Clean(dir))
	d, problems := bank.LoadDeck(os.DirFS(dir), ".", name, dir)
	var out strings.Builder
	for _, p := range problems {
		fmt.Fprintln(&out, p.Error())
	}
	if len(problems) == 0 {
		fmt.Fprintf(&out, "%s: %d questions, no problems\n", dir, len(d.Questions))
	}
	if err := writeOut(f, out.String()); err != nil {
		return err
	}
	if len(problems) > 0 {
		fmt.Fprintf(f.IO.ErrOut, "djq: %d problem(s) in %s\n", len(problems), dir)
		return &silentError{code: ExitNotFound}
	}
	return nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func newDecksNewCmd(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "new FOLDER",
		Short: "Start a new deck from a small example",
		Long: `Create FOLDER with three example questions and a README that explains the
format. The folder must not exist or must be empty: djq never overwrites
your files. Use the deck with --deck FOLDER, list it in $DJQ_DECKS, or
move it into the decks folder (see djq paths).`,
		Example: `  djq decks new ./my-deck`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("decks new needs one folder to create, such as djq decks new ./interview")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error { return decksNewRun(f, args[0]) },
	}
}

func decksNewRun(f *Factory, dir string) error {
	name := filepath.Base(filepath.Clean(dir))
	if !bank.ValidDeckName(name) {
		return usagef("invalid deck folder name %q: use letters, digits, '-', '_' and '.'", name)
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return usagef("%s already exists and is not empty: choose a new folder (djq never overwrites files)", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("cannot use %s: %w", dir, unwrapPath(err))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", dir, unwrapPath(err))
	}
	for _, ex := range exampleDeck(name) {
		path := filepath.Join(dir, ex.name)
		// O_EXCL: never replace a file that appeared meanwhile.
		fh, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return fmt.Errorf("writing %s: %w", path, unwrapPath(err))
		}
		_, werr := fh.WriteString(ex.text)
		if cerr := fh.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return fmt.Errorf("writing %s: %w", path, werr)
		}
	}
	msg := fmt.Sprintf("created deck %q in %s with 3 example questions\ntry: djq list --deck %s\n", name, dir, dir)
	return writeOut(f, msg)
}

type exampleFile struct{ name, text string }

// exampleDeck is the starting point `djq decks new` writes: three short
// questions that show every front-matter field and the answer layout.
func exampleDeck(name string) []exampleFile {
	return []exampleFile{
		{"README.md", fmt.Sprintf(`# Deck %s

Each question is one Markdown file in this folder, named NNN-slug.md, with
YAML front matter (id, title, level, tags, summary, related, docs) and the
answer below it. Ids are whole numbers, unique in this deck; refer to a
question as %s:ID (djq show %s:1).

    djq decks check .        # report problems as FILE:LINE: MESSAGE
    djq list --deck .        # list this deck

This README is not a question: djq skips README.md.
`, name, name, name)},
		{"001-what-is-this-deck.md", `---
id: 1
title: What is this deck for?
level: beginner
tags: [basics]
summary: It holds my own interview questions beside djq's built-in Django bank.
related: [2]
docs: [https://docs.djangoproject.com/en/stable/]
---
Start with the direct answer in a sentence or two.

## Detail

Then explain. Use ` + "`##`" + ` headings, lists and fenced code with a language:

` + "```python" + `
print("hello from my deck")
` + "```" + `

## Follow-up questions

- What would an interviewer ask next?
`},
		{"002-our-stack.md", `---
id: 2
title: Which parts of our stack should I be ready to explain?
level: intermediate
tags: [architecture]
summary: The request path from the load balancer to Django and the database, and where caching happens.
related: [1, 3]
---
Write the answer you want to give, in your own words.

## Follow-up questions

- Where would you add caching first, and why?
`},
		{"003-celery-retries.md", `---
id: 3
title: How do Celery task retries work?
level: advanced
tags: [async]
summary: A task calls self.retry() (or sets autoretry_for) to be run again later, with a countdown and a maximum number of retries.
related: [2]
docs: [https://docs.celeryq.dev/en/stable/userguide/tasks.html#retrying]
---
A bound task can call ` + "`self.retry()`" + ` to schedule itself again.

` + "```python" + `
@app.task(bind=True, max_retries=3)
def send_email(self, user_id):
    try:
        deliver(user_id)
    except TemporaryError as exc:
        raise self.retry(exc=exc, countdown=60)
` + "```" + `

## Follow-up questions

- How do you make a retried task idempotent?
`},
	}
}
