package cli

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/djq-cli/djq/internal/cmdutil"
	"github.com/djq-cli/djq/internal/iostreams"
)

// TestSearchMalformedQueries is the malformed-query matrix: every case
// gets a one-line error and exit 2, or is searched literally (exit 0 or 1),
// and never panics.
func TestSearchMalformedQueries(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"empty query", []string{"search"}, 2, "search needs a query"},
		{"blank query", []string{"search", "  "}, 2, "search needs a query"},
		{"field with no value", []string{"search", "title:"}, 2, `nothing after "title:"`},
		{"level with no value", []string{"search", "level:"}, 2, `nothing after "level:"`},
		{"unbalanced quote is searched literally", []string{"search", `"select related`}, 0, ""},
		{"lone plus", []string{"search", "+"}, 2, "no words"},
		{"lone minus word list", []string{"search", "-", "cache"}, 0, ""},
		{"5000 letters", []string{"search", strings.Repeat("a", 5000)}, 2, "too long (5000 bytes): at most 1000"},
		{"invalid UTF-8", []string{"search", "caf\xe9"}, 2, "not valid UTF-8"},
		{"control characters", []string{"search", "cache\x1b[31m"}, 0, ""},
		{"only stop words is the same mistake as a lone plus", []string{"search", "what", "is", "the"}, 2, "the query has no words to search for"},
		{"a single stop word", []string{"search", "the"}, 2, "the query has no words to search for"},
		{"exclusions alone", []string{"search", "-cache"}, 2, "the query has no words to search for"},
		{"negative limit names the value", []string{"search", "x", "--limit", "-1"}, 2, "invalid limit -1: use a number from 1 to 1000"},
		{"negative shorthand limit", []string{"search", "x", "-n", "-5"}, 2, "invalid limit -5"},
		{"--version is djq's flag, not a word", []string{"search", "--version"}, 2, "unknown flag: --version (see djq search --help)"},
		{"a filter that matches nothing says so, not try without", []string{"search", "zzzzqqqq", "--level", "advanced"}, 1, "(try fewer or other words, or djq list)"},
		{"no hits", []string{"search", "zzzzqqqq"}, 1, `no questions match "zzzzqqqq" (try fewer or other words, or djq list)`},
		{"no hits with a filter", []string{"search", "throttling", "--tag", "templates"}, 1, "try without --tag templates"},
		{"bad level flag", []string{"search", "cache", "--level", "expert"}, 2, `unknown level "expert"`},
		{"bad tag flag", []string{"search", "cache", "--tag", "nosuch"}, 2, `unknown tag "nosuch": tags are`},
		{"limit zero", []string{"search", "cache", "--limit", "0"}, 2, "invalid limit 0: use a number from 1 to 1000"},
		{"limit huge", []string{"search", "cache", "--limit", "100000"}, 2, "invalid limit 100000"},
		{"unknown level in query", []string{"search", "cache", "level:guru"}, 2, `unknown level "guru": valid levels are beginner, intermediate, advanced (in the query)`},
		{"unknown tag in query", []string{"search", "orm", "tag:securty"}, 2, `unknown tag "securty" in the query: did you mean tag:security?`},
		{"unknown deck in query", []string{"search", "orm", "deck:nosuch"}, 2, `unknown deck "nosuch" in the query: decks are django`},
		{"typo gets did you mean", []string{"search", "middlware"}, 0, `did you mean "middleware"?`},
		{"-word excludes, not a flag", []string{"search", "cache", "-template", "--limit", "3"}, 0, ""},
		{"-word that starts like a shorthand", []string{"search", "signals", "-level"}, 0, ""},
		{"shorthand with value", []string{"search", "-n2", "cache"}, 0, ""},
		{"--word that is not a flag is a query word", []string{"search", "check", "--deploy"}, 0, ""},
		{"a known long flag is still a flag", []string{"search", "cache", "--limit", "x"}, 2, `invalid value "x" for --limit`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(t, runOpts{}, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit = %d, want %d (stderr %q)", code, tt.wantCode, stderr)
			}
			if !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("stderr = %q, want %q", stderr, tt.wantErr)
			}
			if strings.Count(stderr, "\n") > 1 {
				t.Errorf("more than one line on stderr: %q", stderr)
			}
			if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine") {
				t.Errorf("panic: %s", stderr)
			}
		})
	}
}

