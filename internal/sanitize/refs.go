package sanitize

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// Markdown makes the Markdown source of deck text safe to render: it is
// Text after resolving the character references that a Markdown renderer
// would decode into a character Text does not let through. Without this,
// "&#27;]52;c;...&#7;" is clean text to Text and a real OSC 52 escape once
// glamour has decoded it. A reference that decodes to such a character is
// replaced by the character, so Text drops it (with the sequence it
// starts) or shows it, exactly as if the file had held it raw. Other
// references (&lt;, &amp;, &#233;) are left for the renderer.
func Markdown(s string) string {
	s = Text(s)
	// Dropping a sequence can join the halves of a new reference
	// ("&#&#27;[m27;"), so repeat until nothing changes. Each round is
	// linear but a deck can nest references as deep as it likes, so after
	// a few rounds every '&' is escaped instead: such text is made to
	// attack, and showing its ampersands literally is fine.
	for round := 0; strings.Contains(s, "&"); round++ {
		r, changed := resolveRefs(s)
		if !changed {
			break
		}
		if round == maxRounds {
			return strings.ReplaceAll(s, "&", "&amp;")
		}
		s = Text(r)
	}
	return s
}

// maxRounds is how many nested references Markdown resolves.
const maxRounds = 4

// resolveRefs replaces the references in s that decode to an unsafe rune.
func resolveRefs(s string) (string, bool) {
	var b strings.Builder
	last, changed := 0, false
	for i := 0; i < len(s); i++ {
		if s[i] != '&' {
			continue
		}
		end, decoded := reference(s, i+1)
		if end < 0 {
			continue
		}
		if !changed {
			b.Grow(len(s))
			changed = true
		}
		b.WriteString(s[last:i])
		b.WriteString(decoded)
		last = end
		i = end - 1
	}
	if !changed {
		return s, false
	}
	b.WriteString(s[last:])
	return b.String(), true
}

// reference reads a character reference whose '&' is at s[i-1] and, when
// it must be replaced, returns the index after it and its replacement;
// else -1. Renderers disagree on what a reference is, so it reads the
// union: goldmark wants the ';' and reads "&#033;" as octal 27 (ESC); Go's
// html.UnescapeString, which glamour also runs, needs no ';' ("&#27 ") and
// wraps a long number around. A numeric reference is replaced when it
// stands for an unsafe rune under any of these readings, and by U+FFFD
// when its number is too long to be a character at all; a named one
// (which needs its ';') when the entity holds an unsafe rune.
func reference(s string, i int) (int, string) {
	if i < len(s) && s[i] == '#' {
		return numericReference(s, i+1)
	}
	start := i
	for i < len(s) && (isDigit(s[i]) || s[i]|0x20 >= 'a' && s[i]|0x20 <= 'z') {
		i++
	}
	if i == start || i >= len(s) || s[i] != ';' {
		return -1, ""
	}
	e, ok := util.LookUpHTML5EntityByName(s[start:i])
	if !ok || !unsafeText(string(e.Characters)) {
		return -1, ""
	}
	return i + 1, string(e.Characters)
}

// numericReference reads the digits after "&#" at s[i:].
func numericReference(s string, i int) (int, string) {
	hex := i < len(s) && (s[i] == 'x' || s[i] == 'X')
	if hex {
		i++
	}
	start := i
	for i < len(s) && (isDigit(s[i]) || hex && isHex(s[i])) {
		i++
	}
	if i == start {
		return -1, ""
	}
	digits, end := s[start:i], i
	if end < len(s) && s[end] == ';' {
		end++
	}
	base, maxDigits := 10, 7
	if hex {
		base, maxDigits = 16, 6
	}
	if len(strings.TrimLeft(digits, "0")) > maxDigits {
		return end, string(utf8.RuneError)
	}
	r := numericRune(digits, base)
	if !hex && digits[0] == '0' && !unsafeText(r) {
		if o := numericRune(digits, 8); o != "" {
			r = o
		}
	}
	if !unsafeText(r) {
		return -1, ""
	}
	return end, r
}

// numericRune decodes the digits of a numeric reference as a renderer
// does: zero, surrogates and numbers past U+10FFFF become U+FFFD.
func numericRune(digits string, base int) string {
	v, err := strconv.ParseUint(digits, base, 32)
	if err != nil && base == 8 {
		return ""
	}
	if err != nil || v == 0 || v > utf8.MaxRune || !utf8.ValidRune(rune(v)) {
		return string(utf8.RuneError)
	}
	return string(rune(v))
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isHex(c byte) bool   { return isDigit(c) || c|0x20 >= 'a' && c|0x20 <= 'f' }

// unsafeText reports whether s holds a rune Text would not pass through
// unchanged.
func unsafeText(s string) bool {
	for _, r := range s {
		if unsafeRune(r) {
			return true
		}
	}
	return false
}
