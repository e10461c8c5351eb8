package progress

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestBar(t *testing.T) {
	var out bytes.Buffer
	clock := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	b := newAt(&out, 80, "indexing mine", func() time.Time { return clock })
	b.Update(10, 100)
	if out.Len() != 0 {
		t.Fatalf("drew before the delay: %q", out.String())
	}
	clock = clock.Add(Delay)
	b.Update(20, 100)
	if !strings.Contains(out.String(), "indexing mine") || !strings.Contains(out.String(), "20/100 (0.5s)") {
		t.Fatalf("bar = %q", out.String())
	}
	n := out.Len()
	clock = clock.Add(10 * time.Millisecond)
	b.Update(21, 100)
	if out.Len() != n {
		t.Errorf("redrew within 100 ms")
	}
	b.Update(100, 100)
	if !strings.Contains(out.String(), "100/100") {
		t.Errorf("the last update must always draw: %q", out.String())
	}
	b.Done()
	if !strings.HasSuffix(out.String(), "\r\x1b[2K") {
		t.Errorf("Done does not clear the line: %q", out.String())
	}
	var nilBar *Bar
	nilBar.Update(1, 2)
	nilBar.Done()
	if New(&out, false, 80, "x") != nil {
		t.Errorf("a disabled bar must be nil")
	}
}
