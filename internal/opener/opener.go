// Package opener opens web links in the person's browser: the command in
// $BROWSER when it is set, else the platform's handler (xdg-open on Linux
// and the BSDs, open on macOS, the URL handler of rundll32 on Windows).
// When there is none, Open says so with ErrNoOpener and the caller prints
// the link for the person to open.
package opener

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"github.com/djq-cli/djq/internal/sanitize"
)

// ErrNoOpener means there is nothing to open a browser with: $BROWSER is
// unset and the platform's handler is not installed. Open's error says
// which handler is missing and matches it with errors.Is.
var ErrNoOpener = errors.New("no browser handler on this system; set $BROWSER")

// noOpener is ErrNoOpener naming the missing handler. Its text is whole on
// its own, so that callers add only their "cannot open a browser: "
// (browse's status line, djq open's warning) and the reason reads once:
// "xdg-open is not installed; set $BROWSER".
type noOpener struct{ handler string }

func (e noOpener) Error() string {
	if e.handler == "" {
		return ErrNoOpener.Error()
	}
	return e.handler + " is not installed; set $BROWSER"
}

func (e noOpener) Is(target error) bool { return target == ErrNoOpener }

// DefaultWait is how long Open waits for the command: see Opener.Wait.
const DefaultWait = 3 * time.Second

// Opener opens URLs. Build it with New; tests set the fields.
type Opener struct {
	// Getenv reads $BROWSER.
	Getenv func(string) string
	// LookPath finds the platform's handler.
	LookPath func(string) (string, error)
	// GOOS chooses the platform's handler.
	GOOS string
	// Wait is how long Open waits for the platform's handler to finish. A
	// handler that fails within it is reported; one still running after
	// it is taken to have opened the page.
	Wait time.Duration
	// Stdin, Stdout and Stderr, when set, are what a $BROWSER command
	// runs with, in the foreground until it exits, as git and gh run it: a
	// text browser over SSH (w3m, lynx) needs the terminal, and a command
	// such as echo prints the link. Unset (browse's full-screen view owns
	// the terminal), $BROWSER is started detached like the handler.
	Stdin          io.Reader
	Stdout, Stderr io.Writer
}

// New is an Opener for this system that reads the environment through
// getenv (the streams' Getenv, so that tests can set $BROWSER).
func New(getenv func(string) string) *Opener {
	return &Opener{Getenv: getenv, LookPath: exec.LookPath, GOOS: runtime.GOOS, Wait: DefaultWait}
}

// OnTerminal is New for a command that owns the terminal (djq open): a
// $BROWSER command runs in the foreground with these streams.
func OnTerminal(getenv func(string) string, in io.Reader, out, errOut io.Writer) *Opener {
	o := New(getenv)
	o.Stdin, o.Stdout, o.Stderr = in, out, errOut
	return o
}

