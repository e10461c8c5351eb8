package export

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/djq-cli/djq/data"
	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/exitcode"
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
		if body != strings.TrimRight(bank.NormalizeMarkdown(q.Body), "\n") {
			t.Errorf("question %d: body does not round-trip", q.ID)
		}
	}
	for _, m := range regexp.MustCompile(`\]\(#([^)]+)\)`).FindAllStringSubmatch(doc, -1) {
		if !anchors[m[1]] {
			t.Errorf("link to #%s has no heading", m[1])
		}
	}
	if !strings.HasPrefix(doc, fmt.Sprintf("# Django interview questions\n\n%d questions exported by djq.\n\n## Contents\n", len(qs))) {
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

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in, want string
		wantErr  bool
	}{
		{in: "markdown", want: "markdown"},
		{in: "Markdown", want: "markdown"},
		{in: " ANKI ", want: "anki"},
		{in: "json\n", want: "json"},
		{in: "\tJson", want: "json"},
		{in: "csv", wantErr: true},
		{in: "", wantErr: true},
		{in: "md", wantErr: true},
		{in: "mark down", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseFormat(tt.in)
			if !tt.wantErr {
				if err != nil || got != tt.want {
					t.Errorf("ParseFormat(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("ParseFormat(%q) = %q, want an error", tt.in, got)
			}
			want := fmt.Sprintf("unknown export format %q: valid formats are markdown, anki, json", tt.in)
			if err.Error() != want {
				t.Errorf("error %q, want %q", err, want)
			}
			if code := exitcode.Of(err); code != exitcode.Usage {
				t.Errorf("error exits %d, want %d", code, exitcode.Usage)
			}
		})
	}
}

func TestTitle(t *testing.T) {
	q := func(deck string, id int) *bank.Question {
		return &bank.Question{ID: id, Deck: deck, Title: "Q?", Level: bank.Beginner}
	}
	tests := []struct {
		name  string
		qs    []*bank.Question
		level bank.Level
		want  string
	}{
		{"built-in deck", []*bank.Question{q("django", 1), q("django", 2)}, "", "Django interview questions"},
		{"one user deck", []*bank.Question{q("flask", 1), q("flask", 2)}, "", "Questions from the flask deck"},
		{"a deck named interview", []*bank.Question{q("interview", 1)}, "", "Questions from the interview deck"},
		{"built-in and a user deck", []*bank.Question{q("django", 1), q("flask", 1)}, "", "Questions from the django and flask decks"},
		{"two user decks", []*bank.Question{q("flask", 1), q("mine", 1)}, "", "Questions from the flask and mine decks"},
		{"three decks", []*bank.Question{q("django", 1), q("flask", 1), q("mine", 1)}, bank.Beginner, "Questions from the django, flask and mine decks (beginner)"},
		{"no questions", nil, "", "Django interview questions"},
		{"built-in deck with level", []*bank.Question{q("django", 1)}, bank.Advanced, "Django interview questions (advanced)"},
		{"one user deck with level", []*bank.Question{q("flask", 3)}, bank.Beginner, "Questions from the flask deck (beginner)"},
		{"mixed decks with level", []*bank.Question{q("flask", 1), q("django", 1)}, bank.Intermediate, "Questions from the django and flask decks (intermediate)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Title(tt.qs, tt.level); got != tt.want {
				t.Errorf("Title = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestWrite: each format is the same bytes as its writer called directly,
// and the level reaches the Markdown title.
func TestWrite(t *testing.T) {
	a := &bank.Question{ID: 1, Deck: "flask", Title: "What is a blueprint?", Level: bank.Beginner, Tags: []string{"apps"},
		Summary: "A set of routes.", Related: []int{2}, Docs: []string{"https://flask.palletsprojects.com/blueprints/"},
		Body: "A blueprint groups views.\n\n## Example\n\n```python\nbp = Blueprint(\"x\", __name__)\n```"}
	b := &bank.Question{ID: 2, Deck: "flask", Title: "What is the app context?", Level: bank.Beginner, Related: []int{1},
		Body: "It holds `current_app`."}
	qs := []*bank.Question{a, b}
	lookup := func(r bank.Ref) *bank.Question {
		for _, q := range qs {
			if q.Deck == r.Deck && q.ID == r.ID {
				return q
			}
		}
		return nil
	}
	direct := map[string]func(w *bytes.Buffer) error{
		"markdown": func(w *bytes.Buffer) error {
			return Markdown(w, "Questions from the flask deck (beginner)", qs, lookup)
		},
		"anki": func(w *bytes.Buffer) error {
			notes, err := Notes(qs)
			if err != nil {
				return err
			}
			return Anki(w, notes)
		},
		"json": func(w *bytes.Buffer) error { return JSON(w, qs) },
	}
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			write, ok := direct[format]
			if !ok {
				t.Fatalf("no direct writer for format %q", format)
			}
			var want, got bytes.Buffer
			if err := write(&want); err != nil {
				t.Fatal(err)
			}
			if err := Write(&got, format, qs, bank.Beginner, lookup); err != nil {
				t.Fatalf("Write: %v", err)
			}
			if got.Len() == 0 || !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("Write(%s) differs from the direct writer:\n got: %.300q\nwant: %.300q", format, got.String(), want.String())
			}
		})
	}
	if err := Write(&bytes.Buffer{}, "csv", qs, "", lookup); err == nil {
		t.Errorf("Write with an unknown format: no error")
	}
}

