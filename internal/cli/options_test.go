package cli

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/buildinfo"
	"github.com/djq-cli/djq/internal/cmdutil"
	"github.com/djq-cli/djq/internal/exitcode"
	"github.com/djq-cli/djq/internal/iostreams"
	"github.com/djq-cli/djq/internal/library"
	"github.com/djq-cli/djq/internal/render"
)

// builder makes one command whose runF stores the parsed options in *got.
type builder func(f *Factory, g *globals, got *any) *cobra.Command

// captured adapts a newXCmd to a builder: the command's runF (gh's test
// seam) captures the options instead of running.
func captured[O any](newCmd func(*Factory, *globals, func(*O) error) *cobra.Command) builder {
	return func(f *Factory, g *globals, got *any) *cobra.Command {
		return newCmd(f, g, func(o *O) error { *got = o; return nil })
	}
}

// parseArgs runs argv through a root that holds only the command b makes
// (with the persistent flags and djq's flag errors) and returns the options
// its runF captured, or the exit code and message of the usage error.
func parseArgs(t *testing.T, b builder, args []string) (opts any, code int, msg string) {
	t.Helper()
	root := t.TempDir()
	ios, _, _, _ := iostreams.Test()
	ios.SetEnv(map[string]string{
		"HOME": filepath.Join(root, "home"), "DJQ_CACHE_DIR": filepath.Join(root, "cache"),
		"DJQ_STATE_DIR": filepath.Join(root, "state"), "DJQ_CONFIG_DIR": filepath.Join(root, "config"),
		"DJQ_DATA_DIR": filepath.Join(root, "data"),
	})
	f := NewFactory(ios)
	cmd := newRoot(f, func(g *globals) *cobra.Command { return b(f, g, &opts) })
	cmd.SetArgs(cmdutil.QueryArgs(cmd, args))
	if err := cmd.ExecuteContext(context.Background()); err != nil {
		return nil, exitcode.Of(err), exitcode.Message(err)
	}
	if opts == nil {
		t.Fatalf("%q: runF was not called", args)
	}
	checkWired(t, opts, f)
	return normalize(opts), 0, ""
}

// checkWired asserts that the options carry their dependencies (streams,
// clock, library and store functions), so the run function needs no
// Factory.
func checkWired(t *testing.T, opts any, f *Factory) {
	t.Helper()
	v := reflect.ValueOf(opts).Elem()
	for i := range v.NumField() {
		if fld := v.Field(i); fld.Kind() == reflect.Func && fld.IsNil() {
			t.Errorf("%T.%s is not wired", opts, v.Type().Field(i).Name)
		}
	}
	c := v.FieldByName("Common").Interface().(Common)
	if c.IO != f.IO || c.Now == nil {
		t.Errorf("%T: Common carries IO %p and Now %v, want the factory's", opts, c.IO, c.Now != nil)
	}
}

// normalize keeps what argv decides: the fields of the options, with the
// dependencies cleared and of the render policy only its format.
func normalize(opts any) any {
	v := reflect.ValueOf(opts).Elem()
	cp := reflect.New(v.Type()).Elem()
	cp.Set(v)
	for i := range cp.NumField() {
		if fld := cp.Field(i); fld.Kind() == reflect.Func {
			fld.Set(reflect.Zero(fld.Type()))
		}
	}
	c := cp.FieldByName("Common").Addr().Interface().(*Common)
	*c = Common{Policy: render.Policy{Format: c.Policy.Format}, Pager: c.Pager, Decks: c.Decks, Quiet: c.Quiet}
	return cp.Addr().Interface()
}

// md is the Common of a run with no persistent flags, piped.
var md = Common{Policy: render.Policy{Format: render.FormatMarkdown}}

// withDecks is md with --deck values.
func withDecks(decks ...string) Common { c := md; c.Decks = decks; return c }

