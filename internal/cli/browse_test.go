package cli

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// TestBrowseWithoutTerminal: no /dev/tty at all means exit 2 with a hint.
func TestBrowseWithoutTerminal(t *testing.T) {
	old := openTTY
	openTTY = func() (*os.File, error) { return nil, errors.New("no such device or address") }
	defer func() { openTTY = old }()
	code, _, stderr := run(t, runOpts{}, "browse")
	if code != 2 || !strings.Contains(stderr, "browse needs a terminal") || !strings.Contains(stderr, "djq list, djq show or djq search") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr := run(t, runOpts{}, "browse", "--level", "guru"); code != 2 || !strings.Contains(stderr, `unknown level "guru"`) {
		t.Errorf("bad level: %d %q", code, stderr)
	}
}