// Open opens link in a browser. $BROWSER is a command, or a list of them
// separated by colons (semicolons on Windows) tried in turn; a %s in it
// stands for the link, which is otherwise added as the last argument.
// Nothing goes through a shell: the link is one argument, whatever it holds.
func (o *Opener) Open(link string) error {
	cmds, err := o.Commands(link)
	if err != nil {
		return err
	}
	fromEnv := strings.TrimSpace(o.Getenv("BROWSER")) != ""
	var errs []error
	for _, argv := range cmds {
		var err error
		if fromEnv && o.Stdout != nil {
			err = o.runForeground(argv)
		} else {
			err = o.run(argv)
		}
		if err == nil {
			return nil
		}
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// Commands is the commands Open tries for link, in order.
func (o *Opener) Commands(link string) ([][]string, error) {
	if err := checkLink(link); err != nil {
		return nil, err
	}
	if b := strings.TrimSpace(o.Getenv("BROWSER")); b != "" {
		sep := ":"
		if o.GOOS == "windows" {
			sep = ";"
		}
		var cmds [][]string
		for _, entry := range strings.Split(b, sep) {
			if argv := browserArgv(entry, link); argv != nil {
				cmds = append(cmds, argv)
			}
		}
		if len(cmds) > 0 {
			return cmds, nil
		}
	}
	var argv []string
	switch o.GOOS {
	case "darwin":
		argv = []string{"open", link}
	case "windows":
		argv = []string{"rundll32", "url.dll,FileProtocolHandler", link}
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly", "solaris", "illumos":
		argv = []string{"xdg-open", link}
	default:
		return nil, noOpener{}
	}
	if _, err := o.LookPath(argv[0]); err != nil {
		return nil, noOpener{handler: argv[0]}
	}
	return [][]string{argv}, nil
}

// checkLink accepts web links only: a docs link in a user's deck is
// untrusted text, and a handler given file:, a custom scheme or a word
// starting with - would do something else than open a page.
func checkLink(link string) error {
	u, err := url.Parse(link)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("not a web link: %s", sanitize.Quote(link))
	}
	return nil
}

// browserArgv is one $BROWSER entry as a command for link: %s becomes the
// link (%% a percent sign), else the link goes last. Quotes around a word
// are dropped, for values like "firefox '%s'" written for a shell.
func browserArgv(entry, link string) []string {
	fields := strings.Fields(entry)
	if len(fields) == 0 {
		return nil
	}
	substituted := false
	for i, f := range fields {
		if len(f) >= 2 && (f[0] == '\'' || f[0] == '"') && f[len(f)-1] == f[0] {
			f = f[1 : len(f)-1]
		}
		if strings.Contains(f, "%s") {
			substituted = true
		}
		fields[i] = percent(f, link)
	}
	if !substituted {
		fields = append(fields, link)
	}
	return fields
}

// percent replaces %s with link and %% with %, in one pass so that a
// percent sign in the link is left alone.
func percent(f, link string) string {
	var b strings.Builder
	for i := 0; i < len(f); i++ {
		if f[i] == '%' && i+1 < len(f) {
			switch f[i+1] {
			case 's':
				b.WriteString(link)
				i++
				continue
			case '%':
				b.WriteByte('%')
				i++
				continue
			}
		}
		b.WriteByte(f[i])
	}
	return b.String()
}

// run starts argv away from the terminal (no input, output kept for the
// error message) and waits for it up to o.Wait.
func (o *Opener) run(argv []string) error {
	cmd := exec.Command(argv[0], argv[1:]...)
	out := &capped{max: 4096}
	cmd.Stdout = out
	cmd.Stderr = out
	detach(cmd)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("%s: %w", argv[0], unwrapExec(err))
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			if msg := firstLine(out.String()); msg != "" {
				return fmt.Errorf("%s: %w: %s", argv[0], err, msg)
			}
			return fmt.Errorf("%s: %w", argv[0], err)
		}
		return nil
	case <-time.After(o.Wait):
		// Still running: a browser in the foreground. Its output is no
		// longer read, and the goroutine above reaps it if djq outlives it.
		return nil
	}
}

// runForeground runs a $BROWSER command with djq's own streams and waits
// for it to exit.
func (o *Opener) runForeground(argv []string) error {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = o.Stdin, o.Stdout, o.Stderr
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return fmt.Errorf("%s: %w", argv[0], err)
		}
		return fmt.Errorf("%s: %w", argv[0], unwrapExec(err))
	}
	return nil
}

// unwrapExec drops the repetition of the command's name (exec: "name":,
// fork/exec /path/name:).
func unwrapExec(err error) error {
	var ee *exec.Error
	if errors.As(err, &ee) {
		return ee.Err
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// capped keeps the first max bytes written to it: a browser that keeps
// running may log for hours.
type capped struct {
	bytes.Buffer
	max int
}

func (c *capped) Write(p []byte) (int, error) {
	if room := c.max - c.Len(); room > 0 {
		c.Buffer.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	const maxLen = 200
	if len(s) > maxLen {
		s = s[:maxLen] + "…"
	}
	return s
}

// OpenAll opens each link and returns the ones it could not open, for the
// caller to print instead. warn gets a line for each browser that failed,
// and one line when there is no browser at all (the same reason for every
// link).
func (o *Opener) OpenAll(links []string, warn io.Writer) []string {
	var unopened []string
	for _, l := range links {
		if err := o.Open(l); err != nil {
			if !errors.Is(err, ErrNoOpener) || len(unopened) == 0 {
				fmt.Fprintf(warn, "djq: cannot open a browser: %v\n", err)
			}
			unopened = append(unopened, l)
		}
	}
	return unopened
}
