package library

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/decks"
	"github.com/djq-cli/djq/internal/exitcode"
)

// fixture is a library over the built-in deck and one user deck, "mine",
// in the decks folder of a temporary data folder; every folder djq uses is
// under t.TempDir().
type fixture struct {
	root, deckDir string
	env           map[string]string
	warn          bytes.Buffer
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	root := t.TempDir()
	fx := &fixture{root: root, env: map[string]string{
		"HOME":           filepath.Join(root, "home"),
		"DJQ_CACHE_DIR":  filepath.Join(root, "cache"),
		"DJQ_STATE_DIR":  filepath.Join(root, "state"),
		"DJQ_CONFIG_DIR": filepath.Join(root, "config"),
		"DJQ_DATA_DIR":   filepath.Join(root, "data"),
	}}
	fx.deckDir = filepath.Join(root, "data", "decks", "mine")
	if _, err := decks.Scaffold(fx.deckDir, "mine"); err != nil {
		t.Fatal(err)
	}
	return fx
}

func (fx *fixture) lib(sel ...string) *Library {
	return New(Options{Getenv: func(k string) string { return fx.env[k] }, Warn: &fx.warn, Select: sel})
}

func TestSelect(t *testing.T) {
	fx := newFixture(t)
	for _, tt := range []struct {
		name       string
		sel        []string
		level, tag string
		code       int    // exit code of the error, 0 for none
		msg        string // part of the error message
		onlyDeck   string // every question is of this deck
		wantLevel  bank.Level
	}{
		{name: "everything", code: 0},
		{name: "one level", level: "advanced", wantLevel: bank.Advanced},
		{name: "a level in any case", level: "Beginner", wantLevel: bank.Beginner},
		{name: "the built-in deck", sel: []string{"django"}, onlyDeck: "django"},
		{name: "a user deck by name", sel: []string{"mine"}, onlyDeck: "mine"},
		{name: "a user deck by folder", sel: []string{"PLACEHOLDER"}, onlyDeck: "mine"},
		{name: "unknown deck", sel: []string{"nosuch"}, code: 2, msg: `"nosuch"`},
		{name: "unknown level", level: "guru", code: 2, msg: "guru"},
		{name: "unknown tag", tag: "securty", code: 2, msg: "security"},
		{name: "nothing matches", sel: []string{"mine"}, level: "advanced", tag: "orm", code: 1, msg: "--deck mine --level advanced --tag orm"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			sel := tt.sel
			if len(sel) == 1 && sel[0] == "PLACEHOLDER" {
				sel = []string{fx.deckDir}
			}
			got, err := fx.lib(sel...).Select(tt.level, tt.tag)
			if code := exitcode.Of(err); code != tt.code {
				t.Fatalf("Select(%q, %q) exit code %d (%v), want %d", tt.level, tt.tag, code, err, tt.code)
			}
			if err != nil {
				if !strings.Contains(err.Error(), tt.msg) {
					t.Errorf("error %q does not say %q", err, tt.msg)
				}
				return
			}
			if len(got.Questions) == 0 || got.Bank == nil {
				t.Fatalf("Select returned no questions and no error")
			}
			for _, q := range got.Questions {
				if tt.onlyDeck != "" && q.Deck != tt.onlyDeck {
					t.Errorf("question %s is not of deck %s", q.Ref(), tt.onlyDeck)
				}
				if tt.wantLevel != "" && q.Level != tt.wantLevel {
					t.Errorf("question %s is %s, want %s", q.Ref(), q.Level, tt.wantLevel)
				}
			}
			if tt.wantLevel != "" && got.Filter.Level != tt.wantLevel {
				t.Errorf("Filter.Level = %q, want %q", got.Filter.Level, tt.wantLevel)
			}
		})
	}
}

