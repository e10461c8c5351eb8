// Package buildinfo reports which djq this is. Release builds get the
// version, commit and date from goreleaser's ldflags; `go install` builds
// fall back to the module version recorded by the Go toolchain.
package buildinfo

import (
	"fmt"
	"runtime/debug"
)

// Set by -ldflags "-X github.com/djq-cli/djq/internal/buildinfo.Version=…"
// (and Commit, Date) in release builds.
var (
	Version = ""
	Commit  = ""
	Date    = ""
)

// Info is the resolved build information.
type Info struct {
	Version string `json:"version"`
	Commit  string `json:"commit"`
	Date    string `json:"date"`
}

// Get resolves the build information, filling gaps from debug.ReadBuildInfo.
func Get() Info {
	info := Info{Version: Version, Commit: Commit, Date: Date}
	if bi, ok := debug.ReadBuildInfo(); ok {
		if info.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			info.Version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				if info.Commit == "" {
					info.Commit = s.Value
				}
			case "vcs.time":
				if info.Date == "" {
					info.Date = s.Value
				}
			}
		}
	}
	if info.Version == "" {
		info.Version = "dev"
	}
	if len(info.Commit) > 12 {
		info.Commit = info.Commit[:12]
	}
	return info
}

// String is the one-line form printed by `djq --version`.
func (i Info) String() string {
	s := "djq " + i.Version
	switch {
	case i.Commit != "" && i.Date != "":
		s += fmt.Sprintf(" (commit %s, built %s)", i.Commit, i.Date)
	case i.Commit != "":
		s += fmt.Sprintf(" (commit %s)", i.Commit)
	}
	return s
}
