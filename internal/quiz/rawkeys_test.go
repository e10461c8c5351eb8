//go:build linux || darwin

package quiz

import (
	"testing"

	"github.com/creack/pty"
)

// TestRawKeysSkipsSequences: an arrow key, or a terminal's late reply to a
// query, arrives as one escape sequence in one read; it is no key here,
// while Esc alone still is.
func TestRawKeysSkipsSequences(t *testing.T) {
	master, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer master.Close()
	defer tty.Close()
	keys := rawKeys{tty}
	for _, tt := range []struct {
		in   string
		want byte
	}{
		{"\x1b[A", 0},
		{"\x1b[?2026;2$y", 0},
		{"3", '3'},
		{"\x1b", 0x1b},
	} {
		if _, err := master.WriteString(tt.in); err != nil {
			t.Fatal(err)
		}
		got, err := keys.ReadKey()
		if err != nil || got != tt.want {
			t.Errorf("ReadKey after %q = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}
