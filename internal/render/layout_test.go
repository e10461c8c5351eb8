package render

import (
	"fmt"
	"strings"
	"testing"

	xansi "github.com/charmbracelet/x/ansi"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/golden"
	"github.com/djq-cli/djq/internal/output"
)

// TestLayoutsByWidth pins list, tags and stats in pretty output at 40, 80
// and 120 columns (issue 26: at 40 columns list kept 12 characters of a
// title beside a level column that only repeated --level, tags was one
// long column, and the stats table broke into unreadable rows). Every
// line fits the width; run with -update to rewrite the goldens.
func TestLayoutsByWidth(t *testing.T) {
	b := builtinBank(t)
	all := b.Questions()
	var advanced []*bank.Question
	for _, q := range all {
		if q.Level == bank.Advanced && len(advanced) < 8 {
			advanced = append(advanced, q)
		}
	}
	draws := []struct {
		name string
		draw func(*strings.Builder, Policy) error
	}{
		{"list", func(w *strings.Builder, p Policy) error { return List(w, p, all[:12], "") }},
		{"list-advanced", func(w *strings.Builder, p Policy) error { return List(w, p, advanced, bank.Advanced) }},
		{"tags", func(w *strings.Builder, p Policy) error { return Tags(w, p, bank.TagCounts(all)) }},
		{"stats", func(w *strings.Builder, p Policy) error { return Stats(w, p, sampleStats()) }},
		{"stats-new", func(w *strings.Builder, p Policy) error {
			return Stats(w, p, output.Stats{Total: output.Counts{New: 224}})
		}},
	}
	for _, d := range draws {
		for _, width := range []int{40, 80, 120} {
			name := fmt.Sprintf("%s-%d", d.name, width)
			t.Run(name, func(t *testing.T) {
				var out strings.Builder
				if err := d.draw(&out, Policy{Format: FormatPretty, Style: "notty", Width: width}); err != nil {
					t.Fatal(err)
				}
				for _, line := range strings.Split(out.String(), "\n") {
					if xansi.StringWidth(line) > width {
						t.Errorf("a line of %d columns at %d: %q", xansi.StringWidth(line), width, line)
					}
				}
				golden.Check(t, "layout-"+name+".golden", out.String())
			})
		}
	}
}

// TestPipedLayoutsStay: a pipe gets the one-line-per-item layouts scripts
// read, whatever the width, with the level column even under --level.
func TestPipedLayoutsStay(t *testing.T) {
	b := builtinBank(t)
	qs := b.Questions()[:3]
	var list, tags strings.Builder
	p := Policy{Format: FormatMarkdown, Width: 40}
	if err := List(&list, p, qs, bank.Beginner); err != nil {
		t.Fatal(err)
	}
	if want := "1  beginner      What is Django?\n"; !strings.HasPrefix(list.String(), want) || strings.Count(list.String(), "\n") != 3 {
		t.Errorf("piped list:\n%s", list.String())
	}
	counts := bank.TagCounts(b.Questions())
	if err := Tags(&tags, p, counts); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(tags.String(), "\n"); n != len(counts) {
		t.Errorf("piped tags: %d lines for %d tags", n, len(counts))
	}
}

// sampleStats is progress with reviews on a few of the last 14 days.
func sampleStats() output.Stats {
	s := output.Stats{
		Reviews: 41, Streak: 3,
		Total: output.Counts{New: 180, Learning: 20, DueToday: 9, Mastered: 15},
		Levels: map[string]output.Counts{
			"beginner":     {New: 40, Learning: 8, DueToday: 3, Mastered: 12},
			"intermediate": {New: 70, Learning: 7, DueToday: 4, Mastered: 3},
			"advanced":     {New: 70, Learning: 5, DueToday: 2},
		},
	}
	for i := 0; i < 14; i++ {
		s.Days = append(s.Days, output.DayCount{Date: fmt.Sprintf("2026-11-%02d", 10+i), Reviews: []int{0, 3, 0, 0, 5, 12, 0, 0, 0, 2, 0, 8, 4, 7}[i]})
	}
	return s
}
