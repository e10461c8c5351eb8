package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

func TestAnswer(t *testing.T) {
	qs, _ := fixture()
	q := qs[0]
	plain := Policy{Format: FormatPretty, Style: "notty", Profile: termenv.Ascii, Width: 100}
	tests := []struct {
		name  string
		width int
		// wantWidth bounds every line but a link, which cannot wrap.
		wantWidth int
	}{
		{"narrow", 40, 40},
		{"wide", 90, 90},
		{"zero keeps the policy's width", 0, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Answer(plain, q, tt.width)
			if !strings.Contains(got, "# "+q.Title) {
				t.Errorf("answer does not show the title %q:\n%s", q.Title, got)
			}
			if !strings.Contains(got, "INSTALLED_APPS") {
				t.Errorf("answer lost its body:\n%s", got)
			}
			if strings.Contains(got, "\x1b") {
				t.Errorf("answer without colour has escape sequences")
			}
			if strings.Contains(got, "Related questions") {
				t.Errorf("answer shows related questions")
			}
			for _, l := range strings.Split(got, "\n") {
				if w := ansi.StringWidth(l); w > tt.wantWidth && !strings.Contains(l, "://") {
					t.Errorf("line is %d columns, want at most %d: %q", w, tt.wantWidth, l)
				}
			}
		})
	}

	narrow, wide := Answer(plain, q, 40), Answer(plain, q, 90)
	if strings.Count(narrow, "\n") <= strings.Count(wide, "\n") {
		t.Errorf("width 40 takes %d lines, width 90 %d: the width is not applied", strings.Count(narrow, "\n"), strings.Count(wide, "\n"))
	}
	if Answer(plain, q, 5) != Answer(plain, q, MinWidth) {
		t.Errorf("a width below %d is not raised to it", MinWidth)
	}
}
