package cli

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestOpen drives djq open with $BROWSER set to a fake that records the
// links it was given.
func TestOpen(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the fake browser is a shell script")
	}
	dir := t.TempDir()
	log := filepath.Join(dir, "opened")
	fake := filepath.Join(dir, "browser")
	os.WriteFile(fake, []byte("#!/bin/sh\necho \"$1\" >> "+log+"\n"), 0o755)
	tests := []struct {
		name        string
		env         map[string]string
		args        []string
		code        int
		opened      []string
		out, errOut string
	}{
		{"first link", map[string]string{"BROWSER": fake}, []string{"open", "35"}, 0, []string{"#select-related"}, "", ""},
		{"second link", map[string]string{"BROWSER": fake}, []string{"open", "35", "2"}, 0, []string{"#prefetch-related"}, "", ""},
		{"all links", map[string]string{"BROWSER": fake}, []string{"open", "35", "--all"}, 0, []string{"#select-related", "#prefetch-related", "#prefetch-objects", "/fetch-modes/"}, "", ""},
		{"print only", map[string]string{"BROWSER": fake}, []string{"open", "35", "--print"}, 0, nil, "#select-related\n", ""},
		{"no opener prints the link", map[string]string{"BROWSER": filepath.Join(dir, "missing")}, []string{"open", "35"}, 0, nil, "#select-related\n", "djq: cannot open a browser: " + filepath.Join(dir, "missing") + ": no such file or directory\n"},
		{"link number out of range", map[string]string{"BROWSER": fake}, []string{"open", "35", "9"}, 2, nil, "", "question 35 has 4 docs links: use a number from 1 to 4"},
		{"bad link number", nil, []string{"open", "35", "x"}, 2, nil, "", `invalid link number "x"`},
		{"number and --all", nil, []string{"open", "35", "2", "--all"}, 2, nil, "", "not both"},
		{"missing question", nil, []string{"open", "99999"}, 1, nil, "", "no question 99999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.Remove(log)
			code, stdout, stderr := run(t, runOpts{env: tt.env}, tt.args...)
			if code != tt.code || !strings.Contains(stdout, tt.out) || !strings.Contains(stderr, tt.errOut) {
				t.Errorf("exit %d (want %d), stdout %q (want %q), stderr %q (want %q)", code, tt.code, stdout, tt.out, stderr, tt.errOut)
			}
			b, _ := os.ReadFile(log)
			got := strings.Fields(string(b))
			if len(got) != len(tt.opened) {
				t.Fatalf("opened %q, want %d links", got, len(tt.opened))
			}
			for i, want := range tt.opened {
				if !strings.HasSuffix(got[i], want) {
					t.Errorf("opened %q, want a link ending %q", got[i], want)
				}
			}
		})
	}
}

// TestOpenWithoutABrowser is issue 26's stutter: with no $BROWSER and no
// xdg-open, djq open says why in one clean line (not "cannot open a
// browser: no way to open a browser (set $BROWSER): xdg-open is not
// installed") and prints the link for the person to open.
func TestOpenWithoutABrowser(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the platform's handler is xdg-open on Linux")
	}
	t.Setenv("PATH", t.TempDir()) // no xdg-open
	code, stdout, stderr := run(t, runOpts{}, "open", "35")
	if want := "djq: cannot open a browser: xdg-open is not installed; set $BROWSER\n"; code != 0 || stderr != want {
		t.Errorf("exit %d, stderr %q, want %q", code, stderr, want)
	}
	if !strings.HasSuffix(stdout, "#select-related\n") {
		t.Errorf("stdout %q does not give the link", stdout)
	}
}
