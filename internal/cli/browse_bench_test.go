package cli

import (
	"context"
	"os"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/djq-cli/djq/internal/browse"
	"github.com/djq-cli/djq/internal/iostreams"
)

// BenchmarkBrowseKeystroke10k measures one filter keystroke in the browser
// over the built-in bank plus a 10,000-question deck: the live search on
// the real index and the redraw. It needs a generated deck:
//
//	go run ./internal/gen sample-deck /tmp/deck10k/big 10000
//	DJQ_BENCH_DECK=/tmp/deck10k/big go test ./internal/cli -run XXX -bench BrowseKeystroke10k
func BenchmarkBrowseKeystroke10k(b *testing.B) {
	deck := os.Getenv("DJQ_BENCH_DECK")
	if deck == "" {
		b.Skip("set DJQ_BENCH_DECK to a generated 10,000-question deck")
	}
	ios, _, _, _ := iostreams.Test()
	ios.SetEnv(map[string]string{"DJQ_DECKS": deck, "DJQ_CACHE_DIR": b.TempDir()})
	f := NewFactory(ios)
	f.Now = time.Now
	bk, err := f.Library(Common{}).Bank()
	if err != nil {
		b.Fatal(err)
	}
	qs := bk.Questions()
	cfg := browseConfig(context.Background(), benchBrowseOptions(f), qs, "")
	if _, err := f.Library(Common{}).Index(false); err != nil { // build the cache outside the timing
		b.Fatal(err)
	}
	m := browse.New(cfg)
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m.Update(tea.KeyPressMsg{Code: '/', Text: "/"})
	words := []string{"s", "e", "l", "e", "c", "t"}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if i%len(words) == 0 {
			m.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
			m.Update(tea.KeyPressMsg{Code: '/', Text: "/"})
		}
		w := words[i%len(words)]
		m.Update(tea.KeyPressMsg{Code: rune(w[0]), Text: w})
		_ = m.Render()
	}
}

// BenchmarkBrowseStart is the work before the first screen on the built-in
// bank: load the bank, build the model, lay out and render the first
// preview. Process start-up (BenchmarkVersion's floor) comes on top.
func BenchmarkBrowseStart(b *testing.B) {
	for b.Loop() {
		ios, _, _, _ := iostreams.Test()
		f := NewFactory(ios)
		bk, err := f.Library(Common{}).Bank()
		if err != nil {
			b.Fatal(err)
		}
		m := browse.New(browseConfig(context.Background(), benchBrowseOptions(f), bk.Questions(), ""))
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = m.Render()
	}
}

// benchBrowseOptions are browse's options as its command would make them
// with no flags, over f.
func benchBrowseOptions(f *Factory) *BrowseOptions {
	opts := &BrowseOptions{Common: Common{IO: f.IO, Now: f.Now}}
	opts.Lib = func() browser { return f.Library(opts.Common) }
	return opts
}
