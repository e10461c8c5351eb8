package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestHelperDjq is not a test: it is djq for the shell tests, the test
// binary re-executed with djq's arguments after "--".
func TestHelperDjq(t *testing.T) {
	if os.Getenv("DJQ_TEST_AS_DJQ") == "" {
		return
	}
	i := slices.Index(os.Args, "--")
	os.Exit(Main(os.Args[i+1:]))
}

// tabScript presses Tab in a bash that has read only the committed
// completion script: it fills COMP_LINE, COMP_POINT, COMP_WORDS and
// COMP_CWORD as bash would (splitting at COMP_WORDBREAKS too) and prints
// the candidates, one a line, after the line.
const tabScript = `
djq() { "$DJQ_TEST_BIN" -test.run='^TestHelperDjq$' -- "$@"; }
source "$1"
shift
for line in "$@"; do
    COMP_LINE=$line
    COMP_POINT=${#line}
    COMP_WORDS=($(printf '%s' "$line" | sed 's/\([=:]\)/ \1 /g'))
    [[ $line == *[\ =:] ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_TYPE=63 # the second Tab, which lists the candidates
    COLUMNS=100  # an interactive bash knows its width
    COMPREPLY=()
    __start_djq djq 2>>"$DJQ_TEST_ERR"
    printf '== %s\n' "$line"
    printf '%s\n' "${COMPREPLY[@]}"
done
`

// TestBashCompletionWithoutPackage: completions/djq.bash works in a bash
// without the bash-completion package (issue 26: every Tab printed
// "_get_comp_words_by_ref: command not found"): subcommands, flags, flag
// values after = and question ids with their titles.
func TestBashCompletionWithoutPackage(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	dir := t.TempDir()
	errFile := filepath.Join(dir, "stderr")
	lines := []string{"djq sh", "djq show 3", "djq list --le", "djq list --format=js", "djq list --level ", "djq ", "djq show --deck=dj"}
	cmd := exec.Command(bash, append([]string{"--norc", "--noprofile", "-c", tabScript, "bash", filepath.Join("..", "..", "completions", "djq.bash")}, lines...)...)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "DJQ_TEST_AS_DJQ=1", "DJQ_TEST_BIN=" + os.Args[0],
		"DJQ_TEST_ERR=" + errFile, "DJQ_CACHE_DIR=" + dir, "DJQ_STATE_DIR=" + dir, "DJQ_CONFIG_DIR=" + dir, "DJQ_DATA_DIR=" + dir}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("bash: %v\n%s", err, out)
	}
	got := map[string]string{}
	for _, block := range strings.Split(string(out), "== ")[1:] {
		line, cands, _ := strings.Cut(block, "\n")
		got[line] = cands
	}
	wants := map[string][]string{
		"djq sh":               {"show"},
		"djq show 3":           {"35  (What is the difference between select_related and prefetch_related?)"},
		"djq list --le":        {"--level"},
		"djq list --format=js": {"json"},
		"djq list --level ":    {"advanced", "beginner", "intermediate"},
		"djq ":                 {"browse", "list", "search", "show"},
		"djq show --deck=dj":   {"django"},
	}
	for line, want := range wants {
		for _, w := range want {
			if !strings.Contains(got[line], w) {
				t.Errorf("Tab after %q offers\n%s\nwant %q among them", line, got[line], w)
			}
		}
	}
	if stderr, _ := os.ReadFile(errFile); strings.Contains(string(stderr), "not found") {
		t.Errorf("Tab printed errors:\n%s", stderr)
	}
}