// TestArgvToOptions is gh's first table per command: argv in, the options
// the command's run function would get out, or the usage error. Every
// command has at least one case that reaches its runF.
func TestArgvToOptions(t *testing.T) {
	json := Common{Policy: render.Policy{Format: render.FormatJSON}}
	tests := []struct {
		name     string
		build    builder
		args     []string
		want     any    // normalized options; nil when an error is wanted
		wantCode int    // exit code of the usage error
		wantMsg  string // part of its message
	}{
		{name: "show refs", build: captured(newShowCmd), args: []string{"show", "35", "mine:2", "--deck", "./mine"},
			want: &ShowOptions{Common: withDecks("./mine"), Refs: []string{"35", "mine:2"}}},
		{name: "show pager flags", build: captured(newShowCmd), args: []string{"show", "35", "--no-pager", "--quiet"},
			want: &ShowOptions{Common: Common{Policy: md.Policy, Pager: iostreams.PagerNever, Quiet: true}, Refs: []string{"35"}}},
		{name: "show short", build: captured(newShowCmd), args: []string{"show", "35", "36", "-s"},
			want: &ShowOptions{Common: md, Refs: []string{"35", "36"}, Short: true}},
		{name: "show without refs", build: captured(newShowCmd), args: []string{"show"}, wantCode: 2, wantMsg: "show needs at least one question id"},
		{name: "show both pager flags", build: captured(newShowCmd), args: []string{"show", "35", "--pager", "--no-pager"}, wantCode: 2, wantMsg: "cannot be used together"},
		{name: "show bad format", build: captured(newShowCmd), args: []string{"show", "35", "--format", "yaml"}, wantCode: 2, wantMsg: `unknown format "yaml"`},

		{name: "list filters", build: captured(newListCmd), args: []string{"list", "-l", "advanced", "--tag", "orm"},
			want: &ListOptions{Common: md, Filter: filterFlags{Level: "advanced", Tag: "orm"}}},
		{name: "list as json", build: captured(newListCmd), args: []string{"ls", "--format", "json"}, want: &ListOptions{Common: json}},
		{name: "list summaries", build: captured(newListCmd), args: []string{"list", "--summary", "-t", "orm"},
			want: &ListOptions{Common: md, Filter: filterFlags{Tag: "orm"}, Summary: true}},
		{name: "list stray argument", build: captured(newListCmd), args: []string{"list", "orm"}, wantCode: 2, wantMsg: `unexpected argument "orm"`},

		{name: "random defaults", build: captured(newRandomCmd), args: []string{"random"}, want: &RandomOptions{Common: md, Count: 1}},
		{name: "random seeded", build: captured(newRandomCmd), args: []string{"random", "-n", "3", "--seed", "42", "-t", "orm"},
			want: &RandomOptions{Common: md, Filter: filterFlags{Tag: "orm"}, Count: 3, Seed: 42, SeedSet: true}},
		{name: "random verbose", build: captured(newRandomCmd), args: []string{"random", "-v", "--seed", "7"},
			want: &RandomOptions{Common: md, Count: 1, Seed: 7, SeedSet: true, Verbose: true}},
		{name: "random zero count", build: captured(newRandomCmd), args: []string{"random", "-n", "0"}, wantCode: 2, wantMsg: "invalid count 0: use a number from 1 to 10000"},
		{name: "random count not a number", build: captured(newRandomCmd), args: []string{"random", "-n", "x"}, wantCode: 2, wantMsg: `invalid value "x" for --count: use a whole number`},

		{name: "search words and flags", build: captured(newSearchCmd), args: []string{"search", "check", "--deploy", "-formset", "-n", "5", "--no-cache"},
			want: &SearchOptions{Common: md, Query: "check --deploy -formset", Limit: 5, NoCache: true}},
		{name: "search with level", build: captured(newSearchCmd), args: []string{"search", "how do I cache", "-l", "beginner"},
			want: &SearchOptions{Common: md, Query: "how do I cache", Filter: filterFlags{Level: "beginner"}, Limit: 10}},
		{name: "search without query", build: captured(newSearchCmd), args: []string{"search", " "}, wantCode: 2, wantMsg: "search needs a query"},
		{name: "search zero limit", build: captured(newSearchCmd), args: []string{"search", "orm", "-n", "0"}, wantCode: 2, wantMsg: "invalid limit 0"},

		{name: "decks list", build: captured(newDecksCmd), args: []string{"decks", "--deck", "mine"}, want: &DecksOptions{Common: withDecks("mine")}},
		{name: "decks check", build: captured(newDecksCmd), args: []string{"decks", "check", "./mine"}, want: &DecksOptions{Common: md, Arg: "./mine"}},
		{name: "decks new", build: captured(newDecksCmd), args: []string{"decks", "new", "mine"}, want: &DecksOptions{Common: md, Arg: "mine"}},
		{name: "decks add", build: captured(newDecksCmd), args: []string{"decks", "add", "~/mine"}, want: &DecksOptions{Common: md, Arg: "~/mine"}},
		{name: "decks remove", build: captured(newDecksCmd), args: []string{"decks", "remove", "mine"}, want: &DecksOptions{Common: md, Arg: "mine"}},
		{name: "decks add without folder", build: captured(newDecksCmd), args: []string{"decks", "add"}, wantCode: 2, wantMsg: "decks add needs one deck folder"},
		{name: "decks unknown subcommand", build: captured(newDecksCmd), args: []string{"decks", "chek"}, wantCode: 2, wantMsg: `did you mean check?`},

		{name: "export to a file", build: captured(newExportCmd), args: []string{"export", "-f", "anki", "-o", "out.txt", "-l", "beginner"},
			want: &ExportOptions{Common: md, Format: "anki", Output: "out.txt", Filter: filterFlags{Level: "beginner"}}},
		{name: "export defaults", build: captured(newExportCmd), args: []string{"export"}, want: &ExportOptions{Common: md, Format: "markdown"}},

		{name: "quiz plain", build: captured(newQuizCmd), args: []string{"quiz", "--plain", "-n", "2", "--seed", "1"},
			want: &QuizOptions{Common: md, Count: 2, Seed: 1, SeedSet: true, Plain: true}},
		{name: "quiz count too large", build: captured(newQuizCmd), args: []string{"quiz", "-n", "10001"}, wantCode: 2, wantMsg: "invalid count 10001"},

		{name: "stats", build: captured(newStatsCmd), args: []string{"stats", "--format", "json"}, want: &StatsOptions{Common: json}},
		{name: "stats reset", build: captured(newStatsCmd), args: []string{"stats", "--reset", "-y"}, want: &StatsOptions{Common: md, Reset: true, Yes: true}},

		{name: "paths", build: captured(newPathsCmd), args: []string{"paths"}, want: &PathsOptions{Common: md}},
		{name: "paths stray argument", build: captured(newPathsCmd), args: []string{"paths", "cache"}, wantCode: 2, wantMsg: "paths takes no arguments"},

		{name: "browse", build: captured(newBrowseCmd), args: []string{"browse", "-l", "advanced", "-q", "cache a view"},
			want: &BrowseOptions{Common: md, Filter: filterFlags{Level: "advanced"}, Query: "cache a view"}},

		{name: "version", build: captured(newVersionCmd), args: []string{"version", "--format", "json"}, want: &VersionOptions{Common: json, Build: buildinfo.Get()}},

		{name: "tags", build: captured(newTagsCmd), args: []string{"tags", "-l", "beginner"}, want: &TagsOptions{Common: md, Level: "beginner"}},

		{name: "open first link", build: captured(newOpenCmd), args: []string{"open", "35"}, want: &OpenOptions{Common: md, Ref: "35", Nth: 1}},
		{name: "open second link, printed", build: captured(newOpenCmd), args: []string{"open", "35", "2", "-p"}, want: &OpenOptions{Common: md, Ref: "35", Nth: 2, Print: true}},
		{name: "open all", build: captured(newOpenCmd), args: []string{"open", "mine:3", "--all"}, want: &OpenOptions{Common: md, Ref: "mine:3", Nth: 1, All: true}},
		{name: "open number and all", build: captured(newOpenCmd), args: []string{"open", "35", "2", "--all"}, wantCode: 2, wantMsg: "give a link number or --all, not both"},
		{name: "open bad number", build: captured(newOpenCmd), args: []string{"open", "35", "x"}, wantCode: 2, wantMsg: `invalid link number "x"`},
		{name: "open without ref", build: captured(newOpenCmd), args: []string{"open"}, wantCode: 2, wantMsg: "open needs a question"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, code, msg := parseArgs(t, tt.build, tt.args)
			if tt.want == nil {
				if code != tt.wantCode || !strings.Contains(msg, tt.wantMsg) {
					t.Fatalf("%q: exit %d %q, want exit %d with %q", tt.args, code, msg, tt.wantCode, tt.wantMsg)
				}
				return
			}
			if code != 0 {
				t.Fatalf("%q: exit %d %q", tt.args, code, msg)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%q:\n got  %+v\n want %+v", tt.args, got, tt.want)
			}
		})
	}
}