func TestSearch(t *testing.T) {
	fx := newFixture(t)
	ctx := context.Background()
	for _, tt := range []struct {
		name  string
		sel   []string
		q     Query
		code  int
		msg   string
		first string // ref of the first hit
	}{
		{name: "an identifier", q: Query{Text: "select_related", Limit: 5}, first: "35"},
		{name: "a level restricts", q: Query{Text: "select_related", Level: "beginner", Limit: 50}},
		{name: "a tag of the index", q: Query{Text: "cache", Tag: "caching", Limit: 5}},
		{name: "an unknown tag is a usage error", q: Query{Text: "cache", Tag: "cachin", Limit: 5}, code: 2, msg: "caching"},
		{name: "an unknown level is a usage error", q: Query{Text: "cache", Level: "guru", Limit: 5}, code: 2, msg: "guru"},
		{name: "a malformed query is a usage error", q: Query{Text: "cache level:", Limit: 5}, code: 2, msg: "nothing after"},
		{name: "an unknown level in the query", q: Query{Text: "cache level:guru", Limit: 5}, code: 2, msg: "guru"},
		{name: "no hit says what to drop", sel: []string{"mine"}, q: Query{Text: "zzzqqq", Limit: 5}, code: 1, msg: "try without --deck mine"},
		{name: "no hit without filters", q: Query{Text: "zzzqqqxx", Limit: 5}, code: 1, msg: "try fewer or other words"},
		{name: "an unknown deck", sel: []string{"nosuch"}, q: Query{Text: "cache", Limit: 5}, code: 2, msg: "nosuch"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, err := fx.lib(tt.sel...).Search(ctx, tt.q)
			if code := exitcode.Of(err); code != tt.code {
				t.Fatalf("Search(%+v) exit code %d (%v), want %d", tt.q, code, err, tt.code)
			}
			if err != nil {
				if !strings.Contains(err.Error(), tt.msg) {
					t.Errorf("error %q does not say %q", err, tt.msg)
				}
				return
			}
			if tt.first != "" && res.Hits[0].Ref != tt.first {
				t.Errorf("first hit %s, want %s", res.Hits[0].Ref, tt.first)
			}
			if len(res.Hits) > tt.q.Limit {
				t.Errorf("%d hits, limit %d", len(res.Hits), tt.q.Limit)
			}
			if len(res.Hits) == 0 {
				t.Fatalf("Search(%+v) found nothing", tt.q)
			}
			for _, h := range res.Hits {
				if tt.q.Level != "" && h.Level != tt.q.Level {
					t.Errorf("hit %s is %s, want %s", h.Ref, h.Level, tt.q.Level)
				}
				if tt.q.Tag != "" && !slices.Contains(h.Tags, tt.q.Tag) {
					t.Errorf("hit %s has tags %v, want %s among them", h.Ref, h.Tags, tt.q.Tag)
				}
			}
		})
	}
}

func TestSuggestRef(t *testing.T) {
	fx := newFixture(t)
	refErr := errors.New("the plain reference error")
	for _, tt := range []struct {
		text string
		code int
		msg  string
	}{
		{"select_related", 2, "did you mean 35 "},
		{"zzzqqqxx", 2, "to look for text use djq search zzzqqqxx"},
		{"3x", 1, "the plain reference error"},
		{"mine:abc", 1, "the plain reference error"},
	} {
		t.Run(tt.text, func(t *testing.T) {
			err := fx.lib().SuggestRef(context.Background(), tt.text, refErr)
			if code := exitcode.Of(err); code != tt.code {
				t.Fatalf("exit code %d (%v), want %d", code, err, tt.code)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not say %q", err, tt.msg)
			}
		})
	}
}

func TestComplete(t *testing.T) {
	fx := newFixture(t)
	for _, tt := range []struct {
		prefix string
		want   string // one completion
		none   bool
	}{
		{prefix: "35", want: "35\tWhat is the difference between select_related and prefetch_related?"},
		{prefix: "mine:", want: "mine:1\t"},
		{prefix: "nosuch:", none: true},
	} {
		got, err := fx.lib().Complete(tt.prefix)
		if err != nil {
			t.Fatal(err)
		}
		if tt.none != (len(got) == 0) {
			t.Errorf("Complete(%q) = %q", tt.prefix, got)
		}
		found := tt.none
		for _, c := range got {
			if !strings.HasPrefix(c, tt.prefix) {
				t.Errorf("Complete(%q) offers %q", tt.prefix, c)
			}
			found = found || strings.HasPrefix(c, tt.want)
		}
		if !found {
			t.Errorf("Complete(%q) = %q, want one starting %q", tt.prefix, got, tt.want)
		}
	}
}
