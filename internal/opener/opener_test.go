package opener

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

const link = "https://docs.djangoproject.com/en/stable/ref/models/querysets/#select-related"

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestCommands(t *testing.T) {
	installed := func(names ...string) func(string) (string, error) {
		return func(name string) (string, error) {
			if slices.Contains(names, name) {
				return "/usr/bin/" + name, nil
			}
			return "", exec.ErrNotFound
		}
	}
	tests := []struct {
		name    string
		goos    string
		browser string
		look    func(string) (string, error)
		want    [][]string
		wantErr error
	}{
		{"linux uses xdg-open", "linux", "", installed("xdg-open"), [][]string{{"xdg-open", link}}, nil},
		{"freebsd uses xdg-open", "freebsd", "", installed("xdg-open"), [][]string{{"xdg-open", link}}, nil},
		{"macOS uses open", "darwin", "", installed("open"), [][]string{{"open", link}}, nil},
		{"windows uses the URL handler", "windows", "", installed("rundll32"), [][]string{{"rundll32", "url.dll,FileProtocolHandler", link}}, nil},
		{"no xdg-open", "linux", "", installed(), nil, ErrNoOpener},
		{"unknown platform", "plan9", "", installed("xdg-open"), nil, ErrNoOpener},
		{"BROWSER is a command", "linux", "firefox", installed(), [][]string{{"firefox", link}}, nil},
		{"BROWSER with arguments", "linux", "firefox --new-tab", installed(), [][]string{{"firefox", "--new-tab", link}}, nil},
		{"BROWSER with %s", "linux", "lynx -dump %s -width 80", installed(), [][]string{{"lynx", "-dump", link, "-width", "80"}}, nil},
		{"BROWSER with a quoted %s and %%", "linux", "echo '%s' 100%%", installed(), [][]string{{"echo", link, "100%"}}, nil},
		{"BROWSER list", "linux", "w3m:firefox %s:", installed(), [][]string{{"w3m", link}, {"firefox", link}}, nil},
		{"BROWSER list on windows", "windows", `C:\bin\browser.exe;edge`, installed(), [][]string{{`C:\bin\browser.exe`, link}, {"edge", link}}, nil},
		{"blank BROWSER falls back", "darwin", "  ", installed("open"), [][]string{{"open", link}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := &Opener{Getenv: env(map[string]string{"BROWSER": tt.browser}), LookPath: tt.look, GOOS: tt.goos}
			got, err := o.Commands(link)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
			if !slices.EqualFunc(got, tt.want, slices.Equal) {
				t.Errorf("commands %q, want %q", got, tt.want)
			}
		})
	}
}

// TestOnlyWebLinks: a docs link from a user's deck is untrusted; nothing
// but http(s) reaches a command.
func TestOnlyWebLinks(t *testing.T) {
	for _, l := range []string{"file:///etc/passwd", "-x", "--help", "javascript:alert(1)", "https://", "ftp://example.com/", ""} {
		o := &Opener{Getenv: env(map[string]string{"BROWSER": "echo"}), LookPath: exec.LookPath, GOOS: "linux"}
		if cmds, err := o.Commands(l); err == nil {
			t.Errorf("Commands(%q) = %q, want an error", l, cmds)
		}
	}
}

// fakeBrowser writes a script that records its arguments, one a line, in
// the returned file, then runs extra shell lines.
func fakeBrowser(t *testing.T, extra string) (script, record string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the fake browser is a shell script")
	}
	dir := t.TempDir()
	script, record = filepath.Join(dir, "fake-browser"), filepath.Join(dir, "args")
	body := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> '" + record + "'; done\n" + extra + "\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return script, record
}

func TestOpenRunsBROWSER(t *testing.T) {
	tricky := "https://example.com/a?b=1&c=$(touch%20x);d='e' f"
	tests := []struct {
		name, browser, extra, link string
		want                       []string
		wantErr                    string
	}{
		{"appends the link", "SCRIPT", "", link, []string{link}, ""},
		{"puts the link for percent-s", "SCRIPT --new-tab %s --x", "", link, []string{"--new-tab", link, "--x"}, ""},
		{"no shell sees the link", "SCRIPT", "", tricky, []string{tricky}, ""},
		{"tries the list in turn", "/nonexistent/browser:SCRIPT", "", link, []string{link}, ""},
		{"reports a failure with its message", "SCRIPT", "echo 'no method available for opening' >&2; exit 3", link, []string{link}, "no method available for opening"},
		{"reports a missing program", "/nonexistent/browser", "", link, nil, "/nonexistent/browser: no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			script, record := fakeBrowser(t, tt.extra)
			o := New(env(map[string]string{"BROWSER": strings.ReplaceAll(tt.browser, "SCRIPT", script)}))
			err := o.Open(tt.link)
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Errorf("error %v, want %q", err, tt.wantErr)
			}
			got, _ := os.ReadFile(record)
			if args := strings.Split(strings.TrimSuffix(string(got), "\n"), "\n"); len(got) > 0 || tt.want != nil {
				if !slices.Equal(args, tt.want) {
					t.Errorf("browser got %q, want %q", args, tt.want)
				}
			}
		})
	}
}

