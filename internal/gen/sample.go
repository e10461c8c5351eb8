package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/search"
)

// sampleDeck writes count generated questions into dir, for measuring djq
// at scale (BENCHMARKS.md). The text is drawn from the built-in answers'
// own words with a fixed seed, so every run writes the same deck.
func sampleDeck(root, dir string, count int) error {
	d, ps := bank.LoadDeck(os.DirFS(filepath.Join(root, "data")), "questions", bank.DefaultDeck, "data/questions")
	if ps.HasFatal() {
		return ps
	}
	var words []string
	for _, q := range d.Questions {
		words = append(words, strings.Fields(search.PlainText(q.Body))...)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(k int) string {
		out := make([]string, k)
		for i := range out {
			out[i] = strings.Trim(words[rng.IntN(len(words))], "\"'`:")
		}
		return strings.Join(out, " ")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	levels := []string{"beginner", "intermediate", "advanced"}
	tags := []string{"orm", "views", "security", "testing", "deployment"}
	for i := 1; i <= count; i++ {
		body := fmt.Sprintf("%s.\n\n## Detail\n\n%s.\n\n```python\n%s\n```\n\n## Follow-up questions\n\n- %s?\n",
			pick(40), pick(250), pick(12), pick(8))
		text := fmt.Sprintf("---\nid: %d\ntitle: %q\nlevel: %s\ntags: [%s]\nsummary: %q\nrelated: [%d]\n---\n%s",
			i, pick(9)+"?", levels[i%3], tags[i%5], pick(30), i%count+1, body)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05d-q.md", i)), []byte(text), 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("wrote %d questions to %s\n", count, dir)
	return nil
}