func TestQueryArgs(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	root := NewRootCmd(NewFactory(ios))
	tests := []struct{ in, want string }{
		{"search cache -template --limit 3", "search cache --limit 3 -- -template"},
		{"search -n2 cache", "search -n2 cache"},
		{"search -n 2 cache -lol", "search -n 2 cache -- -lol"},
		{"search a -- -b", "search a -- -b"},
		{"search x --limit -1", "search x --limit -1"},
		{"search x -n -1 -cache", "search x -n -1 -- -cache"},
		{"search --help", "search --help"},
		{"search -h", "search -h"},
		{"search cache --version", "search cache --version"},
		{"list -l beginner", "list -l beginner"},
	}
	for _, tt := range tests {
		if got := strings.Join(cmdutil.QueryArgs(root, strings.Fields(tt.in)), " "); got != tt.want {
			t.Errorf("cmdutil.QueryArgs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSearchNeverSurprises covers what a search user reaches for: help
// flags show help, a query made only of filters lists what they select in
// bank order, and JSON with no match is an empty list.
func TestSearchNeverSurprises(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout []string // substrings, in order
		wantStderr string   // substring; "" means empty
	}{
		{"--help shows help", []string{"search", "--help"}, 0, []string{"Search every question", "Query syntax:"}, ""},
		{"-h shows help", []string{"search", "-h"}, 0, []string{"Search every question", "Usage:"}, ""},
		{"help after words shows help", []string{"search", "cache", "--help"}, 0, []string{"Query syntax:"}, ""},
		{"tag alone lists the tag in id order", []string{"search", "tag:orm", "--format", "json"}, 0, []string{`"id": 11,`, `"id": 21,`, `"id": 22,`}, ""},
		{"level alone", []string{"search", "level:advanced", "-n", "2", "--format", "json"}, 0, []string{`"id": 25,`, `"id": 26,`}, ""},
		{"tag with --level flag", []string{"search", "tag:orm", "--level", "advanced", "--format", "json"}, 0, []string{`"id": 25,`, `"id": 35,`}, ""},
		{"filters minus a word keeps bank order", []string{"search", "tag:orm", "-select_related", "-n", "3", "--format", "json"}, 0, []string{`"id": 12,`, `"id": 21,`}, ""},
		{"json with no match is an empty list", []string{"search", "zzzzqqqq", "--format", "json"}, 1, []string{"[]\n"}, "no questions match"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, runOpts{}, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit = %d, want %d (stderr %q)", code, tt.wantCode, stderr)
			}
			rest := stdout
			for _, w := range tt.wantStdout {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("stdout lacks %q (in order); stdout:\n%s", w, stdout)
				}
				rest = rest[i+len(w):]
			}
			if tt.wantStderr == "" && stderr != "" || !strings.Contains(stderr, tt.wantStderr) {
				t.Errorf("stderr = %q, want %q", stderr, tt.wantStderr)
			}
		})
	}
}

func TestSearchOutput(t *testing.T) {
	code, stdout, _ := run(t, runOpts{}, "search", "select_related")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	first := strings.SplitN(stdout, "\n", 2)[0]
	if !strings.HasPrefix(strings.TrimSpace(first), "35  advanced") {
		t.Errorf("first line = %q, want question 35 first", first)
	}
	if strings.ContainsRune(stdout, '\x1b') {
		t.Errorf("piped search output has escape codes")
	}

	code, stdout, _ = run(t, runOpts{tty: true, width: 80, env: map[string]string{"TERM": "xterm"}}, "search", "select_related")
	if code != 0 || !boldMatch.MatchString(stdout) {
		t.Errorf("terminal output does not bold the match:\n%q", stdout)
	}

	code, stdout, _ = run(t, runOpts{}, "search", "csrf", "--format", "json", "--limit", "3")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var hits []map[string]any
	if err := json.Unmarshal([]byte(stdout), &hits); err != nil {
		t.Fatal(err)
	}
	if len(hits) != 3 {
		t.Fatalf("got %d hits, want 3", len(hits))
	}
	for _, k := range []string{"id", "deck", "ref", "title", "level", "tags", "score", "snippet"} {
		if _, ok := hits[0][k]; !ok {
			t.Errorf("hit has no %q", k)
		}
	}
	if hits[0]["id"] != float64(44) {
		t.Errorf("csrf top hit = %v, want 44", hits[0]["id"])
	}
	if hits[0]["score"].(float64) < hits[1]["score"].(float64) {
		t.Errorf("hits are not best first")
	}
}

// boldMatch finds the matched word in bold, whichever reset form (ESC[m or
// ESC[0m) the styling library writes.
var boldMatch = regexp.MustCompile("\x1b\\[1mselect_related\x1b\\[0?m")

// TestDebugExplainsCache: DJQ_DEBUG=1 says which index a search opened or
// built, why, and how long it took.
func TestDebugExplainsCache(t *testing.T) {
	env := map[string]string{"DJQ_DEBUG": "1", "DJQ_CACHE_DIR": t.TempDir()}
	steps := []struct {
		args []string
		want []string
	}{
		{[]string{"search", "orm"}, []string{"deck django: no cached index for key", "copied the prebuilt index shipped with djq into"}},
		{[]string{"search", "orm"}, []string{"deck django: opened the cached index"}},
		{[]string{"search", "orm", "--no-cache"}, []string{"deck django: --no-cache, so a temporary index"}},
	}
	for _, s := range steps {
		code, _, stderr := run(t, runOpts{env: env}, s.args...)
		for _, w := range s.want {
			if code != 0 || !strings.Contains(stderr, w) {
				t.Errorf("djq %v: exit %d, stderr %q lacks %q", s.args, code, stderr, w)
			}
		}
	}
}
