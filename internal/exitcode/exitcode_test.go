package exitcode

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
	"testing"

	"github.com/djq-cli/djq/internal/errkind"
)

func TestOf(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"nil", nil, OK},
		{"plain", errors.New("disk full"), Error},
		{"usage", Usagef("unknown level %q", "x"), Usage},
		{"wrapped usage", fmt.Errorf("list: %w", Usagef("bad")), Usage},
		{"not found", errkind.NotFoundf("no question 999"), NotFound},
		{"as usage keeps message", errkind.AsUsage(fs.ErrNotExist), Usage},
		{"silent", Silent(1), 1},
		{"interrupted", fmt.Errorf("quiz: %w", errkind.ErrInterrupted), Interrupted},
		{"broken pipe", fmt.Errorf("write: %w", syscall.EPIPE), OK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Of(tt.err); got != tt.want {
				t.Errorf("Of(%v) = %d, want %d", tt.err, got, tt.want)
			}
		})
	}
	if errkind.AsUsage(fs.ErrNotExist).Error() != fs.ErrNotExist.Error() {
		t.Errorf("AsUsage changed the message")
	}
	if !IsSilent(errkind.ErrInterrupted) {
		t.Errorf("an interruption would print a message")
	}
	if !IsSilent(fmt.Errorf("x: %w", Silent(2))) {
		t.Errorf("IsSilent does not see through wrapping")
	}
}

func TestMessage(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"one line", errors.New("no question 999"), "no question 999"},
		{"surrounding space trimmed", errors.New("  unknown deck \"x\"\n"), `unknown deck "x"`},
		{"only the first line", errors.New("f.md:1: missing front matter\nf.md:3: bad id\nf.md:9: empty"), "f.md:1: missing front matter"},
		{"leading blank lines skipped", errors.New("\n\n  first real line\nsecond"), "first real line"},
		{"wrapped keeps its prefix", fmt.Errorf("export: %w", errors.New("disk full\ndetails")), "export: disk full"},
		{"kind keeps the message", Usagef("unknown tag %q\n(see djq tags)", "x"), `unknown tag "x"`},
		{"empty", errors.New(" \n "), ""},
		{"first line trimmed after the cut", errors.New("one  \ntwo"), "one"},
		{"windows line ending", errors.New("one\r\ntwo"), "one"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Message(tt.err); got != tt.want {
				t.Errorf("Message(%q) = %q, want %q", tt.err, got, tt.want)
			}
		})
	}
}
