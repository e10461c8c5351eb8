package textwidth

import (
	"slices"
	"testing"
)

func TestFitHint(t *testing.T) {
	hints := []string{"j/k scroll · g/G top/bottom · q back", "j/k scroll · q back", "q back"}
	tests := []struct {
		width int
		want  string
	}{
		{80, hints[0]},
		{36, hints[0]},
		{35, hints[1]},
		{19, hints[1]},
		{6, hints[2]},
		{5, ""},
		{0, ""},
	}
	for _, tt := range tests {
		if got := FitHint(hints, tt.width); got != tt.want {
			t.Errorf("FitHint(%d) = %q, want %q", tt.width, got, tt.want)
		}
	}
}

func TestWrapWords(t *testing.T) {
	bold, off := "\x1b[1m", "\x1b[m"
	tests := []struct {
		name  string
		in    string
		width int
		want  []string
	}{
		{"empty", "", 10, nil},
		{"fits", "one line", 20, []string{"one line"}},
		{"breaks at spaces", "alpha beta gamma delta", 11, []string{"alpha beta", "gamma delta"}},
		{"never at a hyphen", "run django-admin check --deploy now", 16, []string{"run django-admin", "check --deploy", "now"}},
		{"a long word keeps its own line", "a averyveryverylongword b", 8, []string{"a", "averyveryverylongword", "b"}},
		{"escape codes take no room", bold + "select_related" + off + " follows the key", 20, []string{bold + "select_related" + off, "follows the key"}},
		{"wide runes count two", "日本語 日本語 x", 8, []string{"日本語", "日本語 x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := WrapWords(tt.in, tt.width); !slices.Equal(got, tt.want) {
				t.Errorf("WrapWords(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
			}
		})
	}
}
