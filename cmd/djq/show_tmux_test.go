package main

import (
	"strings"
	"testing"
)

// TestShowNarrowInTmux shows answer 35 on a 60-column, 16-colour terminal
// (TERM=xterm) and reads what the terminal shows, scrollback included
// (issue 26): the title's second line keeps the first one's padding and
// background, no code line is cut inside "order_by", no comment's "#"
// sits alone before its continuation, no line reaches past the edge, and
// nothing is drawn in bright black (SGR 90).
func TestShowNarrowInTmux(t *testing.T) {
	env := strings.Join(isolatedEnv(t), " ")
	tm := startTmux(t, 60, 40, "env "+env+" TERM=xterm DJQ_PAGER=cat "+binary+" show 35; echo djq-done; sleep 60")
	tm.waitScreen("djq-done")
	styled := tm.run("capture-pane", "-p", "-e", "-J", "-S", "-", "-t", tm.session)
	plain := tm.run("capture-pane", "-p", "-J", "-S", "-", "-t", tm.session)
	lines := strings.Split(plain, "\n")
	if len(lines) < 4 || !strings.HasPrefix(lines[1], "   What is the difference") || !strings.HasPrefix(lines[2], "   prefetch_related?") {
		t.Errorf("title lines do not share their padding:\n%s", strings.Join(lines[:min(4, len(lines))], "\n"))
	}
	if sl := strings.Split(styled, "\n"); len(sl) > 2 && !strings.Contains(sl[2], "\x1b[44m") && !strings.Contains(sl[2], ";44m") {
		t.Errorf("the title's second line has no background: %q", sl[2])
	}
	for _, l := range lines {
		trimmed := strings.TrimRight(l, " ")
		if strings.HasSuffix(trimmed, "order_") || strings.HasSuffix(trimmed, " #") {
			t.Errorf("code line broken badly: %q", l)
		}
		if n := len([]rune(trimmed)); n > 60 && !strings.Contains(l, "https://") {
			t.Errorf("line of %d columns on a 60-column terminal: %q", n, l)
		}
	}
	if strings.Contains(styled, "\x1b[90m") || strings.Contains(styled, ";90m") {
		t.Errorf("bright black (SGR 90) on the screen")
	}
}
