package state

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/djq-cli/djq/internal/fsrs"
)

func TestGradeAndReload(t *testing.T) {
	s := Open(t.TempDir())
	sched := fsrs.New()
	now := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	if _, err := s.Grade(sched, "django:35", fsrs.Good, now); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Grade(sched, "django:35", fsrs.Good, now.AddDate(0, 0, 3)); err != nil {
		t.Fatal(err)
	}
	st, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Reviews) != 2 || st.Cards["django:35"].Reps != 2 {
		t.Errorf("state %+v", st)
	}
	bak, err := os.ReadFile(s.Path + ".bak")
	if err != nil || !strings.Contains(string(bak), `"reps": 1`) {
		t.Errorf(".bak should hold the state before the last grade: %v %s", err, bak)
	}
}

// TestConcurrentGrades grades from many goroutines, each through its own
// Store like separate processes would: no grade may be lost.
func TestConcurrentGrades(t *testing.T) {
	dir := t.TempDir()
	sched := fsrs.New()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := Open(dir)
			for k := range 10 {
				if _, err := s.Grade(sched, CardKey("django", i*10+k+1), fsrs.Good, time.Now()); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	st, err := Open(dir).Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Reviews) != 80 || len(st.Cards) != 80 {
		t.Errorf("%d reviews, %d cards, want 80 and 80", len(st.Reviews), len(st.Cards))
	}
}

