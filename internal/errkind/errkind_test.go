package errkind

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"
)

func TestOf(t *testing.T) {
	tests := []struct {
		name    string
		err     error
		want    Kind
		wantMsg string
	}{
		{"nil", nil, Failure, ""},
		{"plain", errors.New("disk full"), Failure, "disk full"},
		{"usage", Usagef("unknown level %q", "x"), Usage, `unknown level "x"`},
		{"wrapped usage", fmt.Errorf("list: %w", Usagef("bad")), Usage, "list: bad"},
		{"not found", NotFoundf("no question %d", 999), NotFound, "no question 999"},
		{"as usage keeps message", AsUsage(fs.ErrNotExist), Usage, fs.ErrNotExist.Error()},
		{"usage wrapping a not-found keeps the outer kind", AsUsage(NotFoundf("x")), Usage, "x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Of(tt.err); got != tt.want {
				t.Errorf("Of(%v) = %d, want %d", tt.err, got, tt.want)
			}
			if tt.err != nil && tt.err.Error() != tt.wantMsg {
				t.Errorf("message %q, want %q", tt.err.Error(), tt.wantMsg)
			}
		})
	}
	if !errors.Is(Usagef("x: %w", fs.ErrNotExist), fs.ErrNotExist) {
		t.Errorf("Usagef does not wrap with %%w")
	}
}
