// Package gctune sets the garbage collector for a short-lived command.
//
// A djq process lives for 20–40 ms and allocates a few megabytes: with Go's
// default (GOGC=100, a first collection at 4 MB) a search spends a
// noticeable share of its time in collections that free memory the process
// is about to return to the system anyway. Collecting at 5× the live heap
// took a warm question search from 1.25× to 1.22× of `djq --version`, and a
// long one from 1.36× to 1.29× (BENCHMARKS.md, issue 25). A soft memory
// limit keeps the large jobs (indexing a 10,000-question deck) from
// growing the heap without bound: near the limit the collector runs as
// often as it needs to, whatever GOGC says.
package gctune

import (
	"runtime/debug"
)

// Percent is the GOGC djq runs with unless GOGC is set.
const Percent = 400

// Limit is the soft memory limit djq runs with unless GOMEMLIMIT is set.
const Limit = 512 << 20

// Tune sets the collector for a short-lived command. A GOGC or GOMEMLIMIT
// the user set wins: the runtime has already read it.
func Tune(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(Percent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(Limit)
	}
}
