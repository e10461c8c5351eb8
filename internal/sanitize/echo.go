package sanitize

import (
	"fmt"
	"strconv"
	"strings"
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
	if utf8.RuneCountInString(s) > NameMax {
		// A path this long is a paste gone wrong or an attack: say how
		// long it was instead of filling the screen.
		i, n := 0, 0
		for i = range s {
			if n == NameMax {
				break
			}
			n++
		}
		return strconv.Quote(s[:i]+"…") + fmt.Sprintf(" (%d bytes)", len(s))
	}
	if clean(s) && utf8.ValidString(s) && !hasLayoutControl(s) {
		return s
	}
	return strconv.Quote(s)
}

// NameMax is how many characters of a file or folder name Name shows.
const NameMax = 200

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

// MessageMax bounds a one-line message: a net under Quote for any value a
// message repeats without it.
const MessageMax = 1024

// Message makes a one-line message safe to print: every control or
// invisible character in it, line breaks included, shows as its Go escape
// (\x1b, \n, \u202e), and a message longer than MessageMax bytes is cut.
// Errors and warnings go through it where they are printed, so a name
// that reaches a message without Name or Quote still cannot act on the
// terminal.
func Message(s string) string {
	cut := len(s) > MessageMax
	if cut {
		i := MessageMax
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
		s = s[:i]
	}
	if Name(s) != s {
		var b strings.Builder
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				fmt.Fprintf(&b, `\x%02x`, s[i])
			case r < 0x20 || unsafeRune(r):
				q := strconv.QuoteRune(r)
				b.WriteString(q[1 : len(q)-1])
			default:
				b.WriteString(s[i : i+size])
			}
			i += size
		}
		s = b.String()
	}
	if cut {
		s += "…"
	}
	return s
}

// Cut shortens a message that carries a value it could not quote, such as
// pflag's "unknown flag: --NAME", to its first n characters and its size.
func Cut(s string, n int) string {
	count := 0
	for i := range s {
		if count == n {
			return fmt.Sprintf("%s… (%d bytes)", s[:i], len(s))
		}
		count++
	}
	return s
}
