package decks

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/djq-cli/djq/data"
	"github.com/djq-cli/djq/internal/bank"
	"github.com/djq-cli/djq/internal/errkind"
	"github.com/djq-cli/djq/internal/output"
	"github.com/djq-cli/djq/internal/paths"
	"github.com/djq-cli/djq/internal/sanitize"
)

// Env is the user's decks in one environment: where they are found (the
// decks folder, decks.txt, $DJQ_DECKS, --deck folders), how folders are
// added, removed, created and checked, and how one deck is loaded (through
// the compact copy in the cache). It is the one owner of deck folders, so
// that library only selects questions and the command layer only wires.
// An Env is safe for concurrent use; make one per process with NewEnv.
type Env struct {
	paths  paths.Paths
	getenv func(string) string
	warn   io.Writer

	regWarned sync.Once

	fpMu sync.Mutex
	fps  map[string]string
}

// NewEnv returns the decks of the environment getenv reads (HOME, DJQ_*,
// XDG_*); warn (may be nil) gets one line per skipped file or folder.
func NewEnv(getenv func(string) string, warn io.Writer) *Env {
	return &Env{paths: paths.Resolve(getenv), getenv: getenv, warn: warn}
}

// Paths are djq's folders in this environment.
func (e *Env) Paths() paths.Paths { return e.paths }

func (e *Env) warnf(format string, args ...any) {
	if e.warn != nil {
		fmt.Fprintf(e.warn, "djq: %s\n", sanitize.Message(fmt.Sprintf(format, args...)))
	}
}

// Registry reads the list of deck folders added with `djq decks add`, in
// the config folder; with no config folder it is empty. Its warnings are
// printed once per Env.
func (e *Env) Registry() (*Registry, error) {
	if e.paths.Config == "" {
		return &Registry{}, nil
	}
	reg, err := ReadRegistry(filepath.Join(e.paths.Config, RegistryFile))
	if err == nil {
		e.regWarned.Do(func() {
			for _, w := range reg.Warnings {
				e.warnf("skipping %s", w)
			}
		})
	}
	return reg, err
}

// Locate finds the user's decks without loading them: the decks folder,
// the added folders, $DJQ_DECKS, and the --deck values in sel that name
// folders. A folder that cannot be used is a warning, not an error.
func (e *Env) Locate(sel []string) ([]Location, error) {
	var folders []string
	for _, a := range sel {
		if IsPath(a) {
			folders = append(folders, e.ExpandHome(a))
		}
	}
	reg, err := e.Registry()
	if err != nil {
		e.warnf("skipping the list of added decks: %v", err)
		reg = &Registry{}
	}
	locs, warnings, err := Locate(Sources{
		DataDir: e.paths.Data,
		EnvList: e.getenv("DJQ_DECKS"),
		Flags:   folders,
		Added:   reg.Folders,
	})
	for _, w := range warnings {
		e.warnf("skipping %v", w)
	}
	return locs, err
}

// ExpandHome expands a leading ~ in a --deck folder as a shell would,
// leaving anything it cannot expand as it is (the folder is then reported
// missing). Commands that create or record a folder use the stricter
// homePath.
func (e *Env) ExpandHome(p string) string {
	home := e.getenv("HOME")
	if home != "" && (p == "~" || strings.HasPrefix(p, "~/")) {
		return filepath.Join(home, strings.TrimPrefix(p, "~"))
	}
	return p
}

// Add records a deck folder in the config folder's decks.txt, so that
// every later run finds it; added is false when it was there already.
// A folder that is not one, or no config folder, is a usage error.
func (e *Env) Add(folder string) (name, abs string, added bool, err error) {
	if folder, err = e.homePath(folder); err != nil {
		return "", "", false, err
	}
	if err := IsFolder(folder, "add"); err != nil {
		return "", "", false, err
	}
	if why := e.addProblem(folder); why != "" {
		return "", "", false, errkind.Usagef("cannot add %s: %s", sanitize.Quote(folder), why)
	}
	if e.paths.Config == "" {
		return "", "", false, errkind.Usagef("no config folder to record the deck in: set DJQ_CONFIG_DIR (or HOME), or use $DJQ_DECKS")
	}
	reg, err := e.Registry()
	if err != nil {
		return "", "", false, err
	}
	if abs, added, err = reg.Add(folder); err != nil {
		return "", "", false, fmt.Errorf("recording deck in %s: %w", reg.Path, err)
	}
	return filepath.Base(abs), abs, added, nil
}

