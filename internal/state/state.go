// Package state keeps a person's quiz progress: each card's FSRS memory and
// a log of every grade. It lives in one JSON file written atomically (temp
// file, fsync, rename) under a file lock, so two quiz sessions at once lose
// no grade and a kill -9 mid-write leaves the previous valid file. The last
// good state is kept beside it as FILE.bak. A file that cannot be read is
// reported and never overwritten.
package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"

	"github.com/djq-cli/djq/internal/atomicfile"
	"github.com/djq-cli/djq/internal/fsrs"
)

// FileName is the state file inside the state folder.
const FileName = "state.json"

// Version is the state file format version.
const Version = 1

// Review is one grade given.
type Review struct {
	Card  string     `json:"card"` // "deck:id"
	Grade fsrs.Grade `json:"grade"`
	At    time.Time  `json:"at"`
}

// State is everything recorded.
type State struct {
	Version int                  `json:"version"`
	Cards   map[string]fsrs.Card `json:"cards"`
	Reviews []Review             `json:"reviews"`

	// extra and cardExtra are the fields this version does not know (a
	// newer djq's), written back unchanged; see extra.go.
	extra     map[string]json.RawMessage
	cardExtra map[string]map[string]json.RawMessage
}

// CardKey is how a card is keyed: by deck and id.
func CardKey(deck string, id int) string { return fmt.Sprintf("%s:%d", deck, id) }

// Store is the state file at a path.
type Store struct {
	Path string
}

// CorruptError says the state file exists but cannot be used. It names the
// file and how to restore the last good copy.
type CorruptError struct {
	Path   string
	Reason error
}

func (e *CorruptError) Error() string {
	msg := fmt.Sprintf("state file %s cannot be read (%v); djq left it unchanged", e.Path, e.Reason)
	if _, err := os.Stat(e.Path + ".bak"); err == nil {
		msg += fmt.Sprintf("; to restore the last good state: cp %s.bak %s", e.Path, e.Path)
	} else {
		msg += "; move it away to start afresh"
	}
	return msg
}

func (e *CorruptError) Unwrap() error { return e.Reason }

// Open returns the store in dir.
func Open(dir string) *Store { return &Store{Path: filepath.Join(dir, FileName)} }

// OpenIn is the quiz progress file in the state folder dir, or an error
// that says how to get one when there is no state folder (no
// DJQ_STATE_DIR, XDG_STATE_HOME or HOME).
func OpenIn(dir string) (*Store, error) {
	if dir == "" {
		return nil, fmt.Errorf("no folder to keep quiz progress in: set DJQ_STATE_DIR (or HOME)")
	}
	return Open(dir), nil
}

// Load reads the state; a missing file is an empty state.
func (s *Store) Load() (*State, error) {
	raw, err := os.ReadFile(s.Path)
	if errors.Is(err, os.ErrNotExist) {
		return empty(), nil
	}
	if err != nil {
		return nil, &CorruptError{Path: s.Path, Reason: err}
	}
	return decode(s.Path, raw)
}

func empty() *State { return &State{Version: Version, Cards: map[string]fsrs.Card{}} }

func decode(path string, raw []byte) (*State, error) {
	var st State
	if err := json.Unmarshal(raw, &st); err != nil {
		return nil, &CorruptError{Path: path, Reason: err}
	}
	if st.Version != Version {
		return nil, &CorruptError{Path: path, Reason: fmt.Errorf("unknown format version %d", st.Version)}
	}
	if st.Cards == nil {
		st.Cards = map[string]fsrs.Card{}
	}
	if err := checkCards(st.Cards); err != nil {
		return nil, &CorruptError{Path: path, Reason: err}
	}
	return &st, nil
}

// Update applies fn to the current state under an exclusive lock and
// writes the result atomically, keeping the previous file as .bak. Reading
// inside the lock is what makes concurrent sessions safe: each grade is
// applied to the newest state, not to a copy read earlier.
func (s *Store) Update(fn func(*State) error) error {
	if err := os.MkdirAll(filepath.Dir(s.Path), 0o700); err != nil {
		return fmt.Errorf("creating the state folder: %w", err)
	}
	lock := flock.New(s.Path + ".lock")
	if err := lock.Lock(); err != nil {
		return fmt.Errorf("locking %s: %w", s.Path, err)
	}
	defer lock.Unlock()
	raw, err := os.ReadFile(s.Path)
	var st *State
	switch {
	case errors.Is(err, os.ErrNotExist):
		st, raw = empty(), nil
	case err != nil:
		return &CorruptError{Path: s.Path, Reason: err}
	default:
		if st, err = decode(s.Path, raw); err != nil {
			return err
		}
	}
	if err := fn(st); err != nil {
		return err
	}
	if err := checkCards(st.Cards); err != nil {
		return fmt.Errorf("not writing %s: %w", s.Path, err)
	}
	out, err := json.MarshalIndent(st, "", " ")
	if err != nil {
		return fmt.Errorf("writing %s: %w", s.Path, err)
	}
	if raw != nil {
		// The file just read was valid: keep it as the last good state.
		if err := atomicfile.WriteFile(s.Path+".bak", raw, 0o600); err != nil {
			return fmt.Errorf("writing %s.bak: %w", s.Path, err)
		}
	}
	if err := atomicfile.WriteFile(s.Path, append(out, '\n'), 0o600); err != nil {
		return fmt.Errorf("writing %s: %w", s.Path, err)
	}
	return nil
}

// Grade records one grade for a card and returns its new memory state.
func (s *Store) Grade(sched *fsrs.Scheduler, key string, g fsrs.Grade, now time.Time) (fsrs.Card, error) {
	var card fsrs.Card
	err := s.Update(func(st *State) error {
		card = sched.Review(st.Cards[key], g, now)
		st.Cards[key] = card
		st.Reviews = append(st.Reviews, Review{Card: key, Grade: g, At: now.UTC()})
		return nil
	})
	return card, err
}

// ResetSuffix starts the name of the copy a reset keeps: FILE.reset-TIME.
const ResetSuffix = ".reset-"

// Reset empties the state and returns the copy of the previous state it
// kept, "" when there was none. The copy has its own name, state.json.reset-
// followed by the time, so later grades (which rewrite .bak) cannot replace
// it; djq never deletes these copies.
func (s *Store) Reset(now time.Time) (backup string, err error) {
	err = s.Update(func(st *State) error {
		raw, err := os.ReadFile(s.Path)
		if errors.Is(err, os.ErrNotExist) {
			*st = *empty()
			return nil
		}
		if err != nil {
			return err
		}
		name := s.Path + ResetSuffix + now.UTC().Format("20060102T150405.000000000Z")
		if err := atomicfile.WriteFile(name, raw, 0o600); err != nil {
			return fmt.Errorf("keeping a copy of %s before the reset: %w", s.Path, err)
		}
		backup = name
		*st = *empty()
		return nil
	})
	if err != nil {
		backup = ""
	}
	return backup, err
}