// TestAnkiDocsLinks: only http and https docs links become <a href> in an
// Anki note; a deck's javascript:, data: or file: link stays text.
func TestAnkiDocsLinks(t *testing.T) {
	tests := []struct {
		link, want string
	}{
		{"https://docs.djangoproject.com/en/stable/", `<li><a href="https://docs.djangoproject.com/en/stable/">https://docs.djangoproject.com/en/stable/</a></li>`},
		{"http://example.com/a?b=1&c=2", `<li><a href="http://example.com/a?b=1&amp;c=2">http://example.com/a?b=1&amp;c=2</a></li>`},
		{"javascript:alert(1)", `<li>javascript:alert(1)</li>`},
		{"JavaScript:alert(1)", `<li>JavaScript:alert(1)</li>`},
		{"data:text/html,<script>x</script>", `<li>data:text/html,&lt;script&gt;x&lt;/script&gt;</li>`},
		{"file:///etc/passwd", `<li>file:///etc/passwd</li>`},
		{"https:no-host", `<li>https:no-host</li>`},
	}
	for _, tt := range tests {
		t.Run(tt.link, func(t *testing.T) {
			q := &bank.Question{ID: 1, Deck: "mine", Title: "T?", Level: bank.Beginner, Body: "b", Docs: []string{tt.link}}
			notes, err := Notes([]*bank.Question{q})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(notes[0].Back, tt.want) {
				t.Errorf("back = %q, want it to contain %q", notes[0].Back, tt.want)
			}
			if !bank.IsWebLink(tt.link) && strings.Contains(notes[0].Back, "href") {
				t.Errorf("%q became a link: %s", tt.link, notes[0].Back)
			}
		})
	}
}

// TestHTMLLinkTargets: only web links and anchors stay clickable in the
// Anki export; autolinks to other schemes from an untrusted deck do not.
func TestHTMLLinkTargets(t *testing.T) {
	tests := []struct{ md, want, notWant string }{
		{"<javascript:alert(1)>", `href=""`, `href="javascript`},
		{"<JavaScript:alert(2)>", `href=""`, `href="JavaScript`},
		{"<vbscript:x>", `href=""`, `href="vbscript`},
		{"<data:text/html,x>", `href=""`, `href="data`},
		{"<file:///etc/passwd>", `href=""`, `href="file`},
		{"[l](javascript:alert(3))", `href=""`, `href="javascript`},
		{"<https://docs.djangoproject.com/>", `href="https://docs.djangoproject.com/"`, ""},
		{"[a](#x)", `href="#x"`, ""},
		{"<mailto:a@example.com>", `href="mailto:a@example.com"`, ""},
	}
	for _, tt := range tests {
		got, err := HTML(tt.md)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(got, tt.want) || tt.notWant != "" && strings.Contains(got, tt.notWant) {
			t.Errorf("HTML(%q) = %q, want %q and not %q", tt.md, got, tt.want, tt.notWant)
		}
	}
}
