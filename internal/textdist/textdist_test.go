package textdist

import "testing"

func TestEditDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"orm", "", 3},
		{"", "orm", 3},
		{"cache", "cache", 0},
		{"cahce", "cache", 1}, // a swap is one edit
		{"csfr", "csrf", 1},
		{"abc", "ca", 3},
		{"kitten", "sitting", 3},
		{"migraton", "migration", 1},
		{"prefetch", "prefecth", 1},
		{"é", "e", 1}, // runes, not bytes
		{"naïve", "naive", 1},
	} {
		if got := EditDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := EditDistance(tt.b, tt.a); got != tt.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d (symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestNearest(t *testing.T) {
	tags := []string{"orm", "security", "caching", "testing"}
	for _, tt := range []struct {
		s, want string
	}{
		{"securty", "security"},
		{"cachng", "caching"},
		{"tsting", "testing"},
		{"orn", "orm"}, // one edit in three letters
		{"or", ""},     // one edit in two letters is too much
		{"django", ""}, // nothing close
		{"", ""},
	} {
		if got := Nearest(tt.s, tags); got != tt.want {
			t.Errorf("Nearest(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}
