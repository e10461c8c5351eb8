package cli

import (
	"bytes"
	"path"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/djq-cli/djq/internal/iostreams"
)

// GeneratedFile is one file made from the command tree.
type GeneratedFile struct {
	Path string // slash-separated, relative to the repository root
	Data []byte
}

// manDate is the date printed in the man pages' footer. It is fixed so
// that generating twice gives the same files (the staleness test compares
// them byte for byte); bump it with a release.
var manDate = time.Date(2026, time.November, 1, 0, 0, 0, 0, time.UTC)

// GenerateDocs makes the shell completion scripts (completions/djq.bash,
// _djq, djq.fish, djq.ps1) and one man page per command (man/djq.1,
// man/djq-show.1, ...) from the command tree, exactly as `djq completion`
// prints them.
func GenerateDocs() ([]GeneratedFile, error) {
	ios, _, _, _ := iostreams.Test()
	root := NewRootCmd(NewFactory(ios))
	root.InitDefaultCompletionCmd()
	root.InitDefaultHelpCmd()
	root.DisableAutoGenTag = true

	var files []GeneratedFile
	gen := func(p string, write func(*bytes.Buffer) error) error {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			return err
		}
		files = append(files, GeneratedFile{Path: p, Data: b.Bytes()})
		return nil
	}
	steps := []struct {
		path  string
		write func(*bytes.Buffer) error
	}{
		{"completions/djq.bash", func(b *bytes.Buffer) error { return root.GenBashCompletionV2(b, true) }},
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
		return gen(path.Join("man", name), func(b *bytes.Buffer) error { return doc.GenMan(c, &h, b) })
	}
	if err := walk(root); err != nil {
		return nil, err
	}
	return files, nil
}
