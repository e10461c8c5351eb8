package decks

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/djq-cli/djq/internal/cachefile"
)

// FullCheckEvery is how long a deck's recorded fingerprint is trusted
// without stat'ing every file, while the folder itself is unchanged.
const FullCheckEvery = 10 * time.Second

// hotFiles is how many of the most recently modified files a quick check
// stats every time: the files someone is editing now.
const hotFiles = 16

// alwaysFullCheck is the number of question files up to which every run
// stats every file (about 0.2 ms for 256 files), so that in a deck of that
// size even an in-place edit of an old file is seen at once.
const alwaysFullCheck = 256

// stamp is what a full check records about a deck folder, in the cache.
type stamp struct {
	Path        string    `json:"path"`
	DirMtime    int64     `json:"dir_mtime"`
	Fingerprint string    `json:"fingerprint"`
	CheckedAt   time.Time `json:"checked_at"`
	// Hot are the most recently modified files with their size and mtime.
	Hot []hotFile `json:"hot"`
	// Files is how many question files the deck had.
	Files int `json:"files"`
}

type hotFile struct {
	Name  string `json:"name"`
	Size  int64  `json:"size"`
	Mtime int64  `json:"mtime"`
}

// QuickFingerprint identifies a deck's content cheaply, from the name, size
// and modification time of each question file (see sumStats): editing,
// adding, removing or renaming a file changes it, and reading 10,000 files
// is not needed. It also avoids stat'ing every file on every run. A full check (every file's name, size and mtime) is recorded in
// stampDir with the folder's mtime and the most recently modified files.
// Until FullCheckEvery has passed, a run stats only the folder and those
// hot files and reuses the recorded fingerprint when they are unchanged.
//
// Decks of up to alwaysFullCheck (256) files get a full check every run.
//
// What it can miss, in a larger deck: an in-place edit (the folder's mtime
// does not change) of a file that was not among the 16 most recently
// modified at the last full check, for at most FullCheckEvery (10 s).
// Adding, removing or renaming a file, saving through a temporary file and
// rename (as most editors do), and editing a recently edited file are seen
// at once. With no stampDir it is Fingerprint.
func QuickFingerprint(loc Location, stampDir string, now time.Time) (string, error) {
	if stampDir == "" {
		fp, _, _, err := fingerprintWithHot(loc)
		return fp, err
	}
	dirInfo, err := os.Stat(loc.Path)
	if err != nil {
		return "", err
	}
	name := stampName(loc)
	prev, ok := readStamp(stampDir, name)
	if ok && prev.Path == loc.Path && prev.Files > alwaysFullCheck && prev.DirMtime == dirInfo.ModTime().UnixNano() &&
		now.Sub(prev.CheckedAt) < FullCheckEvery && now.Sub(prev.CheckedAt) >= 0 && hotUnchanged(loc.Path, prev.Hot) {
		return prev.Fingerprint, nil
	}
	fp, hot, files, err := fingerprintWithHot(loc)
	if err != nil {
		return "", err
	}
	if ok && files <= alwaysFullCheck && prev.Files == files && prev.Fingerprint == fp {
		return fp, nil // a small deck is checked in full every run: nothing to record
	}
	st := stamp{Path: loc.Path, DirMtime: dirInfo.ModTime().UnixNano(), Fingerprint: fp, CheckedAt: now, Hot: hot, Files: files}
	if raw, err := json.Marshal(st); err == nil {
		_ = cachefile.Write(stampDir, name, raw) // a stamp that cannot be written only costs speed
	}
	return fp, nil
}

// stampName names a deck's stamp file by its name and folder.
func stampName(loc Location) string {
	return "stamp-" + loc.Name + "-" + cachefile.Key(loc.Path)[:12] + ".json"
}

// readStamp reads a recorded stamp; a damaged one is no stamp, so the
// next check is a full one.
func readStamp(dir, name string) (stamp, bool) {
	var st stamp
	raw, err := cachefile.Read(dir, name)
	if err != nil || json.Unmarshal(raw, &st) != nil {
		return st, false
	}
	return st, true
}

// hotUnchanged stats the recorded hot files.
func hotUnchanged(dir string, hot []hotFile) bool {
	for _, h := range hot {
		info, err := os.Stat(filepath.Join(dir, h.Name))
		if err != nil || info.Size() != h.Size || info.ModTime().UnixNano() != h.Mtime {
			return false
		}
	}
	return true
}

// fingerprintWithHot is Fingerprint that also returns the most recently
// modified files and the number of files.
func fingerprintWithHot(loc Location) (string, []hotFile, int, error) {
	names, stats, err := statDeck(loc)
	if err != nil {
		return "", nil, 0, err
	}
	var hot []hotFile
	for i, n := range names {
		if stats[i].ok && !stats[i].dir {
			hot = append(hot, hotFile{Name: n, Size: stats[i].size, Mtime: stats[i].mtime})
		}
	}
	slices.SortFunc(hot, func(a, b hotFile) int {
		if a.Mtime != b.Mtime {
			if a.Mtime > b.Mtime {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Name, b.Name)
	})
	return sumStats(loc, names, stats), hot[:min(len(hot), hotFiles)], len(hot), nil
}