func TestCorruptStateIsNeverOverwritten(t *testing.T) {
	dir := t.TempDir()
	s := Open(dir)
	sched := fsrs.New()
	if _, err := s.Grade(sched, "django:1", fsrs.Good, time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Grade(sched, "django:2", fsrs.Good, time.Now()); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(s.Path, []byte("{garbage"), 0o600)
	_, err := s.Grade(sched, "django:3", fsrs.Good, time.Now())
	var ce *CorruptError
	if !errors.As(err, &ce) {
		t.Fatalf("want a CorruptError, got %v", err)
	}
	if msg := err.Error(); !strings.Contains(msg, s.Path) || !strings.Contains(msg, "cp "+s.Path+".bak "+s.Path) || strings.Contains(msg, "\n") {
		t.Errorf("message %q", msg)
	}
	if b, _ := os.ReadFile(s.Path); string(b) != "{garbage" {
		t.Errorf("the corrupt file was changed")
	}
	if _, err := s.Load(); !errors.As(err, &ce) {
		t.Errorf("Load: %v", err)
	}
	// Restoring the .bak as the message says brings the progress back.
	bak, _ := os.ReadFile(s.Path + ".bak")
	os.WriteFile(s.Path, bak, 0o600)
	st, err := s.Load()
	if err != nil || len(st.Reviews) != 1 {
		t.Errorf("after restore: %v, %d reviews", err, len(st.Reviews))
	}
	os.WriteFile(s.Path, []byte(`{"version": 99}`), 0o600)
	if _, err := s.Load(); err == nil || !strings.Contains(err.Error(), "unknown format version 99") {
		t.Errorf("future version: %v", err)
	}
}

// TestUnknownFieldsSurvive: a newer djq's fields, at the top level and in a
// card, are written back after an older djq grades (issue 23, item 6).
func TestUnknownFieldsSurvive(t *testing.T) {
	s := Open(t.TempDir())
	in := `{"version": 1, "future": {"x": [1, 2]}, "cards": {"django:1": {"stability": 2, "difficulty": 5, "reps": 1, "fuzz": "keep me"}}, "reviews": []}`
	if err := os.WriteFile(s.Path, []byte(in), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Grade(fsrs.New(), "django:1", fsrs.Good, time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Grade(fsrs.New(), "django:2", fsrs.Good, time.Now()); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(s.Path)
	for _, want := range []string{`"future"`, `"keep me"`, `"reviews"`, `"django:2"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("%s lost after a write:\n%s", want, b)
		}
	}
	st, err := s.Load()
	if err != nil || st.Cards["django:1"].Reps != 2 {
		t.Errorf("reload: %v %+v", err, st)
	}
}

// TestBadNumbersNameTheCard: a stability that would make grades NaN is
// reported with the card and the file, and the file is left as it is.
func TestBadNumbersNameTheCard(t *testing.T) {
	for _, tc := range []struct{ name, card, want string }{
		{"negative stability", `{"stability": -1, "difficulty": 5, "reps": 1}`, "card django:7 has stability -1"},
		{"difficulty too high", `{"stability": 1, "difficulty": 1e300, "reps": 1}`, "card django:7 has difficulty 1e+300"},
		{"zero stability of a reviewed card", `{"stability": 0, "difficulty": 5, "reps": 2}`, "card django:7 has stability 0 (valid: a number of days from 0.1)"},
		{"negative difficulty", `{"stability": 3, "difficulty": -2, "reps": 1}`, "card django:7 has difficulty -2 (valid: 1 to 10)"},
		{"negative reps", `{"stability": 1, "difficulty": 5, "reps": -3}`, "card django:7 has a negative count"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := Open(t.TempDir())
			in := `{"version": 1, "cards": {"django:7": ` + tc.card + `}, "reviews": []}`
			os.WriteFile(s.Path, []byte(in), 0o600)
			_, err := s.Grade(fsrs.New(), "django:7", fsrs.Good, time.Now())
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), s.Path) || strings.Contains(err.Error(), "NaN") {
				t.Errorf("error %v, want %q and the path", err, tc.want)
			}
			if b, _ := os.ReadFile(s.Path); string(b) != in {
				t.Errorf("the file was changed")
			}
		})
	}
}

// TestResetCopySurvivesGrades: the copy a reset keeps is not the .bak that
// every grade rewrites (issue 23, item 4).
func TestResetCopySurvivesGrades(t *testing.T) {
	s := Open(t.TempDir())
	sched := fsrs.New()
	now := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	for i := range 10 {
		if _, err := s.Grade(sched, CardKey("django", i+1), fsrs.Good, now); err != nil {
			t.Fatal(err)
		}
	}
	backup, err := s.Reset(now)
	if err != nil || !strings.HasPrefix(backup, s.Path+ResetSuffix) {
		t.Fatalf("reset: %q %v", backup, err)
	}
	if _, err := s.Grade(sched, "django:1", fsrs.Good, now); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Grade(sched, "django:2", fsrs.Good, now); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(backup)
	if err != nil || strings.Count(string(b), `"grade"`) != 10 {
		t.Errorf("the reset copy lost the grades: %v", err)
	}
	if again, err := Open(t.TempDir()).Reset(now); err != nil || again != "" {
		t.Errorf("reset of an empty state: %q %v", again, err)
	}
}

func TestOpenIn(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		name, dir, wantPath, wantErr string
	}{
		{name: "a state folder", dir: dir, wantPath: filepath.Join(dir, FileName)},
		{name: "none", dir: "", wantErr: "set DJQ_STATE_DIR (or HOME)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, err := OpenIn(tt.dir)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("OpenIn(%q) = %v, want an error saying %q", tt.dir, err, tt.wantErr)
				}
				return
			}
			if err != nil || s.Path != tt.wantPath {
				t.Errorf("OpenIn(%q) = %v, %v; want %s", tt.dir, s, err, tt.wantPath)
			}
		})
	}
}

// TestOnlyDecks: stats --deck counts that deck's reviews only (a deck
// name may itself hold no ':'; the id after the last one is the card's).
func TestOnlyDecks(t *testing.T) {
	st := &State{Reviews: []Review{{Card: "django:35"}, {Card: "interview:1"}, {Card: "interview:2"}, {Card: "inter:3"}}}
	for _, tt := range []struct {
		decks []string
		want  int
	}{{nil, 4}, {[]string{"interview"}, 2}, {[]string{"django", "inter"}, 2}, {[]string{"nosuch"}, 0}} {
		if got := len(st.OnlyDecks(tt.decks).Reviews); got != tt.want {
			t.Errorf("OnlyDecks(%v): %d reviews, want %d", tt.decks, got, tt.want)
		}
	}
	if len(st.Reviews) != 4 {
		t.Errorf("OnlyDecks changed the state it was given")
	}
}