// AddedMessage is what `djq decks add ARG` says when Add returned name,
// abs and added: the deck added and how to use it, or that it was there.
func AddedMessage(arg, name, abs string, added bool) string {
	if !added {
		return fmt.Sprintf("deck folder %s is already added\n", sanitize.Name(arg))
	}
	return fmt.Sprintf("added deck %s (%s); try: djq list --deck %s\n", sanitize.Quote(name), sanitize.Name(abs), sanitize.Echo(name))
}

// addProblem says why folder cannot be added as a deck: the name rules
// and clashes of nameProblem, against the decks found without it.
func (e *Env) addProblem(folder string) string {
	locs, err := e.Locate(nil)
	if err != nil {
		return ""
	}
	return nameProblem(absBase(folder), folder, locs)
}

// absBase is the name of folder dir, "." and ".." resolved: the deck
// name it would have.
func absBase(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		return filepath.Base(abs)
	}
	return filepath.Base(filepath.Clean(dir))
}

// Remove forgets an added deck by name (or folder) and returns its
// folder, which is left untouched. A name that was never added is a usage
// error that lists the added decks.
func (e *Env) Remove(name string) (string, error) {
	reg, err := e.Registry()
	if err != nil {
		return "", err
	}
	removed, err := reg.Remove(name)
	if err != nil {
		return "", fmt.Errorf("updating %s: %w", reg.Path, err)
	}
	if removed != "" {
		return removed, nil
	}
	var names []string
	for _, p := range reg.Folders {
		names = append(names, filepath.Base(p))
	}
	if len(names) == 0 {
		return "", errkind.Usagef("unknown added deck %s: no deck folders were added with djq decks add", sanitize.Quote(name))
	}
	return "", errkind.Usagef("unknown added deck %s: added decks are %s", sanitize.Quote(name), strings.Join(names, ", "))
}

// Create makes a deck from the example (New) in the decks folder or at the
// folder given, with a leading ~/ expanded.
func (e *Env) Create(arg string) (Created, error) {
	dir, err := e.homePath(arg)
	if err != nil {
		return Created{}, err
	}
	return New(dir, e.paths.Data)
}

// Check reads every question file of a deck and returns the folder, the
// number of questions and every problem. The deck is named as --deck names
// one: "django" (the built-in deck, whose files are checked as well), the
// name of a deck found with the --deck values sel, or a folder. An unknown
// name is the same usage error every command gives for it, and a folder
// that is not one is a usage error too. A folder whose name is taken (the
// built-in deck's, or another deck's) is a problem of the check: commands
// leave it out with a warning.
func (e *Env) Check(nameOrDir string, sel []string, progress func(done, total int)) (dir string, questions int, problems bank.Problems, err error) {
	locs, err := e.Locate(sel)
	if err != nil {
		return "", 0, nil, err
	}
	if nameOrDir == bank.DefaultDeck {
		d, ps := bank.LoadDeckWith(data.Questions, data.QuestionsDir, bank.DefaultDeck, BuiltinPath, progress)
		return bank.DefaultDeck + " " + BuiltinPath, len(d.Questions), ps, nil
	}
	if !IsPath(nameOrDir) {
		i := slices.IndexFunc(locs, func(l Location) bool { return l.Name == nameOrDir })
		if i < 0 {
			return "", 0, nil, e.unknownDeck(nameOrDir, locs)
		}
		d, ps := read(locs[i], progress)
		return locs[i].Path, len(d.Questions), ps, nil
	}
	dir = e.ExpandHome(nameOrDir)
	if err := IsFolder(dir, "check"); err != nil {
		return "", 0, nil, err
	}
	name := absBase(dir)
	d, problems := read(Location{Name: name, Path: dir}, progress)
	if why := nameProblem(name, dir, locs); why != "" {
		problems = append(bank.Problems{{File: dir, Msg: why, Fatal: true}}, problems...)
	}
	return dir, len(d.Questions), problems, nil
}

