package bank

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/djq-cli/djq/internal/sanitize"
)

// Problem is one thing wrong with a question file, located by line so that
// editors and `djq decks check` can jump to it.
type Problem struct {
	File string
	Line int
	Msg  string
	// Fatal problems make the question unusable; the others are reported by
	// checks but do not stop the question from loading.
	Fatal bool
}

// Error formats the problem as file:line: message. The file's name is
// shown through sanitize.Name: a deck can name a file with escapes in it.
func (p Problem) Error() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", sanitize.Name(p.File), p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", sanitize.Name(p.File), p.Msg)
}

// Problems is a list of problems that is itself an error.
type Problems []Problem

func (ps Problems) Error() string {
	msgs := make([]string, len(ps))
	for i, p := range ps {
		msgs[i] = p.Error()
	}
	return strings.Join(msgs, "\n")
}

// HasFatal reports whether any of the problems makes a question unusable.
func (ps Problems) HasFatal() bool {
	for _, p := range ps {
		if p.Fatal {
			return true
		}
	}
	return false
}

// keyDecoder decodes one front-matter value into q; it returns a message for
// a fatal problem, or "" when the value is acceptable. A list's decoder
// returns one message per bad item, joined by newlines, so that a check
// names every bad item at once.
type keyDecoder func(q *Question, v *yaml.Node) string

// decoders is the front-matter schema: one decoder per key a question file
// may have. Adding a key means adding one entry here.
var decoders = map[string]keyDecoder{
	"id": func(q *Question, v *yaml.Node) string {
		id, err := strconv.Atoi(strings.TrimSpace(v.Value))
		if v.Kind != yaml.ScalarNode || err != nil || id < 1 || id > maxID {
			return fmt.Sprintf("id must be a positive whole number, got %s", sanitize.Quote(v.Value))
		}
		q.ID = id
		return ""
	},
	"title":   textKey("title", func(q *Question) *string { return &q.Title }),
	"summary": textKey("summary", func(q *Question) *string { return &q.Summary }),
	"level": func(q *Question, v *yaml.Node) string {
		l, err := ParseLevel(v.Value)
		if v.Kind != yaml.ScalarNode || err != nil {
			return fmt.Sprintf("unknown level %s: valid levels are %s", sanitize.Quote(v.Value), strings.Join(LevelNames(), ", "))
		}
		q.Level = l
		return ""
	},
	"tags": func(q *Question, v *yaml.Node) string {
		items, ok := scalarList(v)
		if !ok {
			return "tags must be a list such as [orm, performance]"
		}
		return tagsKey(q, items)
	},
	"related": listKey("related must be a list of ids such as [11, 22]", func(q *Question, it string) string {
		id, err := strconv.Atoi(strings.TrimSpace(it))
		if err != nil || id < 1 || id > maxID {
			return fmt.Sprintf("related id %s is not a positive whole number", sanitize.Quote(it))
		}
		q.Related = append(q.Related, id)
		return ""
	}),
	"docs": listKey("docs must be a list of links", func(q *Question, it string) string {
		if it = strings.TrimSpace(it); it != "" {
			q.Docs = append(q.Docs, it)
		}
		return ""
	}),
	"asked": listKey(`asked must be a list of phrasings such as ["load related objects in one query"]`, func(q *Question, it string) string {
		if it = strings.Join(strings.Fields(it), " "); it != "" {
			q.Asked = append(q.Asked, it)
		}
		return ""
	}),
}

// knownKeyList names the keys in a fixed order, for the unknown-key message.
var knownKeyList = "id, title, level, tags, summary, asked, related, docs"

// textKey decodes a scalar into the string field at, folding runs of space.
func textKey(name string, at func(*Question) *string) keyDecoder {
	return func(q *Question, v *yaml.Node) string {
		if v.Kind != yaml.ScalarNode {
			return name + " must be text"
		}
		*at(q) = strings.Join(strings.Fields(v.Value), " ")
		return ""
	}
}

