package exitcode

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
	"testing"
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
		{"not found", NotFoundf("no question 999"), NotFound},
		{"as usage keeps message", AsUsage(fs.ErrNotExist), Usage},
		{"silent", Silent(1), 1},
		{"broken pipe", fmt.Errorf("write: %w", syscall.EPIPE), OK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Of(tt.err); got != tt.want {
				t.Errorf("Of(%v) = %d, want %d", tt.err, got, tt.want)
			}
		})
	}
	if AsUsage(fs.ErrNotExist).Error() != fs.ErrNotExist.Error() {
		t.Errorf("AsUsage changed the message")
	}
	if !IsSilent(fmt.Errorf("x: %w", Silent(2))) {
		t.Errorf("IsSilent does not see through wrapping")
	}
}
