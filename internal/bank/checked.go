package bank

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
)

// CheckSkipMarker starts a check file whose answer cannot be checked here;
// the rest of its first line says why.
const CheckSkipMarker = "# cannot run here:"

// ReadChecked reads passed.txt in the bank's checks folder, the record
// data/checks/run writes of the Django series on which each answer's check
// passed, and returns it by id. An id counts only while its check file
// NNN.py exists and is not a CheckSkipMarker file, so deleting a check
// takes the "checked on" note away at the next go generate even before the
// suite runs again. No record is no checks.
func ReadChecked(checks fs.FS) (map[int][]string, error) {
	b, err := fs.ReadFile(checks, "passed.txt")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	out := map[int][]string{}
	for i, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		id, err := strconv.Atoi(f[0])
		if err != nil || id < 1 || len(f) < 2 {
			return nil, fmt.Errorf("passed.txt:%d: want an id and the Django series its check passed on, got %q", i+1, line)
		}
		src, err := fs.ReadFile(checks, fmt.Sprintf("%03d.py", id))
		if err != nil || bytes.HasPrefix(src, []byte(CheckSkipMarker)) {
			continue
		}
		out[id] = f[1:]
	}
	return out, nil
}
