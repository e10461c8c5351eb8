package bank

import (
	"strings"
	"testing"
)

// FuzzParse checks that no file makes the parser panic, that a parsed
// question always has what a question needs, and that problems always name
// the file.
func FuzzParse(f *testing.F) {
	f.Add([]byte("---\nid: 1\ntitle: T?\nlevel: beginner\n---\nbody\n"))
	f.Add([]byte("---\nid: 99999999999999999999\n---\n"))
	f.Add([]byte("---\n- list\n---\nx"))
	f.Add([]byte("---\nid: &a 1\ntitle: *a\nlevel: !!binary AA==\n---\nx"))
	f.Add([]byte("---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		q, ps := Parse("f.md", data)
		for _, p := range ps {
			if !strings.HasPrefix(p.Error(), "f.md") {
				t.Fatalf("problem %q does not name the file", p.Error())
			}
		}
		if q == nil {
			if !ps.HasFatal() {
				t.Fatalf("no question and no fatal problem for %q", data)
			}
			return
		}
		if q.ID < 1 || q.Title == "" || q.Level.Rank() > 2 || strings.TrimSpace(q.Body) == "" {
			t.Fatalf("incomplete question %+v from %q", q, data)
		}
		if strings.ContainsAny(q.Title+q.Summary+q.Body+strings.Join(q.Tags, ""), "\x1b\r\x07") {
			t.Fatalf("control characters survived in %+v", q)
		}
	})
}

// FuzzParseRef checks that ParseRef never panics, accepts only positive
// ids, and that a ref it accepts prints back to a form it accepts again.
func FuzzParseRef(f *testing.F) {
	for _, s := range []string{"35", "interview:12", "0", "-1", "abc", "deck:", ":5", "99999999999999999999", "a:b:3", " 7 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRef(s)
		if err != nil {
			if !strings.Contains(err.Error(), "invalid question reference") {
				t.Fatalf("error without the usual prefix: %v", err)
			}
			return
		}
		if r.ID < 1 || r.Deck == "" {
			t.Fatalf("ParseRef(%q) = %+v", s, r)
		}
		again, err := ParseRef(r.String())
		if err != nil || again != r {
			t.Fatalf("round trip of %q: %+v -> %q -> %+v, %v", s, r, r.String(), again, err)
		}
	})
}
