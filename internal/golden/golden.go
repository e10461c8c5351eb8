// Package golden compares test output with files under testdata/golden,
// rewriting them when a test runs with -update. Only tests import it.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files with the current output")

// Check compares got with testdata/golden/name, or rewrites the file with
// -update.
func Check(t testing.TB, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("output differs from %s (run with -update if the change is intended)\n--- got ---\n%s", path, got)
	}
}

// Updating reports whether the test run was given -update, for tests that
// rewrite something other than a golden file (the README's samples).
func Updating() bool { return *update }
