// Package paths decides where djq keeps its files: the search index cache,
// quiz state, configuration and user decks. Every folder can be moved with
// an environment variable, and every lookup goes through an injected
// getenv so that tests never touch the real home folder.
package paths

import (
	"path/filepath"
	"runtime"
)

// Paths are djq's folders. An empty folder means "none available" (no HOME
// and no override), and callers fall back to working without it.
type Paths struct {
	Cache  string
	State  string
	Config string
	Data   string
}

// Resolve computes the folders from the environment:
//
//	cache   $DJQ_CACHE_DIR,  else $XDG_CACHE_HOME/djq,  else the OS cache folder/djq
//	state   $DJQ_STATE_DIR,  else $XDG_STATE_HOME/djq,  else ~/.local/state/djq (OS-specific)
//	config  $DJQ_CONFIG_DIR, else $XDG_CONFIG_HOME/djq, else the OS config folder/djq
//	data    $DJQ_DATA_DIR,   else $XDG_DATA_HOME/djq,   else ~/.local/share/djq (OS-specific)
func Resolve(getenv func(string) string) Paths {
	return resolve(getenv, runtime.GOOS)
}

func resolve(getenv func(string) string, goos string) Paths {
	home := getenv("HOME")
	if goos == "windows" && home == "" {
		home = getenv("USERPROFILE")
	}
	pick := func(override, xdg string, fallback func() string) string {
		if v := getenv(override); v != "" {
			return v
		}
		if v := getenv(xdg); v != "" && filepath.IsAbs(v) {
			return filepath.Join(v, "djq")
		}
		if f := fallback(); f != "" {
			return filepath.Join(f, "djq")
		}
		return ""
	}
	under := func(parts ...string) func() string {
		return func() string {
			if home == "" {
				return ""
			}
			return filepath.Join(append([]string{home}, parts...)...)
		}
	}
	local := func(def func() string) func() string {
		return func() string {
			if v := getenv("LocalAppData"); goos == "windows" && v != "" {
				return v
			}
			return def()
		}
	}
	roaming := func(def func() string) func() string {
		return func() string {
			if v := getenv("AppData"); goos == "windows" && v != "" {
				return v
			}
			return def()
		}
	}
	var cache, state, config, data func() string
	switch goos {
	case "darwin":
		cache = under("Library", "Caches")
		config = under("Library", "Application Support")
		state = under("Library", "Application Support")
		data = under("Library", "Application Support")
	case "windows":
		cache = local(func() string { return "" })
		config = roaming(func() string { return "" })
		state = local(func() string { return "" })
		data = local(func() string { return "" })
	default:
		cache = under(".cache")
		config = under(".config")
		state = under(".local", "state")
		data = under(".local", "share")
	}
	p := Paths{
		Cache:  pick("DJQ_CACHE_DIR", "XDG_CACHE_HOME", cache),
		State:  pick("DJQ_STATE_DIR", "XDG_STATE_HOME", state),
		Config: pick("DJQ_CONFIG_DIR", "XDG_CONFIG_HOME", config),
		Data:   pick("DJQ_DATA_DIR", "XDG_DATA_HOME", data),
	}
	if goos == "darwin" || goos == "windows" {
		// One application folder holds state and data on these systems;
		// keep them apart inside it.
		if getenv("DJQ_STATE_DIR") == "" && getenv("XDG_STATE_HOME") == "" && p.State != "" {
			p.State = filepath.Join(p.State, "state")
		}
	}
	return p
}
