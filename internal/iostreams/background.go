package iostreams

import (
	"strconv"
	"strings"
	"time"
)

// BackgroundQueryTimeout bounds how long djq waits for the terminal to
// report its background colour. Some terminals (and most multiplexers in
// some modes) never answer; they cost at most this much.
const BackgroundQueryTimeout = 80 * time.Millisecond

// Background is what is known of the terminal's background.
type Background int

// Background values.
const (
	BackgroundUnknown Background = iota
	BackgroundDark
	BackgroundLight
)

// TerminalBackground tells whether the terminal behind stdout has a dark or
// a light background: COLORFGBG when the terminal sets it, else an OSC 11
// query answered within BackgroundQueryTimeout, else unknown. It never
// queries when stdout is not a terminal or TERM is dumb or empty.
func (s *IOStreams) TerminalBackground() Background {
	if v := s.Getenv("COLORFGBG"); strings.Contains(v, ";") {
		parts := strings.Split(v, ";")
		if n, err := strconv.Atoi(parts[len(parts)-1]); err == nil {
			if n == 7 || n >= 9 && n <= 15 {
				return BackgroundLight
			}
			return BackgroundDark
		}
	}
	t := s.Getenv("TERM")
	if !s.stdoutTTY || s.outFile == nil || t == "" || t == "dumb" {
		return BackgroundUnknown
	}
	if s.queryBackground == nil {
		return BackgroundUnknown
	}
	return s.queryBackground(BackgroundQueryTimeout)
}

// parseOSC11 reads a reply such as "\x1b]11;rgb:ffff/ffff/ffff\x07" and
// classifies the colour by its perceived lightness.
func parseOSC11(reply string) Background {
	i := strings.Index(reply, "rgb:")
	if i < 0 {
		return BackgroundUnknown
	}
	rest := reply[i+4:]
	if j := strings.IndexAny(rest, "\x07\x1b"); j >= 0 {
		rest = rest[:j]
	}
	parts := strings.Split(rest, "/")
	if len(parts) != 3 {
		return BackgroundUnknown
	}
	var rgb [3]float64
	for k, p := range parts {
		if p == "" || len(p) > 4 {
			return BackgroundUnknown
		}
		v, err := strconv.ParseUint(p, 16, 16)
		if err != nil {
			return BackgroundUnknown
		}
		rgb[k] = float64(v) / float64(uint64(1)<<(4*len(p))-1)
	}
	lum := 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]
	if lum < 0.5 {
		return BackgroundDark
	}
	return BackgroundLight
}
