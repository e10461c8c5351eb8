package bank

import (
	"regexp"
	"strings"
)

var (
	headingLine = regexp.MustCompile(`^ {0,3}#{1,6}(\s|$)`)
	listLine    = regexp.MustCompile(`^ {0,3}([-*+]|\d{1,9}[.)])(\s|$)`)
	fenceLine   = regexp.MustCompile("^ {0,3}(```+|~~~+)")
)

// lineKind classifies a Markdown source line for NormalizeMarkdown.
type lineKind int

const (
	kindBlank lineKind = iota
	kindText
	kindHeading
	kindList
	kindListMore // an indented line inside a list item
	kindTable
	kindFenceOpen
	kindFenceBody
	kindFenceClose
)

// NormalizeMarkdown puts exactly one blank line around headings, fenced code
// blocks, lists and tables, and collapses runs of blank lines, as the
// markdownlint defaults ask (MD012, MD022, MD031, MD032, MD058). Text
// inside fences is never touched. It is what lets `djq show 35 >> notes.md`
// produce lint-clean notes from answers written more loosely, and what
// keeps `djq export` (which shifts the headings down) just as clean.
func NormalizeMarkdown(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	kinds := make([]lineKind, len(lines))
	fence := ""
	for i, l := range lines {
		switch {
		case fence != "":
			kinds[i] = kindFenceBody
			t := strings.TrimSpace(l)
			if strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
				kinds[i], fence = kindFenceClose, ""
			}
		case fenceLine.MatchString(l):
			kinds[i] = kindFenceOpen
			fence = fenceLine.FindStringSubmatch(l)[1]
		case strings.TrimSpace(l) == "":
			kinds[i] = kindBlank
		case headingLine.MatchString(l):
			kinds[i] = kindHeading
		case listLine.MatchString(l):
			kinds[i] = kindList
		case i > 0 && (kinds[i-1] == kindList || kinds[i-1] == kindListMore) && strings.HasPrefix(l, " "):
			kinds[i] = kindListMore
		case strings.HasPrefix(strings.TrimSpace(l), "|"):
			kinds[i] = kindTable
		default:
			kinds[i] = kindText
		}
	}
	group := func(k lineKind) int {
		switch k {
		case kindList, kindListMore:
			return 1
		case kindFenceOpen, kindFenceBody, kindFenceClose:
			return 2
		case kindTable:
			return 3
		case kindText:
			return 4
		}
		return 0
	}
	var out []string
	prev := kindBlank
	for i, l := range lines {
		k := kinds[i]
		if k == kindBlank {
			if prev != kindBlank && prev != kindFenceOpen && prev != kindFenceBody {
				out = append(out, "")
				prev = kindBlank
			}
			continue
		}
		if k == kindFenceBody || k == kindFenceClose {
			out = append(out, l)
			prev = k
			continue
		}
		needBlank := prev != kindBlank && len(out) > 0 &&
			(k == kindHeading || prev == kindHeading || k == kindFenceOpen || prev == kindFenceClose ||
				group(k) != group(prev))
		if needBlank {
			out = append(out, "")
		}
		out = append(out, l)
		prev = k
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}
