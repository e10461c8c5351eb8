package cmdutil

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
)

// BashCompletion writes cobra's bash completion script for root, made to
// work in a bash without the bash-completion package (bash --norc, minimal
// images, macOS's bash): cobra's script calls that package's
// _get_comp_words_by_ref and _filedir, and without them every Tab printed
// "_get_comp_words_by_ref: command not found". Where the package is
// loaded, the script uses it as before. `djq completion bash` and the
// committed completions/djq.bash both come from here.
func BashCompletion(root *cobra.Command, w io.Writer, descriptions bool) error {
	var b bytes.Buffer
	if err := root.GenBashCompletionV2(&b, descriptions); err != nil {
		return err
	}
	prefix := "__" + root.Name() + "_"
	script, err := patchBash(b.String(), prefix)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, script)
	return err
}

// cobraInitWords is the body of cobra's minimal _init_completion, which
// assumes bash-completion's _get_comp_words_by_ref.
const cobraInitWords = "    COMPREPLY=()\n    _get_comp_words_by_ref \"$@\" cur prev words cword\n"

// initWords fills cur, prev, words and cword as _get_comp_words_by_ref -n
// =: would: from the line up to the cursor, split at blanks only, so that
// --format=json and a deck:12 ref stay one word each.
const initWords = `    COMPREPLY=()
    if declare -F _get_comp_words_by_ref >/dev/null 2>&1; then
        _get_comp_words_by_ref "$@" cur prev words cword
        return
    fi
    # No bash-completion package: split the line up to the cursor at
    # blanks only (what "-n =:" asks), so --format=json stays one word.
    local line=${COMP_LINE:0:COMP_POINT}
    read -r -a words <<< "$line"
    if [[ -z $line || $line == *[[:blank:]] ]]; then
        words+=("")
    fi
    cword=$((${#words[@]} - 1))
    cur=${words[cword]}
    prev=
    if ((cword > 0)); then
        prev=${words[cword-1]}
    fi
`

// filedir is bash-completion's _filedir where it is loaded, else plain
// compgen: files, those with one of the extensions "json|yaml|" lists, or
// with -d folders.
const filedir = `
# PREFIXfiledir is bash-completion's _filedir when that package is loaded,
# else plain compgen: files (only those ending in one of the extensions in
# $1, such as "json|"), or folders with -d.
PREFIXfiledir()
{
    if declare -F _filedir >/dev/null 2>&1; then
        _filedir "$@"
        return
    fi
    local IFS=$'\n' ext
    if [[ $1 == -d ]]; then
        COMPREPLY=($(compgen -d -- "$cur"))
    elif [[ -n $1 ]]; then
        COMPREPLY=($(compgen -d -- "$cur"))
        for ext in ${1//|/$'\n'}; do
            COMPREPLY+=($(compgen -f -X "!*.$ext" -- "$cur"))
        done
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
    if [[ $(type -t compopt) == builtin ]]; then
        compopt -o filenames
    fi
}
`

// patchBash rewrites cobra's script; it fails when cobra's text changed so
// that a cobra upgrade cannot silently bring the error back.
func patchBash(script, prefix string) (string, error) {
	if !strings.Contains(script, cobraInitWords) || !strings.Contains(script, "_filedir") {
		return "", fmt.Errorf("bash completion: cobra's script changed; update cmdutil.patchBash")
	}
	script = strings.Replace(script, cobraInitWords, initWords, 1)
	script = strings.ReplaceAll(script, "_filedir", prefix+"filedir")
	define := strings.ReplaceAll(filedir, "PREFIX", prefix)
	at := strings.Index(script, "\n"+prefix+"get_completion_results()")
	if at < 0 {
		return "", fmt.Errorf("bash completion: cobra's script changed; update cmdutil.patchBash")
	}
	return script[:at] + define + script[at:], nil
}
