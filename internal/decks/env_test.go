package decks

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/djq-cli/djq/internal/errkind"
)

// envFixture is an Env whose every folder is under t.TempDir(), with one
// scaffolded deck, "mine", in the decks folder.
type envFixture struct {
	root, deckDir string
	vars          map[string]string
	warn          bytes.Buffer
}

func newEnvFixture(t *testing.T) *envFixture {
	t.Helper()
	root := t.TempDir()
	fx := &envFixture{root: root, vars: map[string]string{
		"HOME":           filepath.Join(root, "home"),
		"DJQ_CACHE_DIR":  filepath.Join(root, "cache"),
		"DJQ_STATE_DIR":  filepath.Join(root, "state"),
		"DJQ_CONFIG_DIR": filepath.Join(root, "config"),
		"DJQ_DATA_DIR":   filepath.Join(root, "data"),
	}}
	fx.deckDir = filepath.Join(root, "data", "decks", "mine")
	if _, err := Scaffold(fx.deckDir, "mine"); err != nil {
		t.Fatal(err)
	}
	return fx
}

func (fx *envFixture) env() *Env {
	return NewEnv(func(k string) string { return fx.vars[k] }, &fx.warn)
}

func TestCheck(t *testing.T) {
	fx := newEnvFixture(t)
	broken := filepath.Join(fx.root, "broken")
	if err := os.MkdirAll(broken, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(broken, "1.md"), []byte("---\nid: 1\nlevel: guru\ntitle: What?\n---\n\nAn answer.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	django := filepath.Join(fx.root, "django")
	if _, err := Scaffold(django, "x"); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name     string
		arg      string
		kind     errkind.Kind
		dir      string
		problems int
	}{
		{name: "a folder", arg: fx.deckDir, dir: fx.deckDir},
		{name: "a known deck by name", arg: "mine", dir: fx.deckDir},
		{name: "a deck with problems", arg: broken, dir: broken, problems: 1},
		{name: "no such folder", arg: filepath.Join(fx.root, "nosuch"), kind: errkind.Usage},
		{name: "a name that is no deck", arg: "nosuch", kind: errkind.Usage},
		{name: "the built-in deck", arg: "django", dir: "django (built in)"},
		{name: "a folder named like the built-in deck", arg: django, dir: django, problems: 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir, n, problems, err := fx.env().Check(tt.arg, nil, nil)
			if err != nil || tt.kind != errkind.Failure {
				if k := errkind.Of(err); k != tt.kind || err == nil {
					t.Fatalf("error %v of kind %d, want kind %d", err, k, tt.kind)
				}
				return
			}
			if dir != tt.dir || len(problems) != tt.problems {
				t.Errorf("Check(%q) = %s, %d problems %v; want %s, %d problems", tt.arg, dir, len(problems), problems, tt.dir, tt.problems)
			}
			if tt.problems == 0 && n == 0 {
				t.Errorf("Check(%q) found no questions", tt.arg)
			}
		})
	}
}

func TestAddRemove(t *testing.T) {
	fx := newEnvFixture(t)
	other := filepath.Join(fx.root, "other")
	if _, err := Scaffold(other, "other"); err != nil {
		t.Fatal(err)
	}
	type step struct {
		op, arg string
		kind    errkind.Kind
		want    string // name added, or folder removed, or part of the error
		added   bool
	}
	for _, s := range []step{
		{op: "remove", arg: "other", kind: errkind.Usage, want: "no deck folders were added"},
		{op: "add", arg: other, want: "other", added: true},
		{op: "add", arg: other, want: "other", added: false},
		{op: "add", arg: filepath.Join(fx.root, "nosuch"), kind: errkind.Usage, want: "nosuch"},
		{op: "add", arg: "~other/x", kind: errkind.Usage, want: "only a leading ~/ is expanded"},
		{op: "remove", arg: "nosuch", kind: errkind.Usage, want: "added decks are other"},
		{op: "remove", arg: "other", want: other},
	} {
		var (
			got   string
			added bool
			err   error
		)
		if s.op == "add" {
			got, _, added, err = fx.env().Add(s.arg)
		} else {
			got, err = fx.env().Remove(s.arg)
		}
		if k := errkind.Of(err); k != s.kind || (err != nil) != (s.kind != errkind.Failure) {
			t.Fatalf("%s %s: error %v of kind %d, want kind %d", s.op, s.arg, err, k, s.kind)
		}
		if err != nil {
			if !strings.Contains(err.Error(), s.want) {
				t.Errorf("%s %s: error %q does not say %q", s.op, s.arg, err, s.want)
			}
			continue
		}
		if got != s.want || added != s.added {
			t.Errorf("%s %s = %q, added %v; want %q, %v", s.op, s.arg, got, added, s.want, s.added)
		}
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("removing the deck touched its folder: %v", err)
	}
	fx.vars["DJQ_CONFIG_DIR"], fx.vars["HOME"] = "", ""
	if _, _, _, err := fx.env().Add(other); errkind.Of(err) != errkind.Usage {
		t.Errorf("Add without a config folder: %v, want a usage error", err)
	}
}

func TestFolders(t *testing.T) {
	fx := newEnvFixture(t)
	fx.vars["DJQ_DECKS"] = "/somewhere/decks"
	rows, sources := fx.env().Folders("state.json")
	want := map[string]bool{"cache": false, "state": false, "config": false, "decks": true}
	for _, r := range rows {
		exists, ok := want[r.Name]
		if !ok || r.Exists != exists || !strings.HasPrefix(r.Path, fx.root) {
			t.Errorf("row %+v: want exists=%v under %s", r, exists, fx.root)
		}
	}
	if len(rows) != len(want) || len(sources) != 1 || sources[0].Env != "DJQ_DECKS" || strings.Join(sources[0].Folders, ",") != "/somewhere/decks" {
		t.Errorf("Folders() = %+v, %+v", rows, sources)
	}
	if _, _, _, err := fx.env().Add(fx.deckDir); err != nil {
		t.Fatal(err)
	}
	if _, sources = fx.env().Folders("state.json"); len(sources) != 2 || sources[1].File != RegistryFile || sources[1].Folders[0] != fx.deckDir {
		t.Errorf("Folders() after add: %+v", sources)
	}
}

// TestCheckUnknownName: decks check NAME says what every command says of
// an unknown deck, with a did-you-mean, and points at a folder of that
// name in the current folder.
func TestCheckUnknownName(t *testing.T) {
	fx := newEnvFixture(t)
	_, _, _, err := fx.env().Check("mien", nil, nil)
	if want := `unknown deck "mien": did you mean mine? decks are django, mine (see djq decks)`; err == nil || err.Error() != want {
		t.Errorf("Check(mien) = %v, want %s", err, want)
	}
	t.Chdir(fx.root)
	_, _, _, err = fx.env().Check("data", nil, nil)
	if want := `; for the folder "data" give its path: ./data`; err == nil || !strings.HasSuffix(err.Error(), want) || errkind.Of(err) != errkind.Usage {
		t.Errorf("Check(data) = %v, want it to end %s", err, want)
	}
}
