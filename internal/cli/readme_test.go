package cli

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	xansi "github.com/charmbracelet/x/ansi"

	"github.com/djq-cli/djq/internal/golden"
)

// sampleMarker opens a README block of djq's output: the command, and how
// many of its first lines the block shows. The block is the fenced text
// after the marker, up to the closing fence.
var sampleMarker = regexp.MustCompile(`(?m)^<!-- sample: djq ([^|>]+?)(?: \| head -(\d+))? -->\n`)

// TestREADMESamples runs each README sample's command on a terminal of
// its --width (dark style, colours then stripped, as the README says) and
// compares the block with what djq prints; -update rewrites the README's
// blocks. Issue 26: the 72-column `djq show 21` had drifted from the real
// output.
func TestREADMESamples(t *testing.T) {
	const path = "../../README.md"
	readme, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	marks := sampleMarker.FindAllStringSubmatchIndex(text, -1)
	if len(marks) == 0 {
		t.Fatal("README has no <!-- sample: djq ... --> block")
	}
	var out strings.Builder
	last := 0
	for _, m := range marks {
		args := strings.Fields(text[m[2]:m[3]])
		head := 0
		if m[4] >= 0 {
			head, _ = strconv.Atoi(text[m[4]:m[5]])
		}
		open := m[1]
		if !strings.HasPrefix(text[open:], "```text\n") {
			t.Fatalf("the sample %q is not followed by a ```text block", args)
		}
		body := open + len("```text\n")
		end := strings.Index(text[body:], "```\n")
		if end < 0 {
			t.Fatalf("the sample %q has no closing fence", args)
		}
		want := sampleOutput(t, args, head)
		if got := text[body : body+end]; got != want && !golden.Updating() {
			t.Errorf("README sample `djq %s` differs from djq's output (go test ./internal/cli -run TestREADMESamples -update rewrites it)\n--- README ---\n%s--- djq ---\n%s",
				strings.Join(args, " "), got, want)
		}
		out.WriteString(text[last:body])
		out.WriteString(want)
		last = body + end
	}
	out.WriteString(text[last:])
	if golden.Updating() && out.String() != text {
		if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// sampleOutput is what djq prints for args on a dark 256-colour terminal,
// escapes stripped, blank lines at either end dropped, cut to head lines.
func sampleOutput(t *testing.T, args []string, head int) string {
	t.Helper()
	width := 80
	for i, a := range args {
		if a == "--width" && i+1 < len(args) {
			width, _ = strconv.Atoi(args[i+1])
		}
	}
	dir := t.TempDir()
	env := map[string]string{"TERM": "xterm-256color", "DJQ_CACHE_DIR": dir + "/cache",
		"DJQ_STATE_DIR": dir + "/state", "DJQ_CONFIG_DIR": dir + "/config", "DJQ_DATA_DIR": dir + "/data"}
	code, stdout, stderr := run(t, runOpts{tty: true, width: width, env: env}, append(args, "--style", "dark")...)
	if code != 0 {
		t.Fatalf("djq %s: exit %d: %s", strings.Join(args, " "), code, stderr)
	}
	lines := strings.Split(strings.Trim(xansi.Strip(stdout), "\n"), "\n")
	if head > 0 && len(lines) > head {
		lines = lines[:head]
	}
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n") + "\n"
}
