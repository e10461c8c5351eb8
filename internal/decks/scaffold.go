package decks

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/errkind"
	"github.com/djq-cli/djq/internal/sanitize"
)

// scaffold is the example deck `djq decks new` starts from: three
// questions that show the format, and a README. "{{name}}" stands for the
// deck's name.
//
//go:embed scaffold/*
var scaffold embed.FS

// Scaffold creates dir with the example deck named name. The folder must
// not exist or must be empty, and every file is created exclusively:
// Scaffold never overwrites a user's file. It returns how many example
// questions it wrote.
func Scaffold(dir, name string) (int, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return 0, ErrNotEmpty
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return 0, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	entries, err := scaffold.ReadDir("scaffold")
	if err != nil {
		return 0, err
	}
	questions := 0
	for _, e := range entries {
		raw, err := scaffold.ReadFile("scaffold/" + e.Name())
		if err != nil {
			return 0, err
		}
		text := strings.ReplaceAll(string(raw), "{{name}}", name)
		if err := createNew(filepath.Join(dir, e.Name()), text); err != nil {
			return 0, err
		}
		if e.Name() != "README.md" {
			questions++
		}
	}
	return questions, nil
}

// ErrNotEmpty is Scaffold's refusal to write into a folder that has files.
var ErrNotEmpty = errors.New("the folder exists and is not empty")

// createNew writes a file that must not exist yet.
func createNew(path, text string) error {
	fh, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, werr := fh.WriteString(text)
	if cerr := fh.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return fmt.Errorf("writing %s: %w", path, werr)
	}
	return nil
}

// Created says where `djq decks new` made a deck.
type Created struct {
	Dir, Name string
	// Questions is the number of example questions written.
	Questions int
	// InDecksFolder is true when a bare name put the deck in the decks
	// folder, where djq finds it without --deck.
	InDecksFolder bool
}

// Next is the command to try after `djq decks new`: a deck in the decks
// folder is found by name; one elsewhere needs its folder, or decks add.
func (c Created) Next() string {
	if c.InDecksFolder {
		return "djq list --deck " + c.Name
	}
	return fmt.Sprintf("djq list --deck %s (or djq decks add %s to make it known for good)", sanitize.Name(c.Dir), sanitize.Name(c.Dir))
}

// maxFolderName is the longest folder name most file systems allow.
const maxFolderName = 255

// New makes a deck from the example: a bare NAME in dataDir's decks
// folder, a path (with a slash, or starting with . or ~) where it says.
// Bad names, a missing data folder and a folder that is not empty are
// usage errors.
func New(arg, dataDir string) (Created, error) {
	c := Created{Dir: arg, InDecksFolder: !IsPath(arg)}
	if c.InDecksFolder {
		if dataDir == "" {
			return c, errkind.Usagef("no decks folder to create %s in: set DJQ_DATA_DIR (or HOME), or give a folder such as ./%s", sanitize.Quote(arg), sanitize.Echo(arg))
		}
		c.Dir = filepath.Join(dataDir, "decks", arg)
	}
	c.Name = filepath.Base(filepath.Clean(c.Dir))
	if len(c.Name) > maxFolderName {
		return c, errkind.Usagef("invalid deck name %s: a folder name has at most %d bytes", sanitize.Quote(c.Name), maxFolderName)
	}
	if !bank.ValidDeckName(c.Name) {
		return c, errkind.Usagef("invalid deck name %s: use letters, digits, '-', '_' and '.'", sanitize.Quote(c.Name))
	}
	if c.Name == bank.DefaultDeck {
		return c, errkind.Usagef("invalid deck name %s: it is the built-in deck's name", sanitize.Quote(c.Name))
	}
	n, err := Scaffold(c.Dir, c.Name)
	if errors.Is(err, ErrNotEmpty) {
		return c, errkind.Usagef("%s already exists and is not empty: choose a new folder (djq never overwrites files)", c.Dir)
	}
	if err != nil {
		return c, fmt.Errorf("creating deck %s: %w", c.Dir, unwrapPathErr(err))
	}
	c.Questions = n
	return c, nil
}

// IsFolder is the usage error for a deck folder argument that is not a
// folder; verb says what was to be done with it.
func IsFolder(dir, verb string) error {
	st, err := os.Stat(dir)
	if err != nil {
		return errkind.Usagef("cannot %s %s: %v", verb, sanitize.Quote(dir), unwrapPathErr(err))
	}
	if !st.IsDir() {
		return errkind.Usagef("cannot %s %s: it is not a folder", verb, sanitize.Quote(dir))
	}
	return nil
}
