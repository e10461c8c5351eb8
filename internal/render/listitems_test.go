package render

import (
	"strings"
	"testing"

	xansi "github.com/charmbracelet/x/ansi"
)

func TestHangListItems(t *testing.T) {
	const code = "\x1b[38;5;203;48;5;236m"
	for _, tt := range []struct {
		name  string
		limit int
		in    []string
		want  []string // visible text, escapes stripped
	}{
		{
			name:  "a bullet's wrapped text hangs under its first word",
			limit: 40,
			in:    []string{"", "  • one two three four five six seven", "  eight nine ten.", "  • short"},
			want:  []string{"", "  • one two three four five six seven", "    eight nine ten.", "  • short"},
		},
		{
			name:  "re-wrapped to the limit, not just shifted",
			limit: 30,
			in:    []string{"", "  • alpha beta gamma delta epsilon", "  zeta eta theta"},
			want:  []string{"", "  • alpha beta gamma delta", "    epsilon zeta eta theta"},
		},
		{
			name:  "numbers hang by their own width",
			limit: 40,
			in:    []string{"", "  9. first item text that wraps round", "  here.", "  10. second item text that wraps", "  here too."},
			want:  []string{"", "  9. first item text that wraps round", "     here.", "  10. second item text that wraps here", "      too."},
		},
		{
			name:  "nested items keep their own hang",
			limit: 40,
			in:    []string{"", "  • outer item", "    • inner item with more words in it", "    than fit.", "  • next"},
			want:  []string{"", "  • outer item", "    • inner item with more words in it", "      than fit.", "  • next"},
		},
		{
			name:  "a paragraph line that starts with a number is no item",
			limit: 40,
			in:    []string{"", "  The answer to the question is", "  42. Then the paragraph goes", "  on for a while."},
			want:  []string{"", "  The answer to the question is", "  42. Then the paragraph goes", "  on for a while."},
		},
		{
			name:  "ASCII bullets of other styles",
			limit: 40,
			in:    []string{"", "  * one two three four five six seven", "  eight."},
			want:  []string{"", "  * one two three four five six seven", "    eight."},
		},
		{
			name:  "styled words stay whole and styled",
			limit: 30,
			in:    []string{"", "  • use " + code + "select_related()\x1b[0m for", "  foreign keys and " + code + "prefetch_related()\x1b[0m", "  for the rest."},
			want:  []string{"", "  • use select_related() for", "    foreign keys and", "    prefetch_related() for the", "    rest."},
		},
		{
			name:  "too narrow to hang: left as glamour drew it",
			limit: 22,
			in:    []string{"", "  • alpha beta gamma", "  delta"},
			want:  []string{"", "  • alpha beta gamma", "  delta"},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := hangListItems(tt.in, tt.limit)
			vis := make([]string, len(got))
			for i, l := range got {
				vis[i] = xansi.Strip(l)
				if w := xansi.StringWidth(l); w > tt.limit {
					t.Errorf("line %q is %d columns, limit %d", vis[i], w, tt.limit)
				}
			}
			if strings.Join(vis, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(vis, "\n"), strings.Join(tt.want, "\n"))
			}
			if strings.Contains(strings.Join(tt.in, ""), code) && !strings.Contains(strings.Join(got, "\n"), code+"prefetch_related()") {
				t.Errorf("styling lost: %q", got)
			}
		})
	}
}

func TestScanLine(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want lineStart
	}{
		{"", lineStart{blank: true}},
		{"   \x1b[0m  ", lineStart{indent: 5, blank: true}},
		{"  • item", lineStart{indent: 2, marker: 2}},
		{"\x1b[31m  \x1b[0m• item", lineStart{indent: 2, marker: 2}},
		{"    12. item", lineStart{indent: 4, marker: 4}},
		{"  1234. not an item", lineStart{indent: 2}},
		{"  -- not an item", lineStart{indent: 2}},
		{"  text", lineStart{indent: 2}},
	} {
		if got := scanLine(tt.in); got != tt.want {
			t.Errorf("scanLine(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}
