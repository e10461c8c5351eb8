// Command gen regenerates djq's generated files: the prebuilt search index
// of the built-in deck (data/index), the shell completions (completions/)
// and the man pages (man/). Run it with `go generate ./...` from the
// repository root after changing a question, the analysis, the mapping or
// the command tree; tests fail while the committed files are stale.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/search"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	if len(args) == 0 {
		args = []string{"bank", "index", "docs"}
	}
	if args[0] == "sample-deck" {
		if len(args) != 3 {
			return fmt.Errorf("usage: gen sample-deck FOLDER COUNT")
		}
		var n int
		if _, err := fmt.Sscan(args[2], &n); err != nil || n < 1 {
			return fmt.Errorf("bad count %q", args[2])
		}
		return sampleDeck(root, args[1], n)
	}
	for _, what := range args {
		switch what {
		case "bank":
			if err := genBank(root); err != nil {
				return fmt.Errorf("bank: %w", err)
			}
		case "index":
			if err := genIndex(root); err != nil {
				return fmt.Errorf("index: %w", err)
			}
		case "docs":
			if err := writeDocs(root); err != nil {
				return fmt.Errorf("docs: %w", err)
			}
		default:
			return fmt.Errorf("unknown target %q (known: bank, index, docs, sample-deck FOLDER COUNT)", what)
		}
	}
	return nil
}

// moduleRoot finds the folder holding go.mod, from the working directory
// up, so that the generator works from any package directory.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("go.mod not found above the working directory")
		}
		dir = parent
	}
}

// genIndex builds the built-in deck's index into data/index, replacing the
// old one only once the new one is complete.
func genIndex(root string) error {
	dataDir := filepath.Join(root, "data")
	fsys := os.DirFS(dataDir)
	d, ps := bank.LoadDeck(fsys, "questions", bank.DefaultDeck, "data/questions")
	if ps.HasFatal() {
		return ps
	}
	fp, err := bank.Fingerprint(fsys, "questions")
	if err != nil {
		return err
	}
	src := search.Source{Name: bank.DefaultDeck, Fingerprint: fp, Questions: func() ([]*bank.Question, error) { return d.Questions, nil }}
	target := filepath.Join(dataDir, "index")
	if search.PrebuiltMatches(os.DirFS(target), src) {
		// The index is not byte-for-byte reproducible; leave a current one
		// alone so that git sees no change.
		fmt.Printf("%s is current (key %s)\n", target, search.Key(src))
		return nil
	}
	tmp, err := os.MkdirTemp(dataDir, ".index-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	built := filepath.Join(tmp, "index")
	if err := search.BuildAt(built, src); err != nil {
		return err
	}
	if err := os.RemoveAll(target); err != nil {
		return err
	}
	if err := os.Rename(built, target); err != nil {
		return err
	}
	fmt.Printf("wrote %s (%d questions, key %s)\n", target, len(d.Questions), search.Key(src))
	return nil
}
