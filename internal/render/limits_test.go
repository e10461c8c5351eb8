package render

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/djq-cli/djq/internal/bank"
)

// worstAnswers are the costliest answers a deck may hold within bank's
// limits (issue 23, item 8): each fills bank.MaxBodySize with what makes
// glamour work hardest: nesting at bank.MaxNesting, words of
// bank.MaxWordLength, inline code of that length, a wide table.
func worstAnswers() map[string]string {
	fill := func(unit string) string {
		n := (bank.MaxBodySize - 600) / len(unit)
		return strings.TrimRight(strings.Repeat(unit, n), "\n ")
	}
	word := strings.Repeat("x", bank.MaxWordLength)
	var list strings.Builder
	for i := 0; list.Len() < bank.MaxBodySize-200; i++ {
		list.WriteString(strings.Repeat("  ", i%bank.MaxNesting) + "- an item with a few words in it\n")
	}
	row := "|" + strings.Repeat(" c |", 60) + "\n"
	return map[string]string{
		"nested quotes":    fill(strings.Repeat("> ", bank.MaxNesting) + "some words of a deeply quoted line\n"),
		"alternating":      fill(strings.Repeat("- > ", bank.MaxNesting/2) + "words\n\n"),
		"nested lists":     strings.TrimRight(list.String(), "\n"),
		"long words":       fill(word + " "),
		"long inline code": fill("`" + word[:bank.MaxWordLength-2] + "` "),
		"long URLs":        fill("https://" + word[:bank.MaxWordLength-8] + " "),
		"wide table":       "|" + strings.Repeat(" h |", 60) + "\n|" + strings.Repeat("---|", 60) + "\n" + fill(row),
	}
}

// worstQuestion parses the answer as a deck file, which must accept it.
func worstQuestion(tb testing.TB, name, body string) *bank.Question {
	tb.Helper()
	raw := "---\nid: 1\ntitle: Worst case " + name + "\nlevel: advanced\ntags: [t]\n---\n" + body + "\n"
	q, ps := bank.Parse("worst.md", []byte(raw))
	if q == nil {
		tb.Fatalf("%s: refused, but it is meant to be within the limits: %v", name, ps)
	}
	q.Deck = "deck"
	return q
}

// TestWorstAcceptedAnswerIsQuick renders each worst accepted answer in the
// dark style at true colour and at 16 colours; each must take well under a
// second (measured about 0.1–0.4 s each here). The bound is loose because
// the machine is shared and -race slows glamour about tenfold.
func TestWorstAcceptedAnswerIsQuick(t *testing.T) {
	if testing.Short() {
		t.Skip("renders 64 KB answers")
	}
	limit := 3 * time.Second
	if raceEnabled {
		limit = 30 * time.Second
	}
	for name, body := range worstAnswers() {
		q := worstQuestion(t, name, body)
		for _, st := range stylesNamed("dark", "light", "16color") {
			if raceEnabled && st.name != "dark" {
				continue
			}
			p := st.policy
			p.Width = 80
			start := time.Now()
			out, err := Pretty(p, []*bank.Question{q}, nil)
			took := time.Since(start)
			if err != nil || len(out) < bank.MaxBodySize/4 {
				t.Errorf("%s (%s): %v, %d bytes", name, st.name, err, len(out))
			}
			t.Logf("%s (%s): %v", name, st.name, took.Round(time.Millisecond))
			if took > limit {
				t.Errorf("%s (%s) took %v", name, st.name, took)
			}
		}
	}
}

// BenchmarkWorstAcceptedAnswer measures the same renders one by one.
func BenchmarkWorstAcceptedAnswer(b *testing.B) {
	for name, body := range worstAnswers() {
		q := worstQuestion(b, name, body)
		for _, st := range stylesNamed("dark", "light", "16color") {
			p := st.policy
			p.Width = 80
			b.Run(fmt.Sprintf("%s/%s", strings.ReplaceAll(name, " ", "-"), st.name), func(b *testing.B) {
				for b.Loop() {
					if _, err := Pretty(p, []*bank.Question{q}, nil); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