// listKey decodes a list of scalars (or one scalar) item by item; shape is
// the message for a value that is not such a list.
func listKey(shape string, item func(q *Question, it string) string) keyDecoder {
	return func(q *Question, v *yaml.Node) string {
		items, ok := scalarList(v)
		if !ok {
			return shape
		}
		var msgs []string
		for _, it := range items {
			if msg := item(q, it); msg != "" {
				msgs = append(msgs, msg)
			}
		}
		return strings.Join(msgs, "\n")
	}
}

// MaxFileSize bounds a question file; anything larger is refused rather than
// parsed, so a stray binary in a deck cannot stall every command.
const MaxFileSize = 1 << 20

// Parse reads one question file: YAML front matter between "---" lines,
// then the Markdown answer. It accepts CRLF line endings and a UTF-8 BOM.
// The question is returned even when there are non-fatal problems; it is nil
// when a problem is fatal.
func Parse(file string, data []byte) (*Question, Problems) {
	q, ps := parseAll(file, data)
	if ps.HasFatal() {
		return nil, ps
	}
	return q, ps
}

// parseAll is Parse that goes on past a fatal problem wherever the file
// can still be read, and returns what it made of the question (nil only
// when the front matter cannot be read at all): a deck check reports every
// problem of a file in one run, and the ids and related ids of a broken
// question still count in the checks across files.
func parseAll(file string, data []byte) (*Question, Problems) {
	p := &parser{file: file}
	lines, end := p.split(data)
	if end < 0 {
		return nil, p.ps
	}
	q := &Question{File: file}
	seen := p.frontMatter(q, strings.Join(lines[1:end], "\n"))
	if seen == nil {
		return nil, p.ps
	}
	bodyLines := lines[end+1:]
	q.BodyLine = end + 2
	for len(bodyLines) > 0 && strings.TrimSpace(bodyLines[0]) == "" {
		bodyLines = bodyLines[1:]
		q.BodyLine++
	}
	q.Body = strings.Join(bodyLines, "\n")
	// Sanitise before the emptiness checks: a title or answer made only of
	// escape sequences is empty.
	sanitizeQuestion(q)
	q.Title = strings.TrimSpace(q.Title)
	q.Body = strings.TrimRight(q.Body, " \t\n")
	p.validate(q, seen, end)
	p.checkLimits(q)
	return q, p.ps
}

// parser collects the problems of one file as it is read.
type parser struct {
	file string
	ps   Problems
}

func (p *parser) fatal(line int, format string, args ...any) {
	p.ps = append(p.ps, Problem{File: p.file, Line: line, Msg: fmt.Sprintf(format, args...), Fatal: true})
}

