//go:build linux || darwin

package quiz

import (
	"errors"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/term"

	"github.com/djq-cli/djq/internal/errkind"
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
	keys := rawKeys{f: tty}
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

// TestRawKeysInterrupted: a SIGINT while waiting for a key ends the wait
// with an interruption and puts the terminal back in its normal mode.
func TestRawKeysInterrupted(t *testing.T) {
	master, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer master.Close()
	defer tty.Close()
	before, err := term.GetState(int(tty.Fd()))
	if err != nil {
		t.Fatal(err)
	}
	sig := make(chan os.Signal, 1)
	keys := rawKeys{f: tty, interrupts: sig}
	go func() {
		time.Sleep(150 * time.Millisecond)
		sig <- os.Interrupt
	}()
	if k, err := keys.ReadKey(); !errors.Is(err, errkind.ErrInterrupted) {
		t.Errorf("ReadKey = %q, %v; want an interruption", k, err)
	}
	after, err := term.GetState(int(tty.Fd()))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, after) {
		t.Errorf("the terminal was left in raw mode")
	}
}
