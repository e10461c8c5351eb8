// Package renderenv reads, from the streams, the environment and the style
// file, the facts render.Decide needs, so that render itself stays pure:
// it never sees an IOStreams, a variable or a file, only a render.Terminal
// of plain values. The command layer calls Decide and OnTerminal here.
package renderenv

import (
	"os"

	"github.com/djq-cli/djq/internal/iostreams"
	"github.com/djq-cli/djq/internal/render"
)

// Terminal describes the streams for render. The background query may
// wait for the terminal, so it is left to render to ask for it only when
// the style depends on it; the controlling terminal is only opened when
// stdout is not a terminal, which is the only case that reads its width.
func Terminal(ios *iostreams.IOStreams) render.Terminal {
	t := render.Terminal{
		StdoutTTY: ios.IsStdoutTTY(),
		ColorAuto: ios.ColorEnabled(iostreams.ColorAuto),
		Width:     ios.TerminalWidth(),
		Env:       make(map[string]string, len(render.EnvNames)),
		LightBackground: func() bool {
			return ios.TerminalBackground() == iostreams.BackgroundLight
		},
	}
	t.Tail, t.Appends = ios.StdoutTail()
	if t.Width == 0 {
		t.ControllingWidth = ios.ControllingTerminalWidth()
	}
	for _, name := range render.EnvNames {
		t.Env[name] = ios.Getenv(name)
	}
	return t
}

// Decide is render.Decide over the streams, with the JSON style file that
// --style or GLAMOUR_STYLE names read here: render gets its bytes, never
// its path to open. A file that cannot be read is left out, which render
// reports as a style file that does not exist.
func Decide(ios *iostreams.IOStreams, fl render.Flags) (render.Policy, error) {
	t := Terminal(ios)
	text, _ := render.StyleText(fl, t.Env)
	if path := render.StylePath(text); path != "" {
		if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
			if b, err := os.ReadFile(path); err == nil {
				t.StyleFiles = map[string]string{path: string(b)}
			}
		}
	}
	return render.Decide(t, fl)
}

// OnTerminal is render.OnTerminal over the streams.
func OnTerminal(p render.Policy, ios *iostreams.IOStreams) render.Policy {
	return render.OnTerminal(p, Terminal(ios))
}