// fakeLib answers the narrow library interfaces from fixed values, so a
// run function is tested without decks, caches or an index.
type fakeLib struct {
	sel library.Selection
	err error
}

func (l fakeLib) Select(level, tag string) (library.Selection, error) { return l.sel, l.err }
func (l fakeLib) Bank() (*bank.Bank, error)                           { return l.sel.Bank, l.err }

// TestOptionsToOutput is gh's second table: options in (with fakes for the
// library and in-memory streams), output out, for run functions whose
// dependencies all come through their options.
func TestOptionsToOutput(t *testing.T) {
	q := &bank.Question{ID: 7, Deck: "mine", Title: "Why fake?", Level: bank.Beginner, Tags: []string{"orm", "testing"},
		Docs: []string{"https://docs.djangoproject.com/en/stable/topics/testing/"}, Body: "Because."}
	b, err := bank.New(&bank.Deck{Name: bank.DefaultDeck}, &bank.Deck{Name: "mine", Path: "/decks/mine", Questions: []*bank.Question{q}})
	if err != nil {
		t.Fatal(err)
	}
	lib := fakeLib{sel: library.Selection{Bank: b, Questions: []*bank.Question{q}}}
	failing := fakeLib{err: errors.New("deck unreadable")}
	tests := []struct {
		name       string
		run        func(c Common) error
		wantOut    string // substring of stdout
		wantErr    string
		wantStderr string
	}{
		{name: "tags counts the selection", run: func(c Common) error {
			return tagsRun(&TagsOptions{Common: c, Lib: func() selector { return lib }})
		}, wantOut: "orm"},
		{name: "list shows the selection", run: func(c Common) error {
			return listRun(&ListOptions{Common: c, Lib: func() selector { return lib }})
		}, wantOut: "Why fake?"},
		{name: "list passes the library's error on", run: func(c Common) error {
			return listRun(&ListOptions{Common: c, Lib: func() selector { return failing }})
		}, wantErr: "deck unreadable"},
		{name: "open prints the link", run: func(c Common) error {
			return openRun(&OpenOptions{Common: c, Ref: "mine:7", Nth: 1, Print: true, Lib: func() banker { return lib }})
		}, wantOut: "https://docs.djangoproject.com/en/stable/topics/testing/\n"},
		{name: "open past the last link", run: func(c Common) error {
			return openRun(&OpenOptions{Common: c, Ref: "mine:7", Nth: 2, Print: true, Lib: func() banker { return lib }})
		}, wantErr: "question mine:7 has 1 docs link: use a number from 1 to 1"},
		{name: "random says when fewer match", run: func(c Common) error {
			return randomRun(&RandomOptions{Common: c, Count: 3, Seed: 1, SeedSet: true, Lib: func() selector { return lib }})
		}, wantOut: "Why fake?", wantStderr: "djq: only 1 questions match; showing all of them\n"},
		{name: "version", run: func(c Common) error {
			return versionRun(&VersionOptions{Common: c, Build: buildinfo.Info{Version: "v9.9.9"}})
		}, wantOut: "v9.9.9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, out, errOut := iostreams.Test()
			c := md
			c.IO, c.Now = ios, time.Now
			err := tt.run(c)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out.String(), tt.wantOut) || errOut.String() != tt.wantStderr {
				t.Errorf("stdout %q (want %q in it), stderr %q (want %q)", out.String(), tt.wantOut, errOut.String(), tt.wantStderr)
			}
		})
	}
}
