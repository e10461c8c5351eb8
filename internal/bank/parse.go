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

// Error formats the problem as file:line: message.
func (p Problem) Error() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
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

// First returns the first fatal problem, or the first problem when none is
// fatal, for one-line warnings.
func (ps Problems) First() Problem {
	for _, p := range ps {
		if p.Fatal {
			return p
		}
	}
	return ps[0]
}

// frontMatter mirrors the YAML keys a question file may have.
var knownKeys = map[string]bool{
	"id": true, "title": true, "level": true, "tags": true,
	"summary": true, "related": true, "docs": true,
}

// MaxFileSize bounds a question file; anything larger is refused rather than
// parsed, so a stray binary in a deck cannot stall every command.
const MaxFileSize = 1 << 20

// Parse reads one question file: YAML front matter between "---" lines,
// then the Markdown answer. It accepts CRLF line endings and a UTF-8 BOM.
// The question is returned even when there are non-fatal problems; it is nil
// when a problem is fatal.
func Parse(file string, data []byte) (*Question, Problems) {
	var ps Problems
	fatal := func(line int, format string, args ...any) {
		ps = append(ps, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...), Fatal: true})
	}
	warn := func(line int, format string, args ...any) {
		ps = append(ps, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	if len(data) > MaxFileSize {
		fatal(0, "file is larger than %d bytes", MaxFileSize)
		return nil, ps
	}
	if !utf8.Valid(data) {
		fatal(0, "file is not valid UTF-8")
		return nil, ps
	}
	text := string(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	text = strings.ReplaceAll(text, "\r\n", "\n")
	lines := strings.Split(text, "\n")
	if len(lines) == 0 || strings.TrimRight(lines[0], " \t") != "---" {
		fatal(1, "missing front matter: the file must start with a line '---'")
		return nil, ps
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if l := strings.TrimRight(lines[i], " \t"); l == "---" || l == "..." {
			end = i
			break
		}
	}
	if end < 0 {
		fatal(1, "front matter is not closed: add a line '---' after it")
		return nil, ps
	}
	q := &Question{File: file}
	var doc yaml.Node
	fm := strings.Join(lines[1:end], "\n")
	if err := yaml.Unmarshal([]byte(fm), &doc); err != nil {
		fatal(yamlErrorLine(err)+1, "bad YAML in front matter: %s", yamlErrorMessage(err))
		return nil, ps
	}
	seen := map[string]int{}
	if len(doc.Content) == 0 {
		fatal(2, "front matter is empty")
		return nil, ps
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		fatal(root.Line+1, "front matter must be a mapping of keys such as id, title and level")
		return nil, ps
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		line := k.Line + 1 // +1 for the opening '---'
		key := k.Value
		if prev, dup := seen[key]; dup {
			fatal(line, "%s is given twice (first on line %d)", key, prev)
			continue
		}
		seen[key] = line
		if knownKeys[key] {
			if q.keyLines == nil {
				q.keyLines = map[string]int{}
			}
			q.keyLines[key] = line
		}
		if !knownKeys[key] {
			warn(line, "unknown field %q (known: id, title, level, tags, summary, related, docs)", key)
			continue
		}
		switch key {
		case "id":
			id, err := strconv.Atoi(strings.TrimSpace(v.Value))
			if v.Kind != yaml.ScalarNode || err != nil || id < 1 || id > maxID {
				fatal(line, "id must be a positive whole number, got %q", v.Value)
				continue
			}
			q.ID = id
		case "title", "summary":
			if v.Kind != yaml.ScalarNode {
				fatal(line, "%s must be text", key)
				continue
			}
			val := strings.Join(strings.Fields(v.Value), " ")
			if key == "title" {
				q.Title = val
			} else {
				q.Summary = val
			}
		case "level":
			l, err := ParseLevel(v.Value)
			if v.Kind != yaml.ScalarNode || err != nil {
				fatal(line, "unknown level %q: valid levels are %s", v.Value, strings.Join(LevelNames(), ", "))
				continue
			}
			q.Level = l
		case "tags":
			items, ok := scalarList(v)
			if !ok {
				fatal(line, "tags must be a list such as [orm, performance]")
				continue
			}
			for _, t := range items {
				t = strings.ToLower(strings.TrimSpace(t))
				if t != "" && !contains(q.Tags, t) {
					q.Tags = append(q.Tags, t)
				}
			}
		case "related":
			items, ok := scalarList(v)
			if !ok {
				fatal(line, "related must be a list of ids such as [11, 22]")
				continue
			}
			for _, it := range items {
				id, err := strconv.Atoi(strings.TrimSpace(it))
				if err != nil || id < 1 || id > maxID {
					fatal(line, "related id %q is not a positive whole number", it)
					continue
				}
				q.Related = append(q.Related, id)
			}
		case "docs":
			items, ok := scalarList(v)
			if !ok {
				fatal(line, "docs must be a list of links")
				continue
			}
			for _, it := range items {
				if it = strings.TrimSpace(it); it != "" {
					q.Docs = append(q.Docs, it)
				}
			}
		}
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
	if _, ok := seen["id"]; !ok {
		fatal(1, "missing id")
	}
	if _, ok := seen["title"]; ok && q.Title == "" {
		fatal(seen["title"], "title is empty")
	} else if !ok {
		fatal(1, "missing title")
	}
	if _, ok := seen["level"]; !ok {
		fatal(1, "missing level (one of %s)", strings.Join(LevelNames(), ", "))
	}
	if strings.TrimSpace(q.Body) == "" {
		fatal(end+1, "the answer (the Markdown after the front matter) is empty")
	}
	if ps.HasFatal() {
		return nil, ps
	}
	return q, ps
}

// sanitizeQuestion strips terminal escape sequences and control
// characters from every text a question carries: decks are untrusted, and
// YAML escapes ("\e[31m") can produce them even when the file looks clean.
func sanitizeQuestion(q *Question) {
	q.Title = sanitize.Text(q.Title)
	q.Summary = sanitize.Text(q.Summary)
	q.Body = sanitize.Text(q.Body)
	for i := range q.Tags {
		q.Tags[i] = sanitize.Text(q.Tags[i])
	}
	for i := range q.Docs {
		q.Docs[i] = sanitize.Text(q.Docs[i])
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

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
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
