package decks

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestInPlaceEditSeen: `cat new > q.md` keeps the folder's mtime; in a deck
// of up to alwaysFullCheck files the next run sees it at once, in a larger
// one within FullCheckEvery (issue 23, item 14).
func TestInPlaceEditSeen(t *testing.T) {
	for _, n := range []int{40, alwaysFullCheck + 10} {
		t.Run(fmt.Sprint(n, " files"), func(t *testing.T) {
			root := t.TempDir()
			deck := filepath.Join(root, "deck")
			os.Mkdir(deck, 0o755)
			old := time.Now().Add(-time.Hour)
			for i := range n {
				p := filepath.Join(deck, fmt.Sprintf("%03d.md", i))
				os.WriteFile(p, []byte("original"), 0o644)
				// The first file is the oldest, so it is not among the hot ones.
				at := old.Add(time.Duration(i) * time.Second)
				os.Chtimes(p, at, at)
			}
			loc := Location{Name: "deck", Path: deck}
			stamps := filepath.Join(root, "cache")
			now := time.Now()
			before, err := QuickFingerprint(loc, stamps, now)
			if err != nil {
				t.Fatal(err)
			}
			dirInfo, _ := os.Stat(deck)
			f, _ := os.OpenFile(filepath.Join(deck, "000.md"), os.O_WRONLY|os.O_TRUNC, 0)
			f.WriteString("edited in place, longer")
			f.Close()
			os.Chtimes(deck, dirInfo.ModTime(), dirInfo.ModTime())
			after, _ := QuickFingerprint(loc, stamps, now.Add(time.Second))
			if n <= alwaysFullCheck && after == before {
				t.Errorf("the in-place edit was not seen at once")
			}
			if n > alwaysFullCheck {
				if after != before {
					t.Logf("seen at once (the edit changed something the quick check looks at)")
				}
				if late, _ := QuickFingerprint(loc, stamps, now.Add(FullCheckEvery+time.Second)); late == before {
					t.Errorf("the in-place edit was not seen after FullCheckEvery")
				}
			}
		})
	}
}
