package bank

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/djq-cli/djq/internal/errkind"
	"github.com/djq-cli/djq/internal/sanitize"
	"github.com/djq-cli/djq/internal/textdist"
)

// Deck is a named set of questions read from one folder.
type Deck struct {
	Name string
	// Path is where the deck was read from: a folder for user decks,
	// "(built in)" for the embedded bank.
	Path      string
	Questions []*Question

	byID   map[int]*Question
	loader func() (*Deck, Problems)
	once   sync.Once
}

func (d *Deck) index() {
	d.byID = make(map[int]*Question, len(d.Questions))
	for _, q := range d.Questions {
		d.byID[q.ID] = q
	}
}

// LoadDeck reads every *.md file directly inside dir of fsys as a question
// of the deck name; anything that is not a regular file is skipped (see
// readDeckFile), and user decks come through an os.Root so that no link
// leads out of the folder. A file with a fatal problem is skipped and its problems
// returned; the rest of the deck still loads. Problems across files (a
// duplicate id, a related id that does not exist) are returned too, every
// one of them in one pass: a broken file's ids still count as existing
// and its related ids are still checked, so fixing one problem never
// uncovers another. Problems come sorted by file and line.
func LoadDeck(fsys fs.FS, dir, name, displayPath string) (*Deck, Problems) {
	return LoadDeckWith(fsys, dir, name, displayPath, nil)
}

// LoadDeckWith is LoadDeck telling progress (if not nil) how many files
// are read of how many, every 100 files and at the end.
func LoadDeckWith(fsys fs.FS, dir, name, displayPath string, progress func(done, total int)) (*Deck, Problems) {
	if progress == nil {
		progress = func(int, int) {}
	}
	d := &Deck{Name: name, Path: displayPath}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return d, Problems{{File: displayPath, Msg: fmt.Sprintf("cannot read deck: %v", err), Fatal: true}}
	}
	var ps Problems
	var broken []*Question
	byID := map[int]*Question{}
	for i, e := range entries {
		if i%100 == 99 {
			progress(i+1, len(entries))
		}
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") || strings.EqualFold(e.Name(), "README.md") {
			continue
		}
		file := path.Join(dir, e.Name())
		shown := joinDisplay(displayPath, e.Name())
		data, why := readDeckFile(fsys, file)
		if why != "" {
			ps = append(ps, Problem{File: shown, Msg: why, Fatal: true})
			continue
		}
		q, qps := parseAll(shown, data)
		ps = append(ps, qps...)
		if q == nil {
			continue
		}
		q.Deck = name
		if qps.HasFatal() {
			broken = append(broken, q)
			continue
		}
		if prev, dup := byID[q.ID]; dup {
			ps = append(ps, Problem{File: shown, Line: q.Line("id"), Msg: fmt.Sprintf("duplicate id %d (also in %s)", q.ID, prev.File), Fatal: true})
			continue
		}
		byID[q.ID] = q
		d.Questions = append(d.Questions, q)
	}
	progress(len(entries), len(entries))
	sort.Slice(d.Questions, func(i, j int) bool { return d.Questions[i].ID < d.Questions[j].ID })
	ps = append(ps, checkRelated(name, append(slices.Clone(d.Questions), broken...), byID, broken)...)
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].File != ps[j].File {
			return ps[i].File < ps[j].File
		}
		return ps[i].Line < ps[j].Line
	})
	return d, ps
}

// checkRelated reports every related id of qs that names no question of
// the deck, nor a question whose file is broken (that file has its own
// problems; calling its id unknown would send the user the wrong way).
func checkRelated(deck string, qs []*Question, byID map[int]*Question, broken []*Question) Problems {
	ids := maps.Clone(byID)
	for _, b := range broken {
		if b.ID > 0 && ids[b.ID] == nil {
			ids[b.ID] = b
		}
	}
	exists := func(id int) bool { return ids[id] != nil }
	var ps Problems
	for _, q := range qs {
		for _, r := range q.Related {
			switch {
			case r == q.ID:
				ps = append(ps, Problem{File: q.File, Line: q.Line("related"), Msg: fmt.Sprintf("related lists the question's own id %d", r)})
			case !exists(r):
				ps = append(ps, Problem{File: q.File, Line: q.Line("related"), Msg: fmt.Sprintf("unknown related id %d: deck %s has %s", r, deck, describeIDs(ids))})
			}
		}
	}
	return ps
}

