//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package iostreams

import "time"

// queryTerminalBackground is not attempted on this platform; the style
// falls back to dark.
func queryTerminalBackground(time.Duration) Background { return BackgroundUnknown }
