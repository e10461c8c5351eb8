// Package progress shows how far long work has got (indexing a large deck,
// checking or loading one) as one line on stderr: a bar from bubbles'
// progress model, the count and the elapsed time. It stays silent for work
// that ends within half a second, when stderr is not a terminal, and with
// --quiet, so pipes, logs and quick runs never see it.
package progress

import (
	"fmt"
	"io"
	"sync"
	"time"

	"charm.land/bubbles/v2/progress"
)

// Delay is how long work runs before the bar appears.
const Delay = 500 * time.Millisecond

// every is the least time between two redraws.
const every = 100 * time.Millisecond

// Bar reports progress of one piece of work. A nil *Bar does nothing, so
// callers need not check whether progress is on.
type Bar struct {
	w     io.Writer
	label string
	width int
	now   func() time.Time

	mu      sync.Mutex
	start   time.Time
	drawn   time.Time
	visible bool
	model   progress.Model
}

// New returns a bar that writes to w (a terminal of width columns), or
// nil when it must stay silent.
func New(w io.Writer, enabled bool, width int, label string) *Bar {
	if !enabled || w == nil {
		return nil
	}
	return newAt(w, width, label, time.Now)
}

func newAt(w io.Writer, width int, label string, now func() time.Time) *Bar {
	barWidth := max(10, min(40, width-len(label)-30))
	return &Bar{w: w, label: label, width: width, now: now, start: now(),
		model: progress.New(progress.WithWidth(barWidth), progress.WithoutPercentage(), progress.WithFillCharacters('█', '░'))}
}

// Update reports done of total items; it draws at most every 100 ms and
// only once the work has run for Delay.
func (b *Bar) Update(done, total int) {
	if b == nil || total <= 0 {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	now := b.now()
	elapsed := now.Sub(b.start)
	if elapsed < Delay || (b.visible && now.Sub(b.drawn) < every && done < total) {
		return
	}
	b.visible, b.drawn = true, now
	bar := b.model.ViewAs(float64(done) / float64(total))
	fmt.Fprintf(b.w, "\r\x1b[2K%s %s %d/%d (%.1fs)", b.label, bar, done, total, elapsed.Seconds())
}

// Done clears the bar's line, if it was ever drawn.
func (b *Bar) Done() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.visible {
		fmt.Fprint(b.w, "\r\x1b[2K")
		b.visible = false
	}
}

// Func is b as the done-of-total callback that loaders take (nil when b
// is nil, so loaders skip the work of counting): the bar is cleared once
// the work is complete.
func (b *Bar) Func() func(done, total int) {
	if b == nil {
		return nil
	}
	return func(done, total int) {
		b.Update(done, total)
		if done >= total {
			b.Done()
		}
	}
}
