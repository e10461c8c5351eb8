package export

import (
	"bytes"
	"encoding/csv"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/djq-cli/djq/data"
	"github.com/djq-cli/djq/internal/bank"
)

func builtin(t *testing.T) ([]*bank.Question, bank.Lookup) {
	t.Helper()
	d, ps := bank.LoadDeck(data.Questions, data.QuestionsDir, bank.DefaultDeck, "")
	if ps.HasFatal() {
		t.Fatal(ps)
	}
	byID := map[int]*bank.Question{}
	for _, q := range d.Questions {
		byID[q.ID] = q
	}
	return d.Questions, func(r bank.Ref) *bank.Question { return byID[r.ID] }
}

var sectionHead = regexp.MustCompile(`(?m)^## ([a-z0-9_-]+)\n\n### (.+)\n\n\*([a-z]+)[^\n]*\*\n\n`)

// TestMarkdownRoundTrip parses the export back and recovers every
// question's id, title and body, and checks every contents and "See also"
// link points at a heading of the document.
func TestMarkdownRoundTrip(t *testing.T) {
	qs, lookup := builtin(t)
	var buf bytes.Buffer
	if err := Markdown(&buf, "Django interview questions", qs, lookup); err != nil {
		t.Fatal(err)
	}
	doc := buf.String()
	locs := sectionHead.FindAllStringSubmatchIndex(doc, -1)
	if len(locs) != len(qs) {
		t.Fatalf("found %d question sections, want %d", len(locs), len(qs))
	}
	anchors := map[string]bool{}
	for i, loc := range locs {
		q := qs[i]
		anchor, title, level := doc[loc[2]:loc[3]], doc[loc[4]:loc[5]], doc[loc[6]:loc[7]]
		anchors[anchor] = true
		id, err := strconv.Atoi(anchor)
		if err != nil || id != q.ID {
			t.Errorf("section %d: heading %q, want id %d", i, anchor, q.ID)
		}
		if strings.ReplaceAll(strings.ReplaceAll(title, `\[`, "["), `\]`, "]") != q.Title || level != string(q.Level) {
			t.Errorf("section %d: title %q level %q, want %q %q", i, title, level, q.Title, q.Level)
		}
		end := len(doc)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		section := doc[loc[1]:end]
		if q.Summary != "" {
			section = strings.TrimPrefix(section, "> "+q.Summary+"\n\n")
		}
		for _, tail := range []string{"\n**See also:**", "\n**Docs:**"} {
			if k := strings.LastIndex(section, tail); k >= 0 {
				section = section[:k]
			}
		}
		body := ShiftHeadings(strings.TrimRight(section, "\n"), -2)
		if body != q.Body {
			t.Errorf("question %d: body does not round-trip", q.ID)
		}
	}
	for _, m := range regexp.MustCompile(`\]\(#([^)]+)\)`).FindAllStringSubmatch(doc, -1) {
		if !anchors[m[1]] {
			t.Errorf("link to #%s has no heading", m[1])
		}
	}
	if !strings.HasPrefix(doc, "# Django interview questions\n\n160 questions exported by djq.\n\n## Contents\n") {
		t.Errorf("document start: %q", doc[:80])
	}
}

func TestShiftHeadings(t *testing.T) {
	in := "## A\n\n```python\n## not a heading\n```\n#### B\n###### C\n#hashtag"
	want := "#### A\n\n```python\n## not a heading\n```\n###### B\n###### C\n#hashtag"
	if got := ShiftHeadings(in, 2); got != want {
		t.Errorf("ShiftHeadings = %q, want %q", got, want)
	}
}

// TestAnkiFile checks the header lines, that every note has the same
// number of fields, that quoting round-trips through a CSV reader set up
// the way Anki reads the file, and the tags.
func TestAnkiFile(t *testing.T) {
	qs, _ := builtin(t)
	tricky := &bank.Question{ID: 7, Deck: "mine", Title: `Tabs	and "quotes"?`, Level: bank.Advanced, Tags: []string{"two words"},
		Body: "Line one\n\n```python\nprint(\"a\\tb\")\n```\n\nA <b>raw tag</b> and a tab\there."}
	notes, err := Notes(append(qs, tricky))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Anki(&buf, notes); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	header := "#separator:tab\n#html:true\n#notetype:Basic\n#deck column:4\n#tags column:3\n"
	if !strings.HasPrefix(text, header) {
		t.Fatalf("header:\n%s", text[:120])
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(text, header)))
	r.Comma = '\t'
	r.FieldsPerRecord = 4
	records, err := r.ReadAll()
	if err != nil {
		t.Fatalf("reading the notes back: %v", err)
	}
	if len(records) != len(notes) {
		t.Fatalf("%d records, want %d", len(records), len(notes))
	}
	for i, rec := range records {
		n := notes[i]
		if rec[0] != n.Front || rec[1] != n.Back || rec[2] != strings.Join(n.Tags, " ") || rec[3] != n.Deck {
			t.Errorf("note %d does not round-trip", i)
		}
	}
	last := records[len(records)-1]
	if last[0] != "Tabs\tand &quot;quotes&quot;?" || !strings.Contains(last[2], "two_words") || !strings.Contains(last[2], "djq::mine::7") {
		t.Errorf("tricky note = %q", last)
	}
	if strings.Contains(last[1], "<b>raw tag</b>") {
		t.Errorf("raw HTML from the answer passed through: %s", last[1])
	}
	first := records[0]
	if first[0] != "What is Django?" || !strings.Contains(first[2], "level::beginner") || !strings.Contains(first[2], "djq::1") || first[3] != "Django Interview" {
		t.Errorf("first note = %q", first[:1])
	}
	if !strings.Contains(records[34][1], `<pre><code class="language-python">`) {
		t.Errorf("code is not in <pre><code>: %.200s", records[34][1])
	}
}

func TestAnkiSingleDeckHeader(t *testing.T) {
	qs, _ := builtin(t)
	notes, _ := Notes(qs[:3])
	var buf bytes.Buffer
	Anki(&buf, notes)
	lines := strings.Split(buf.String(), "\n")
	if lines[3] != "#deck:Django Interview" || lines[4] != "#tags column:3" || !strings.HasPrefix(lines[5], "What is Django?\t\"<p>") {
		t.Errorf("header/first line: %q", lines[:6])
	}
}

func TestQuoteField(t *testing.T) {
	for in, want := range map[string]string{
		"plain":       "plain",
		"a\tb":        "\"a\tb\"",
		`say "hi"`:    `"say ""hi"""`,
		"two\nlines":  "\"two\nlines\"",
		"<p>html</p>": "<p>html</p>",
	} {
		if got := QuoteField(in); got != want {
			t.Errorf("QuoteField(%q) = %q, want %q", in, got, want)
		}
	}
}
