package search

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	mdLink     = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	mdAutoLink = regexp.MustCompile(`<(https?://[^>]+)>`)
	// Only ** and ~~ are unwrapped: single * and _ are too common in code
	// (*args, __str__) to strip safely.
	mdEmphasis = regexp.MustCompile(`(\*\*|~~)(\S(?:.*?\S)?)(\*\*|~~)`)
	mdListItem = regexp.MustCompile(`^\s*(?:[-*+]|\d+[.)])\s+`)
	mdHeading  = regexp.MustCompile(`^#{1,6}\s+`)
)

// PlainText turns an answer's Markdown into the text a person reads: no
// fence lines, heading marks, list bullets, emphasis marks, backticks or
// link targets. Code inside fences is kept, since people search for it.
// Snippets are cut from this text, so it must read well on its own.
func PlainText(md string) string {
	text, _ := plainText(md)
	return text
}

// Block kinds: a snippet is cut from one block and never crosses into the
// next, so that a heading or a code line does not run into prose.
const (
	blockProse   = 'p'
	blockHeading = 'h'
	blockCode    = 'c'
)

// block is a paragraph (or list, or quote), a heading or a code block of
// the plain text, by byte offsets.
type block struct {
	start, end int
	kind       byte
}

// plainText is PlainText with the blocks of the result.
func plainText(md string) (string, []block) {
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	var blocks []block
	off := 0 // offset of the next output line
	inFence := false
	add := func(l string, kind byte) {
		if n := len(blocks); n > 0 && blocks[n-1].kind == kind && blocks[n-1].end == off-1 && kind != blockHeading {
			blocks[n-1].end = off + len(l) // continues the block above
		} else if strings.TrimSpace(l) != "" {
			blocks = append(blocks, block{start: off, end: off + len(l), kind: kind})
		}
		out = append(out, l)
		off += len(l) + 1
	}
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			inFence = !inFence
			continue
		}
		if inFence {
			add(l, blockCode)
			continue
		}
		if t == "" {
			add("", blockProse) // a blank line ends the block above
			if n := len(blocks); n > 0 && blocks[n-1].end == off-1 {
				blocks[n-1].end = off - 2 // keep it ended before the blank
			}
			continue
		}
		kind := byte(blockProse)
		if strings.HasPrefix(t, "#") && mdHeading.MatchString(t) {
			kind = blockHeading
		}
		add(plainLine(l), kind)
	}
	return strings.Join(out, "\n"), blocks
}

// plainLine strips the Markdown of one line outside code.
func plainLine(l string) string {
	if strings.HasPrefix(strings.TrimSpace(l), "#") {
		l = mdHeading.ReplaceAllString(strings.TrimSpace(l), "")
	}
	l = mdListItem.ReplaceAllString(l, "")
	l = strings.TrimPrefix(strings.TrimSpace(l), "> ")
	if strings.Contains(l, "](") {
		l = mdLink.ReplaceAllString(l, "$1")
	}
	if strings.Contains(l, "<http") {
		l = mdAutoLink.ReplaceAllString(l, "$1")
	}
	l = strings.ReplaceAll(l, "`", "")
	if strings.Contains(l, "**") || strings.Contains(l, "~~") {
		l = mdEmphasis.ReplaceAllString(l, "$2")
	}
	return l
}

// encodeBlocks writes blocks compactly for the index ("p0-120 c121-300").
func encodeBlocks(bs []block) string {
	var b strings.Builder
	for i, bl := range bs {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte(bl.kind)
		b.WriteString(strconv.Itoa(bl.start))
		b.WriteByte('-')
		b.WriteString(strconv.Itoa(bl.end))
	}
	return b.String()
}

// decodeBlocks reads what encodeBlocks wrote, skipping anything malformed.
// It runs for every hit shown, so it avoids fmt.
func decodeBlocks(s string) []block {
	out := make([]block, 0, strings.Count(s, " ")+1)
	for _, f := range strings.Fields(s) {
		a, b, ok := strings.Cut(f[1:], "-")
		start, err1 := strconv.Atoi(a)
		end, err2 := strconv.Atoi(b)
		if ok && err1 == nil && err2 == nil && start <= end {
			out = append(out, block{start: start, end: end, kind: f[0]})
		}
	}
	return out
}
