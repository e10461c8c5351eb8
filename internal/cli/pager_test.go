package cli

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/djq-cli/djq/internal/iostreams"
)

// TestHelperPager is not a test: it is the fake pager the pager tests run,
// the test binary re-executed. It copies stdin to $DJQ_TEST_PAGER_OUT, or
// quits at once without reading when $DJQ_TEST_PAGER_QUIT is set (like q
// in less).
func TestHelperPager(t *testing.T) {
	out := os.Getenv("DJQ_TEST_PAGER_OUT")
	if out == "" {
		return
	}
	if os.Getenv("DJQ_TEST_PAGER_QUIT") != "" {
		os.Exit(0)
	}
	data, _ := io.ReadAll(os.Stdin)
	os.WriteFile(out, data, 0o644)
	os.Exit(0)
}

func TestPager(t *testing.T) {
	fake := os.Args[0] + " -test.run=^TestHelperPager$"
	tests := []struct {
		name       string
		tty        bool
		height     int
		pager      string
		quit       bool
		args       []string
		wantCode   int
		wantPaged  bool
		wantStdout bool
		wantStderr string
	}{
		{name: "long output on a terminal is paged", tty: true, height: 10, pager: fake, args: []string{"show", "35"}, wantPaged: true},
		{name: "short output is not paged", tty: true, height: 500, pager: fake, args: []string{"list", "--level", "intermediate", "--tag", "forms"}, wantStdout: true},
		{name: "--pager pages short output", tty: true, height: 500, pager: fake, args: []string{"version", "--pager"}, wantPaged: true},
		{name: "--no-pager", tty: true, height: 10, pager: fake, args: []string{"show", "35", "--no-pager"}, wantStdout: true},
		{name: "never page into a pipe", tty: false, height: 10, pager: fake, args: []string{"show", "35", "--pager"}, wantStdout: true},
		{name: "pager quits early", tty: true, height: 10, pager: fake, quit: true, args: []string{"show", "1", "2", "3", "4", "5"}},
		{name: "pager not found", tty: true, height: 10, pager: "/nonexistent/pager", args: []string{"show", "35"}, wantStdout: true, wantStderr: `cannot start pager "/nonexistent/pager"`},
		{name: "DJQ_PAGER=cat disables paging", tty: true, height: 10, pager: "cat", args: []string{"show", "35"}, wantStdout: true},
		{name: "conflicting flags", tty: true, height: 10, pager: fake, args: []string{"show", "35", "--pager", "--no-pager"}, wantCode: 2, wantStderr: "--pager and --no-pager cannot be used together: choose one"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			outFile := filepath.Join(t.TempDir(), "paged")
			t.Setenv("DJQ_TEST_PAGER_OUT", outFile)
			if tt.quit {
				t.Setenv("DJQ_TEST_PAGER_QUIT", "1")
			}
			ios, _, out, errOut := iostreams.Test()
			ios.SetStdoutTTY(tt.tty)
			ios.SetWidth(80)
			ios.SetHeight(tt.height)
			ios.SetEnv(map[string]string{"DJQ_PAGER": tt.pager, "NO_COLOR": "1", "TERM": "xterm"})
			code := Run(context.Background(), ios, tt.args)
			if code != tt.wantCode {
				t.Errorf("exit = %d, want %d (stderr %q)", code, tt.wantCode, errOut.String())
			}
			paged, _ := os.ReadFile(outFile)
			if got := len(paged) > 0; got != tt.wantPaged {
				t.Errorf("paged = %v, want %v", got, tt.wantPaged)
			}
			if got := out.Len() > 0; got != tt.wantStdout {
				t.Errorf("wrote to stdout directly = %v, want %v", got, tt.wantStdout)
			}
			if !strings.Contains(errOut.String(), tt.wantStderr) || tt.wantStderr == "" && errOut.Len() > 0 {
				t.Errorf("stderr = %q, want %q", errOut.String(), tt.wantStderr)
			}
		})
	}
}

func TestPagerCommand(t *testing.T) {
	less := func(string) (string, error) { return "/usr/bin/less", nil }
	none := func(string) (string, error) { return "", os.ErrNotExist }
	tests := []struct {
		env      map[string]string
		lookPath func(string) (string, error)
		want     string
	}{
		{map[string]string{"DJQ_PAGER": "most", "PAGER": "more"}, less, "most"},
		{map[string]string{"PAGER": "more -s"}, less, "more -s"},
		{nil, less, "less -FRX"},
		{nil, none, ""},
		{map[string]string{"DJQ_PAGER": ""}, less, ""},
	}
	for _, tt := range tests {
		ios, _, _, _ := iostreams.Test()
		ios.SetEnv(tt.env)
		ios.SetLookPath(tt.lookPath)
		if got := ios.PagerCommand(); got != tt.want {
			t.Errorf("env %v: pager = %q, want %q", tt.env, got, tt.want)
		}
	}
}
