package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/djq-cli/djq/internal/atomicfile"
	"github.com/djq-cli/djq/internal/bank"
)

// CompactBank parses the built-in questions under dataDir/questions and
// returns their compact encoding (see bank.EncodeCompact) with the
// fingerprint of the files. A question with a fatal problem stops it.
func CompactBank(dataDir string) ([]byte, error) {
	fsys := os.DirFS(dataDir)
	d, ps := bank.LoadDeck(fsys, "questions", bank.DefaultDeck, "(built in)")
	if ps.HasFatal() {
		return nil, ps
	}
	fp, err := bank.Fingerprint(fsys, "questions")
	if err != nil {
		return nil, err
	}
	checked, err := bank.ReadChecked(os.DirFS(filepath.Join(dataDir, "checks")))
	if err != nil {
		return nil, err
	}
	for _, q := range d.Questions {
		q.CheckedOn = checked[q.ID]
	}
	return bank.EncodeCompact(d.Questions, fp), nil
}

// genBank writes data/bank.bin, the compact form of the built-in bank that
// the binary loads instead of parsing every question file.
func genBank(root string) error {
	dataDir := filepath.Join(root, "data")
	enc, err := CompactBank(dataDir)
	if err != nil {
		return err
	}
	target := filepath.Join(dataDir, "bank.bin")
	if old, err := os.ReadFile(target); err == nil && bytes.Equal(old, enc) {
		fmt.Printf("%s is current\n", target)
		return nil
	}
	if err := atomicfile.WriteFile(target, enc, 0o644); err != nil {
		return err
	}
	fmt.Printf("wrote %s (%d bytes)\n", target, len(enc))
	return nil
}
