package search

// Temporary folders: a transient index (search --no-cache, or no usable
// cache folder) lives in the system's temporary folder, and a cached index
// is built in a tmp- folder of the cache before it is renamed into place.
// Each carries the PID of the djq that made it ("djq-index-PID-…",
// "tmp-KEY-PID-…", "trash-PID-…"), so that a later run removes a leftover
// of a killed djq at once, and this process removes its own on Close, on
// SIGINT or SIGTERM (see CleanUpOnSignal) and when it returns.

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// live are the temporary folders this process made and has not removed.
var live = struct {
	sync.Mutex
	dirs map[string]bool
}{dirs: map[string]bool{}}

// makeTemp creates a temporary folder in dir (the system's when "") named
// prefix, this process's PID and a random part.
func makeTemp(dir, prefix string) (string, error) {
	path, err := os.MkdirTemp(dir, prefix+strconv.Itoa(os.Getpid())+"-")
	if err == nil {
		live.Lock()
		live.dirs[path] = true
		live.Unlock()
	}
	return path, err
}

// removeTemp removes a folder made by makeTemp.
func removeTemp(path string) {
	_ = os.RemoveAll(path)
	live.Lock()
	delete(live.dirs, path)
	live.Unlock()
}

// RemoveTemporary removes every temporary folder this process still has.
// It is for the end of the process (a signal): an index still open on one
// of them must not be used afterwards.
func RemoveTemporary() {
	live.Lock()
	defer live.Unlock()
	for p := range live.dirs {
		_ = os.RemoveAll(p)
		delete(live.dirs, p)
	}
}

// tempOwner returns the PID in a temporary folder's name, false for a name
// without one (made by an older djq).
func tempOwner(name string) (int, bool) {
	f := strings.Split(name, "-")
	var pid string
	switch {
	case strings.HasPrefix(name, "tmp-") && len(f) == 4:
		pid = f[2]
	case strings.HasPrefix(name, "trash-") && len(f) == 3:
		pid = f[1]
	case strings.HasPrefix(name, "djq-index-") && len(f) == 4:
		pid = f[2]
	default:
		return 0, false
	}
	n, err := strconv.Atoi(pid)
	return n, err == nil && n > 0
}

// isTemp reports whether name is one of djq's temporary folders in dir.
func isTemp(name string, system bool) bool {
	if system {
		return strings.HasPrefix(name, "djq-index-")
	}
	return strings.HasPrefix(name, "tmp-") || strings.HasPrefix(name, "trash-")
}

// removeStale removes the leftovers of other djq processes in dir (the
// system's temporary folder when system is true): at once when the PID in
// the name is not running, else (or for a name without a PID) once older
// than staleAge, since a PID may have been reused.
func removeStale(dir string, system bool, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || !isTemp(name, system) {
			continue
		}
		path := filepath.Join(dir, name)
		live.Lock()
		mine := live.dirs[path]
		live.Unlock()
		if mine {
			continue
		}
		pid, ok := tempOwner(name)
		gone := ok && pid != os.Getpid() && !processAlive(pid)
		if info, err := e.Info(); err == nil && (gone || now.Sub(info.ModTime()) > staleAge) {
			_ = os.RemoveAll(path)
		}
	}
}