// TestOpenDoesNotWaitForTheBrowser: a browser in the foreground runs until
// closed; Open returns once it has been running for Wait.
func TestOpenDoesNotWaitForTheBrowser(t *testing.T) {
	script, record := fakeBrowser(t, "sleep 5")
	o := New(env(map[string]string{"BROWSER": script}))
	o.Wait = 200 * time.Millisecond
	start := time.Now()
	if err := o.Open(link); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Open took %v", d)
	}
	if got, _ := os.ReadFile(record); string(got) != link+"\n" {
		t.Errorf("browser got %q", got)
	}
}

func TestNoOpener(t *testing.T) {
	o := New(env(nil))
	o.GOOS = "linux"
	o.LookPath = func(string) (string, error) { return "", exec.ErrNotFound }
	err := o.Open(link)
	// The text is whole on its own: browse and djq open put "cannot open
	// a browser: " before it, and the reason must read once.
	if want := "xdg-open is not installed; set $BROWSER"; !errors.Is(err, ErrNoOpener) || err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	o.GOOS = "plan9"
	if err := o.Open(link); !errors.Is(err, ErrNoOpener) || err.Error() != "no browser handler on this system; set $BROWSER" {
		t.Errorf("error on a platform without a handler: %q", err)
	}
}

func TestOpenAll(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("$BROWSER commands are the Unix true and false")
	}
	notInstalled := func(string) (string, error) { return "", exec.ErrNotFound }
	links := []string{
		"https://docs.djangoproject.com/en/stable/ref/models/querysets/",
		"https://docs.djangoproject.com/en/stable/topics/db/optimization/",
		"https://docs.djangoproject.com/en/stable/ref/models/expressions/",
	}
	tests := []struct {
		name    string
		browser string
		links   []string
		want    []string
		// wantWarn are fragments of the warning lines, one each, in order.
		wantWarn []string
	}{
		{name: "no browser: every link, one line", links: links, want: links,
			wantWarn: []string{"djq: cannot open a browser: xdg-open is not installed; set $BROWSER"}},
		{name: "no browser, one link", links: links[:1], want: links[:1],
			wantWarn: []string{"djq: cannot open a browser: xdg-open is not installed; set $BROWSER"}},
		{name: "a browser that works", browser: "true", links: links, want: nil},
		{name: "a browser that fails: every link, a line each", browser: "false", links: links, want: links,
			wantWarn: []string{"djq: cannot open a browser: false: exit status 1", "djq: cannot open a browser: false: exit status 1", "djq: cannot open a browser: false: exit status 1"}},
		{name: "a link that is not a web link", browser: "true", links: []string{links[0], "file:///etc/passwd"}, want: []string{"file:///etc/passwd"},
			wantWarn: []string{`djq: cannot open a browser: not a web link: "file:///etc/passwd"`}},
		{name: "no links", browser: "false", links: nil, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, prog := range strings.Fields(tt.browser) {
				if _, err := exec.LookPath(prog); err != nil {
					t.Skipf("%s is not installed", prog)
				}
			}
			o := &Opener{Getenv: env(map[string]string{"BROWSER": tt.browser}), LookPath: notInstalled, GOOS: "linux", Wait: DefaultWait}
			var warn strings.Builder
			got := o.OpenAll(tt.links, &warn)
			if !slices.Equal(got, tt.want) {
				t.Errorf("unopened %q, want %q", got, tt.want)
			}
			var lines []string
			if w := warn.String(); w != "" {
				if !strings.HasSuffix(w, "\n") {
					t.Errorf("warnings do not end in a newline: %q", w)
				}
				lines = strings.Split(strings.TrimSuffix(w, "\n"), "\n")
			}
			if len(lines) != len(tt.wantWarn) {
				t.Fatalf("warnings %q, want %d lines", lines, len(tt.wantWarn))
			}
			for i, l := range lines {
				if l != tt.wantWarn[i] {
					t.Errorf("warning %d = %q, want %q", i, l, tt.wantWarn[i])
				}
			}
		})
	}
}

// TestBROWSERRunsInTheForeground: with djq's streams set, a $BROWSER
// command gets the terminal and its output is the user's to see
// (BROWSER=echo prints the link; w3m and lynx need stdin), and its
// failure is reported; a platform handler stays detached.
func TestBROWSERRunsInTheForeground(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses sh")
	}
	tests := []struct {
		name, browser, stdin string
		wantOut              string
		wantErr              string
	}{
		{"echo prints the link", "echo", "", link + "\n", ""},
		{"%s placement", "echo open %s now", "", "open " + link + " now\n", ""},
		{"reads the terminal's input", "READER", "typed\n", "got typed\n", ""},
		{"a failing command is reported", "false", "", "", "false: exit status 1"},
		{"a missing command is reported", "no-such-browser-djq", "", "", "no-such-browser-djq: executable file not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.browser == "READER" {
				script := filepath.Join(t.TempDir(), "reader")
				if err := os.WriteFile(script, []byte("#!/bin/sh\nread x\necho got $x\n"), 0o755); err != nil {
					t.Fatal(err)
				}
				tt.browser = script
			}
			var out, errOut strings.Builder
			o := New(env(map[string]string{"BROWSER": tt.browser}))
			o.Stdin, o.Stdout, o.Stderr = strings.NewReader(tt.stdin), &out, &errOut
			err := o.Open(link)
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("Open: %v, want error %q", err, tt.wantErr)
			}
			if out.String() != tt.wantOut {
				t.Errorf("stdout %q, want %q", out.String(), tt.wantOut)
			}
		})
	}
}