func (p *parser) warn(line int, format string, args ...any) {
	p.ps = append(p.ps, Problem{File: p.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// split checks size and encoding, normalises BOM and CRLF, and finds the
// closing front-matter line; end is -1 when the file cannot be used.
func (p *parser) split(data []byte) (lines []string, end int) {
	if len(data) > MaxFileSize {
		p.fatal(0, "file is larger than %d bytes", MaxFileSize)
		return nil, -1
	}
	if !utf8.Valid(data) {
		p.fatal(0, "file is not valid UTF-8")
		return nil, -1
	}
	text := string(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	text = strings.ReplaceAll(text, "\r\n", "\n")
	lines = strings.Split(text, "\n")
	if strings.TrimRight(lines[0], " \t") != "---" {
		p.fatal(1, "missing front matter: the file must start with a line '---'")
		return nil, -1
	}
	for i := 1; i < len(lines); i++ {
		if l := strings.TrimRight(lines[i], " \t"); l == "---" || l == "..." {
			return lines, i
		}
	}
	p.fatal(1, "front matter is not closed: add a line '---' after it")
	return nil, -1
}

// frontMatter decodes the YAML between the fences into q through the
// decoders table and returns the line of each key seen, or nil when the
// front matter is not a usable mapping.
func (p *parser) frontMatter(q *Question, fm string) map[string]int {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(fm), &doc); err != nil {
		p.fatal(yamlErrorLine(err)+1, "bad YAML in front matter: %s", yamlErrorMessage(err))
		return nil
	}
	if len(doc.Content) == 0 {
		p.fatal(2, "front matter is empty")
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		p.fatal(root.Line+1, "front matter must be a mapping of keys such as id, title and level")
		return nil
	}
	seen := map[string]int{}
	q.keyLines = map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		line := k.Line + 1 // +1 for the opening '---'
		if prev, dup := seen[k.Value]; dup {
			p.fatal(line, "%s is given twice (first on line %d)", sanitize.Echo(k.Value), prev)
			continue
		}
		seen[k.Value] = line
		decode, known := decoders[k.Value]
		if !known {
			p.warn(line, "unknown field %s (known: %s)", sanitize.Quote(k.Value), knownKeyList)
			continue
		}
		q.keyLines[k.Value] = line
		if msg := decode(q, v); msg != "" {
			for _, m := range strings.Split(msg, "\n") {
				p.fatal(line, "%s", m)
			}
		}
	}
	return seen
}

// validate reports the required keys that are missing or empty.
func (p *parser) validate(q *Question, seen map[string]int, end int) {
	if _, ok := seen["id"]; !ok {
		p.fatal(1, "missing id")
	}
	if line, ok := seen["title"]; ok && q.Title == "" {
		p.fatal(line, "title is empty")
	} else if !ok {
		p.fatal(1, "missing title")
	}
	if _, ok := seen["level"]; !ok {
		p.fatal(1, "missing level (one of %s)", strings.Join(LevelNames(), ", "))
	}
	if strings.TrimSpace(q.Body) == "" {
		p.fatal(end+1, "the answer (the Markdown after the front matter) is empty")
	}
}

// sanitizeQuestion strips terminal escape sequences and control
// characters from every text a question carries: decks are untrusted, and
// YAML escapes ("\e[31m", "\x1b", "\u001b") can produce them even when the
// file looks clean. Every text ends up in Markdown that glamour renders
// (the title as a heading, tags in the meta line, docs as links), and
// glamour decodes character references ("&#27;"), so each is sanitised as
// Markdown, not only as text.
func sanitizeQuestion(q *Question) {
	q.Title = sanitize.Markdown(q.Title)
	q.Summary = sanitize.Markdown(q.Summary)
	q.Body = sanitize.Markdown(q.Body)
	for _, list := range [][]string{q.Tags, q.Docs, q.Asked} {
		for i := range list {
			list[i] = sanitize.Markdown(list[i])
		}
	}
}

// scalarList accepts a YAML sequence of scalars, or a single scalar as a
// one-item list, which is what people write by hand.
func scalarList(n *yaml.Node) ([]string, bool) {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return nil, true
		}
		return []string{n.Value}, true
	case yaml.SequenceNode:
		out := make([]string, 0, len(n.Content))
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return nil, false
			}
			out = append(out, c.Value)
		}
		return out, true
	}
	return nil, false
}

// yamlErrorLine pulls the 1-based line out of a yaml.v3 error, 1 if none.
func yamlErrorLine(err error) int {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		return 1
	}
	msg := err.Error()
	if i := strings.Index(msg, "line "); i >= 0 {
		rest := msg[i+5:]
		j := 0
		for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
			j++
		}
		if n, err := strconv.Atoi(rest[:j]); err == nil {
			return n
		}
	}
	return 1
}

// yamlErrorMessage drops the "yaml: line N:" prefix, which Problem already
// carries as file:line.
func yamlErrorMessage(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if strings.HasPrefix(msg, "line ") {
		if i := strings.Index(msg, ": "); i >= 0 {
			msg = msg[i+2:]
		}
	}
	return strings.ReplaceAll(msg, "\n", " ")
}