// describeIDs names a deck's ids as ranges ("ids 1-3, 5"), the first few
// only, for the message that says which related ids would be valid.
func describeIDs(byID map[int]*Question) string {
	if len(byID) == 0 {
		return "no questions"
	}
	ids := make([]int, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	const maxRanges = 5
	var parts []string
	for i := 0; i < len(ids); {
		j := i
		for j+1 < len(ids) && ids[j+1] == ids[j]+1 {
			j++
		}
		if len(parts) == maxRanges {
			parts = append(parts, "…")
			break
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d-%d", ids[i], ids[j]))
		} else {
			parts = append(parts, fmt.Sprint(ids[i]))
		}
		i = j + 1
	}
	noun := "ids"
	if len(ids) == 1 {
		noun = "only id"
	}
	return noun + " " + strings.Join(parts, ", ")
}

func joinDisplay(dir, name string) string {
	if dir == "" || strings.HasPrefix(dir, "(") {
		return name
	}
	return path.Join(dir, name)
}

// LazyDeck is a deck whose files are read the first time a command needs
// them, so that `djq show 35` does not parse a 10,000-question user deck.
func LazyDeck(name, displayPath string, load func() (*Deck, Problems)) *Deck {
	return &Deck{Name: name, Path: displayPath, loader: load}
}

// Bank is every question djq knows, across decks, in a stable order: the
// built-in deck first, then user decks by name, each by id. Decks load on
// first use; problems found while loading go to OnProblems.
type Bank struct {
	decks      []*Deck
	deckByName map[string]*Deck

	// OnProblems receives the problems of each deck as it loads.
	OnProblems func(Problems)

	mu        sync.Mutex
	all       []*Question
	allLoaded bool
}

// New builds a bank from decks. Two decks with the same name are an error
// that names both paths.
func New(decks ...*Deck) (*Bank, error) {
	b := &Bank{deckByName: map[string]*Deck{}}
	for _, d := range decks {
		if prev, ok := b.deckByName[d.Name]; ok {
			return nil, fmt.Errorf("two decks are named %q: %s and %s (rename one folder)", d.Name, sanitize.Name(prev.Path), sanitize.Name(d.Path))
		}
		b.deckByName[d.Name] = d
		b.decks = append(b.decks, d)
	}
	sort.SliceStable(b.decks, func(i, j int) bool {
		if (b.decks[i].Name == DefaultDeck) != (b.decks[j].Name == DefaultDeck) {
			return b.decks[i].Name == DefaultDeck
		}
		return b.decks[i].Name < b.decks[j].Name
	})
	return b, nil
}

// load reads a lazy deck once.
func (b *Bank) load(d *Deck) *Deck {
	d.once.Do(func() {
		if d.loader == nil {
			d.index()
			return
		}
		loaded, ps := d.loader()
		d.Questions = loaded.Questions
		d.index()
		if len(ps) > 0 && b.OnProblems != nil {
			b.OnProblems(ps)
		}
	})
	return d
}

// Decks returns the decks in display order, loaded.
func (b *Bank) Decks() []*Deck {
	for _, d := range b.decks {
		b.load(d)
	}
	return b.decks
}

// Deck returns the deck called name, loaded, or nil.
func (b *Bank) Deck(name string) *Deck {
	d := b.deckByName[name]
	if d == nil {
		return nil
	}
	return b.load(d)
}

// Questions returns every question in display order, loading every deck.
// Callers must not modify the slice.
func (b *Bank) Questions() []*Question {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.allLoaded {
		for _, d := range b.decks {
			b.all = append(b.all, b.load(d).Questions...)
		}
		b.allLoaded = true
	}
	return b.all
}

// Get returns the question a ref names, or an error that says what exists.
// Only the ref's deck is loaded.
func (b *Bank) Get(r Ref) (*Question, error) {
	d := b.deckByName[r.Deck]
	if d == nil {
		return nil, &UnknownDeckError{Name: r.Deck, Known: b.DeckNames()}
	}
	if q := b.load(d).byID[r.ID]; q != nil {
		return q, nil
	}
	return nil, &NotFoundError{Ref: r, Deck: d}
}

// GetEach returns the questions that refs name, in their order, and the
// error of each ref that names none (djq show 21 999 35 prints two
// answers and reports 999).
func (b *Bank) GetEach(refs []Ref) (qs []*Question, missing []error) {
	for _, r := range refs {
		q, err := b.Get(r)
		if err != nil {
			missing = append(missing, err)
			continue
		}
		qs = append(qs, q)
	}
	return qs, missing
}

// Lookup finds a question by ref, or nil; it is what renderers and
// exporters use to title "Related questions" and "See also" lines.
type Lookup func(Ref) *Question

// Lookup returns the question r names, or nil when there is none.
func (b *Bank) Lookup(r Ref) *Question {
	q, _ := b.Get(r)
	return q
}

// DeckNames lists the deck names in display order.
func (b *Bank) DeckNames() []string {
	names := make([]string, len(b.decks))
	for i, d := range b.decks {
		names[i] = d.Name
	}
	return names
}

// Tags returns every tag used in the bank, sorted.
func (b *Bank) Tags() []string {
	set := map[string]bool{}
	for _, q := range b.Questions() {
		for _, t := range q.Tags {
			set[t] = true
		}
	}
	tags := make([]string, 0, len(set))
	for t := range set {
		tags = append(tags, t)
	}
	slices.Sort(tags)
	return tags
}

// Filter selects questions. Zero fields match everything.
type Filter struct {
	// Decks restricts to these decks; empty means all.
	Decks []string
	Level Level
	Tag   string
}

// Match reports whether q passes the filter.
func (f Filter) Match(q *Question) bool {
	if len(f.Decks) > 0 && !slices.Contains(f.Decks, q.Deck) {
		return false
	}
	if f.Level != "" && q.Level != f.Level {
		return false
	}
	if f.Tag != "" && !q.HasTag(f.Tag) {
		return false
	}
	return true
}

// Select returns the questions that pass f, in display order. A filter on
// decks loads only those decks.
func (b *Bank) Select(f Filter) []*Question {
	var pool []*Question
	if len(f.Decks) > 0 {
		for _, d := range b.decks {
			if slices.Contains(f.Decks, d.Name) {
				pool = append(pool, b.load(d).Questions...)
			}
		}
	} else {
		pool = b.Questions()
	}
	var out []*Question
	for _, q := range pool {
		if f.Match(q) {
			out = append(out, q)
		}
	}
	return out
}

// NotFoundError says that a well-formed ref names no question, and what the
// deck's ids are.
type NotFoundError struct {
	Ref  Ref
	Deck *Deck
}

// Kind makes a well-formed reference that names nothing a not-found error.
func (e *NotFoundError) Kind() errkind.Kind { return errkind.NotFound }

func (e *NotFoundError) Error() string {
	qs := e.Deck.Questions
	if len(qs) == 0 {
		return fmt.Sprintf("no question %s: deck %s is empty", e.Ref, e.Deck.Name)
	}
	first, last := qs[0].ID, qs[len(qs)-1].ID
	prefix := ""
	if e.Deck.Name != DefaultDeck {
		prefix = e.Deck.Name + ":"
	}
	hint := "see djq list"
	if prefix != "" {
		hint = "see djq list --deck " + e.Deck.Name
	}
	if last-first+1 == len(qs) {
		return fmt.Sprintf("no question %s: ids run from %s%d to %s%d (%s)", e.Ref, prefix, first, prefix, last, hint)
	}
	return fmt.Sprintf("no question %s: deck %s has %d questions with ids between %d and %d (%s)", e.Ref, e.Deck.Name, len(qs), first, last, hint)
}

// UnknownDeckError says that a ref or --deck names a deck that does not
// exist, and which do.
type UnknownDeckError struct {
	Name  string
	Known []string
}

// Kind makes an unknown deck a usage error, wherever it is named.
func (e *UnknownDeckError) Kind() errkind.Kind { return errkind.Usage }

func (e *UnknownDeckError) Error() string {
	hint := ""
	if near := textdist.Nearest(e.Name, e.Known); near != "" {
		hint = "did you mean " + near + "? "
	}
	return fmt.Sprintf("unknown deck %s: %sdecks are %s (see djq decks)", sanitize.Quote(e.Name), hint, strings.Join(e.Known, ", "))
}

// Fingerprint hashes the names and contents of the question files in dir,
// cheaply enough to run on every search: the search index cache is keyed by
// it, so any edit to a question rebuilds the index and nothing else does.
func Fingerprint(fsys fs.FS, dir string) (string, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		data, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", e.Name(), len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// TagCount is how many questions carry a tag, in all and per deck.
type TagCount struct {
	Tag    string         `json:"tag"`
	Count  int            `json:"count"`
	ByDeck map[string]int `json:"decks"`
}

// TagCounts counts the tags of qs, most used first (ties by name).
func TagCounts(qs []*Question) []TagCount {
	byTag := map[string]*TagCount{}
	for _, q := range qs {
		for _, t := range q.Tags {
			tc := byTag[t]
			if tc == nil {
				tc = &TagCount{Tag: t, ByDeck: map[string]int{}}
				byTag[t] = tc
			}
			tc.Count++
			tc.ByDeck[q.Deck]++
		}
	}
	out := make([]TagCount, 0, len(byTag))
	for _, tc := range byTag {
		out = append(out, *tc)
	}
	slices.SortFunc(out, func(a, b TagCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Tag, b.Tag)
	})
	return out
}
