// Package sanitize makes untrusted text safe to print on a terminal. Decks
// are other people's files: a title or answer could carry escape sequences
// that recolour the screen, rewrite the clipboard (OSC 52), plant links
// (OSC 8) or move the cursor to hide text. Everything read from a deck goes
// through Text before anything else sees it.
package sanitize

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Text removes terminal escape sequences and control characters from s:
// ESC-introduced sequences (CSI, OSC, DCS, SOS, PM, APC and two-byte
// escapes) are dropped whole, as are their C1 equivalents (U+009B CSI,
// U+009D OSC, ...); other C0 and C1 controls, DEL and bare carriage returns
// are dropped. Tabs and newlines are kept. Invalid UTF-8 is replaced with
// U+FFFD. Bidi controls and invisible characters (see Invisible) are shown
// as "<U+202E>": a title that reads differently from what it holds, or a
// word with a hidden break in it, is then plain to see.
func Text(s string) string {
	if clean(s) {
		return s
	}
	return filter(s, false)
}

// Terminal filters rendered output for a terminal: like Text, except that
// it keeps SGR sequences (ESC [ digits m) and OSC 8 hyperlinks, which are
// how djq and glamour style and link text. It is the last line of defence
// behind Text and Markdown: whatever a renderer decoded from deck text,
// nothing but colour and links reaches the terminal.
func Terminal(s string) string {
	return filter(s, true)
}

// filter is Text, keeping SGR and OSC 8 sequences when styled is true.
func filter(s string, styled bool) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
			i++
		case r == 0x1b:
			if j := styleSequence(s, i); styled && j > i {
				b.WriteString(s[i:j])
				i = j
				continue
			}
			i = skipEscape(s, i+1)
		case r == 0x9b: // C1 CSI
			i = skipCSI(s, i+size)
		case r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f: // C1 OSC, DCS, SOS, PM, APC
			i = skipString(s, i+size)
		case r == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				b.WriteByte('\n')
				i += 2
			} else {
				i++
			}
		case r == '\n' || r == '\t':
			b.WriteRune(r)
			i += size
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
			i += size
		case Invisible(r):
			b.WriteString(Visible(r))
			i += size
		default:
			b.WriteString(s[i : i+size])
			i += size
		}
	}
	return b.String()
}

// styleSequence returns the index after the SGR or OSC 8 sequence whose
// ESC is at s[i], or i when there is none there.
func styleSequence(s string, i int) int {
	j := i + 1
	switch {
	case strings.HasPrefix(s[j:], "["):
		for j++; j < len(s) && (isDigit(s[j]) || s[j] == ';' || s[j] == ':'); j++ {
		}
		if j < len(s) && s[j] == 'm' {
			return j + 1
		}
	case strings.HasPrefix(s[j:], "]8;"):
		for j += 3; j < len(s); j++ {
			switch c := s[j]; {
			case c == 0x07:
				return j + 1
			case c == 0x1b:
				if j+1 < len(s) && s[j+1] == '\\' {
					return j + 2
				}
				return i
			case c < 0x20 || c == 0x7f || c == 0xc2 && j+1 < len(s) && s[j+1] >= 0x80 && s[j+1] <= 0x9f:
				return i
			}
		}
	}
	return i
}

// clean reports whether s needs no change, the common case, without
// allocating.
func clean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r >= 0x80 && r <= 0x9f || Invisible(r) {
			return false
		}
		i += size
	}
	return true
}

// skipEscape skips the sequence after an ESC at s[i-1] and returns the
// index after it.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']', 'P', 'X', '^', '_':
		return skipString(s, i+1)
	default:
		// Two-byte escapes (ESC c, ESC 7, ...) and charset selections
		// (ESC ( B): intermediates 0x20-0x2f, then one final byte.
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
			i++
		}
		return i
	}
}

// skipCSI skips parameter and intermediate bytes up to a final byte.
func skipCSI(s string, i int) int {
	for i < len(s) {
		c := s[i]
		i++
		if c >= 0x40 && c <= 0x7e {
			return i
		}
		if c < 0x20 {
			return i // a control character ends a broken sequence
		}
	}
	return i
}

// skipString skips an OSC/DCS-style string up to BEL, ESC \ or the C1 ST.
func skipString(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i + 1
		case s[i] == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c: // C1 ST
			return i + 2
		}
		i++
	}
	return i
}

// Invisible reports whether r is a bidi control or an invisible character
// that can make text read differently from what it holds: the embeddings,
// overrides and isolates (U+202A-U+202E, U+2066-U+2069), the marks
// (U+200E, U+200F, U+061C), zero-width characters (U+200B-U+200D, U+FEFF)
// and the line and paragraph separators (U+2028, U+2029).
func Invisible(r rune) bool {
	switch {
	case r >= 0x200b && r <= 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x2028, r == 0x2029, r == 0xfeff, r == 0x061c:
		return true
	}
	return false
}

// Visible is how Text shows an invisible character: "<U+202E>".
func Visible(r rune) string { return fmt.Sprintf("<U+%04X>", r) }

// unsafeRune reports whether Text would drop or replace r.
func unsafeRune(r rune) bool {
	return r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f || Invisible(r)
}
