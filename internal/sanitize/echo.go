package sanitize

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// EchoMax is how many characters of a value an error message repeats.
const EchoMax = 60

// Quote is how an error message repeats a value the user or a deck gave:
// quoted as by %q, so control and invisible characters show as escapes,
// and cut after EchoMax characters with the value's size, so a 100 MB
// argument or stdin line gives a one-line error, not 100 MB of stderr:
//
//	"aaaa…" (100000 bytes)
func Quote(s string) string {
	n := 0
	for i := range s {
		if n == EchoMax {
			return strconv.Quote(s[:i]+"…") + fmt.Sprintf(" (%d bytes)", len(s))
		}
		n++
	}
	return strconv.Quote(s)
}

// Echo is Quote for values that read better bare, such as a query repeated
// in a hint to run: s itself when it is short and safe to print, else
// Quote(s).
func Echo(s string) string {
	if utf8.RuneCountInString(s) <= EchoMax && Name(s) == s {
		return s
	}
	return Quote(s)
}

// Name is how a message shows a name that came from the file system or a
// deck (a file, a folder, a path, a YAML key): as it is when it is safe to
// print, else quoted as by %q, so a file named "008-\x1b]2;X\a.md" shows
// its escape as text instead of retitling the terminal. Names are not cut:
// the file system bounds them, and a cut path cannot be found.
func Name(s string) string {
	if clean(s) && utf8.ValidString(s) && !hasLayoutControl(s) {
		return s
	}
	return strconv.Quote(s)
}

// hasLayoutControl reports a tab or line break, which would split or shift
// a one-line message.
func hasLayoutControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '\r' || s[i] == '\n' || s[i] == '\t' {
			return true
		}
	}
	return false
}
