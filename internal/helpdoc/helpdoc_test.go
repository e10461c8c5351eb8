package helpdoc

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/djq-cli/djq/internal/exitcode"
)

var update = flag.Bool("update", false, "rewrite the README's generated tables")

// marker brackets a generated table in the README.
func marker(name string) (begin, end string) {
	return "<!-- helpdoc:" + name + " (generated: go test ./internal/helpdoc -update) -->\n", "<!-- /helpdoc:" + name + " -->\n"
}

// TestReadmeTablesAreCurrent fails when a README table between helpdoc
// markers differs from what this package's tables draw (with -update it
// rewrites them), so the README, the man pages and `djq help TOPIC` cannot
// drift apart.
func TestReadmeTablesAreCurrent(t *testing.T) {
	path := filepath.Join("..", "..", "README.md")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	for _, topic := range Topics {
		begin, end := marker(topic.Name)
		i, j := strings.Index(readme, begin), strings.Index(readme, end)
		if i < 0 || j < i {
			t.Errorf("README.md has no %q ... %q block", strings.TrimSpace(begin), strings.TrimSpace(end))
			continue
		}
		got, want := readme[i+len(begin):j], topic.Markdown()
		if got == want {
			continue
		}
		if *update {
			readme = readme[:i+len(begin)] + want + readme[j:]
			continue
		}
		t.Errorf("README.md's %s table differs from internal/helpdoc: run go test ./internal/helpdoc -update\n--- README ---\n%s--- helpdoc ---\n%s", topic.Name, got, want)
	}
	if *update && readme != string(b) {
		if err := os.WriteFile(path, []byte(readme), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestFormats pins how a cell's `code` is drawn in each place.
func TestFormats(t *testing.T) {
	topic := Topic{Name: "x", Section: "X", Lead: ".lead `a`", Header: []string{"n", "t"},
		Rows: []Row{{Name: "`V`", Text: `path \d and ` + "`code`"}, {Name: "2", Text: "two", Examples: "`djq x`"}}}
	if got, want := topic.Markdown(), "| n | t |\n| --- | --- |\n| `V` | path \\d and `code` |\n| 2 | two |\n"; got != want {
		t.Errorf("Markdown = %q, want %q", got, want)
	}
	if got, want := topic.Text(), ".lead a\n\n  V\n      path \\d and code\n\n  2\n      two. For example: djq x"; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
	wantRoff := ".SH X\n.nh\n.ad l\n.PP\n\\&.lead \\fBa\\fP\n.TP\n\\fBV\\fP\npath \\ed and \\fBcode\\fP\n.TP\n\\fB2\\fP\ntwo. For example: \\fBdjq x\\fP\n"
	if got := topic.Roff(); got != wantRoff {
		t.Errorf("Roff = %q, want %q", got, wantRoff)
	}
	for _, name := range []string{"environment", "files", "exit-codes"} {
		if _, ok := Lookup(name); !ok {
			t.Errorf("no topic %s", name)
		}
	}
}

// TestExitCodesTableIsComplete: every exit code djq can return has a row,
// and every row is a code djq returns.
func TestExitCodesTableIsComplete(t *testing.T) {
	codes := []int{exitcode.OK, exitcode.NotFound, exitcode.Error, exitcode.Usage, exitcode.Internal, exitcode.Interrupted}
	rows := map[string]bool{}
	for _, r := range ExitCodes.Rows {
		rows[r.Name] = true
	}
	want := map[string]bool{}
	for _, c := range codes {
		want[strconv.Itoa(c)] = true
		if !rows[strconv.Itoa(c)] {
			t.Errorf("exit code %d has no row in the exit-codes table", c)
		}
	}
	for r := range rows {
		if !want[r] {
			t.Errorf("the exit-codes table has a row for %s, which djq never returns", r)
		}
	}
}