// unknownDeck is the error for a deck name that names no deck, with a
// pointer to the folder of that name when there is one here.
func (e *Env) unknownDeck(name string, locs []Location) error {
	known := []string{bank.DefaultDeck}
	for _, l := range locs {
		known = append(known, l.Name)
	}
	slices.Sort(known[1:])
	err := error(&bank.UnknownDeckError{Name: name, Known: known})
	if st, serr := os.Stat(name); serr == nil && st.IsDir() {
		return errkind.Usagef("%w; for the folder %s give its path: ./%s", err, sanitize.Quote(name), sanitize.Echo(name))
	}
	return err
}

// nameProblem says why the deck folder dir cannot be used as a deck under
// its name: the name is not a deck name, or the built-in deck or one of
// the decks found (locs) already has it; "" when it can.
func nameProblem(name, dir string, locs []Location) string {
	if !bank.ValidDeckName(name) {
		return fmt.Sprintf("its name %s is not a valid deck name (letters, digits, '-', '_', '.')", sanitize.Quote(name))
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	prev := ""
	if name == bank.DefaultDeck {
		prev = BuiltinPath
	}
	for _, l := range locs {
		if l.Name == name && prev == "" {
			prev = l.Path
		}
	}
	if err := NameClash(name, abs, prev); err != nil {
		return err.Error()
	}
	return ""
}

// FolderSource is a list of deck folders and where it was given: the data
// behind one "decks" line of `djq paths` beyond the decks folder itself.
type FolderSource struct {
	Folders []string
	// Env is the variable that gives them (DJQ_DECKS), or "" for the
	// folders added with djq decks add.
	Env string
	// File is the file that lists them (decks.txt), when Env is "".
	File string
}

// Folders lists djq's folders with the variable that moves each and
// whether it exists (stateFile is the quiz progress file's name in the
// state folder), and the deck folders that come from $DJQ_DECKS and from
// djq decks add.
func (e *Env) Folders(stateFile string) (rows []output.Path, sources []FolderSource) {
	p := e.paths
	join := func(dir, name string) string {
		if dir == "" {
			return ""
		}
		return filepath.Join(dir, name)
	}
	rows = []output.Path{
		{Name: "cache", Path: p.Cache, Env: "DJQ_CACHE_DIR"},
		{Name: "state", Path: join(p.State, stateFile), Env: "DJQ_STATE_DIR"},
		{Name: "config", Path: p.Config, Env: "DJQ_CONFIG_DIR"},
		{Name: "decks", Path: join(p.Data, "decks"), Env: "DJQ_DATA_DIR"},
	}
	for i := range rows {
		if rows[i].Path != "" {
			_, err := os.Stat(rows[i].Path)
			rows[i].Exists = err == nil
		}
	}
	if env := e.getenv("DJQ_DECKS"); env != "" {
		sources = append(sources, FolderSource{Folders: filepath.SplitList(env), Env: "DJQ_DECKS"})
	}
	if reg, err := e.Registry(); err == nil && len(reg.Folders) > 0 {
		sources = append(sources, FolderSource{Folders: reg.Folders, File: RegistryFile})
	}
	return rows, sources
}

// homePath expands a leading ~/ in a folder argument as a shell would; a
// quoted '~/x' reaches djq as it is, and a folder literally named "~" in
// the current folder is never what was meant. ~user is refused, as is ~
// without HOME.
func (e *Env) homePath(p string) (string, error) {
	if !strings.HasPrefix(p, "~") {
		return p, nil
	}
	if p != "~" && !strings.HasPrefix(p, "~/") && !strings.HasPrefix(p, "~"+string(os.PathSeparator)) {
		return "", errkind.Usagef("cannot use the folder %s: only a leading ~/ is expanded; give the folder's full path", sanitize.Quote(p))
	}
	home := e.getenv("HOME")
	if home == "" {
		return "", errkind.Usagef("cannot expand ~ in %s: HOME is not set; give the folder's full path", sanitize.Quote(p))
	}
	return filepath.Join(home, p[1:]), nil
}
