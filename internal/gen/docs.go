package main

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/djq-cli/djq/internal/cli"
	"github.com/djq-cli/djq/internal/cmdutil"
	"github.com/djq-cli/djq/internal/helpdoc"
	"github.com/djq-cli/djq/internal/iostreams"
)

// generatedFile is one file made from the command tree.
type generatedFile struct {
	Path string // slash-separated, relative to the repository root
	Data []byte
}

// manDate is fixed so that regenerating the man pages changes nothing
// unless the commands changed.
var manDate = time.Date(2026, time.November, 1, 0, 0, 0, 0, time.UTC)

// generateDocs renders the shell completions and one man page per command
// from the command tree. It lives in the generator, not in the cli
// package, so the shipped binary does not link cobra/doc, go-md2man and
// blackfriday.
func generateDocs() ([]generatedFile, error) {
	ios, _, _, _ := iostreams.Test()
	root := cli.NewRootCmd(cli.NewFactory(ios))
	root.InitDefaultCompletionCmd()
	root.InitDefaultHelpCmd()
	root.DisableAutoGenTag = true

	var files []generatedFile
	gen := func(p string, write func(*bytes.Buffer) error) error {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			return err
		}
		files = append(files, generatedFile{Path: p, Data: b.Bytes()})
		return nil
	}
	steps := []struct {
		path  string
		write func(*bytes.Buffer) error
	}{
		{"completions/djq.bash", func(b *bytes.Buffer) error { return cmdutil.BashCompletion(root, b, true) }},
		{"completions/_djq", func(b *bytes.Buffer) error { return root.GenZshCompletion(b) }},
		{"completions/djq.fish", func(b *bytes.Buffer) error { return root.GenFishCompletion(b, true) }},
		{"completions/djq.ps1", func(b *bytes.Buffer) error { return root.GenPowerShellCompletionWithDesc(b) }},
	}
	for _, s := range steps {
		if err := gen(s.path, s.write); err != nil {
			return nil, err
		}
	}
	header := &doc.GenManHeader{Title: "DJQ", Section: "1", Date: &manDate, Source: "djq", Manual: "djq manual"}
	var walk func(c *cobra.Command) error
	walk = func(c *cobra.Command) error {
		if !c.IsAvailableCommand() && c != root || c.IsAdditionalHelpTopicCommand() {
			return nil
		}
		for _, sub := range c.Commands() {
			if err := walk(sub); err != nil {
				return err
			}
		}
		name := strings.ReplaceAll(c.CommandPath(), " ", "-") + ".1"
		h := *header
		h.Title = strings.ToUpper(strings.ReplaceAll(c.CommandPath(), " ", "-"))
		return gen(path.Join("man", name), func(b *bytes.Buffer) error { return genMan(c, &h, b) })
	}
	if err := walk(root); err != nil {
		return nil, err
	}
	return files, nil
}

// genMan is cobra/doc's man page with djq's reference sections added from
// internal/helpdoc, the source of the README's tables and of `djq help
// TOPIC`: EXIT STATUS on every page, ENVIRONMENT and FILES on djq(1). They
// go before SEE ALSO, where man-pages(7) puts them. A boolean flag is shown
// as the switch it is: cobra/doc writes "--help[=false]", the default of a
// flag that takes no value.
func genMan(c *cobra.Command, h *doc.GenManHeader, b *bytes.Buffer) error {
	var page bytes.Buffer
	if err := doc.GenMan(c, h, &page); err != nil {
		return err
	}
	text := strings.ReplaceAll(page.String(), `\fP[=false]`, `\fP`)
	var sections strings.Builder
	for _, t := range helpdoc.Topics {
		if !c.HasParent() || t.Name == helpdoc.ExitCodes.Name {
			sections.WriteString(t.Roff())
			sections.WriteString("\n")
		}
	}
	if i := strings.Index(text, ".SH SEE ALSO\n"); i >= 0 {
		text = text[:i] + sections.String() + text[i:]
	} else {
		text += "\n" + sections.String()
	}
	_, err := b.WriteString(text)
	return err
}

// writeDocs writes the completion scripts and man pages into root,
// replacing the generated files only.
func writeDocs(root string) error {
	files, err := generateDocs()
	if err != nil {
		return err
	}
	if err := os.RemoveAll(filepath.Join(root, "man")); err != nil {
		return err
	}
	for _, f := range files {
		path := filepath.Join(root, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("wrote %d completion and man files\n", len(files))
	return nil
}
