package cachefile

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestReadWrite(t *testing.T) {
	body := []byte("the compact deck\nwith two lines")
	enc := Encode(body)
	for _, tt := range []struct {
		name    string
		stored  []byte // nil: write body through Write
		wantErr error
	}{
		{name: "written by Write"},
		{name: "empty body", stored: Encode(nil)},
		{name: "missing", stored: []byte{}, wantErr: os.ErrNotExist},
		{name: "emptied", stored: []byte(""), wantErr: ErrDamaged},
		{name: "truncated", stored: enc[:len(enc)-3], wantErr: ErrDamaged},
		{name: "garbled", stored: []byte(strings.Replace(string(enc), "two", "ten", 1)), wantErr: ErrDamaged},
		{name: "no header", stored: body, wantErr: ErrDamaged},
		{name: "header only", stored: enc[:strings.IndexByte(string(enc), '\n')], wantErr: ErrDamaged},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "cache", "sub")
			switch {
			case tt.stored == nil:
				if err := Write(dir, "e", body); err != nil {
					t.Fatal(err)
				}
			case errors.Is(tt.wantErr, os.ErrNotExist):
			default:
				os.MkdirAll(dir, 0o700)
				os.WriteFile(Path(dir, "e"), tt.stored, 0o600)
			}
			got, err := Read(dir, "e")
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Read = %q, %v; want error %v", got, err, tt.wantErr)
			}
			if err == nil && tt.stored == nil && string(got) != string(body) {
				t.Errorf("Read = %q, want %q", got, body)
			}
			if tt.stored == nil {
				for _, p := range []string{dir, filepath.Dir(dir)} {
					if info, _ := os.Stat(p); info.Mode().Perm() != 0o700 {
						t.Errorf("folder %s has mode %v, want 0700", p, info.Mode().Perm())
					}
				}
				if info, _ := os.Stat(Path(dir, "e")); info.Mode().Perm() != 0o600 {
					t.Errorf("entry has mode %v, want 0600", info.Mode().Perm())
				}
			}
		})
	}
}

func TestKey(t *testing.T) {
	for _, tt := range []struct {
		name string
		a, b []string
		same bool
	}{
		{name: "same parts", a: []string{"x", "y"}, b: []string{"x", "y"}, same: true},
		{name: "moved boundary", a: []string{"ab", "c"}, b: []string{"a", "bc"}},
		{name: "extra empty part", a: []string{"a"}, b: []string{"a", ""}},
	} {
		if got := Key(tt.a...) == Key(tt.b...); got != tt.same {
			t.Errorf("%s: Key(%q) == Key(%q) is %v", tt.name, tt.a, tt.b, got)
		}
	}
	if len(Key("x")) != 64 {
		t.Errorf("Key is %d hex digits, want 64", len(Key("x")))
	}
}

func TestPrune(t *testing.T) {
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	ages := map[string]time.Duration{"a-1": time.Hour, "a-2": 2 * time.Hour, "a-3": 48 * time.Hour, "a-4": 72 * time.Hour, "b-1": 100 * time.Hour}
	isA := func(n string) bool { return strings.HasPrefix(n, "a-") }
	for _, tt := range []struct {
		name string
		p    Pruning
		want []string
	}{
		{name: "all but the kept one", p: Pruning{Match: isA, Keep: func(n string) bool { return n == "a-2" }}, want: []string{"a-1", "a-3", "a-4"}},
		{name: "by age", p: Pruning{Match: isA, MaxAge: 24 * time.Hour}, want: []string{"a-3", "a-4"}},
		{name: "by count, oldest first", p: Pruning{Match: isA, MaxCount: 3}, want: []string{"a-4"}},
		{name: "age and count", p: Pruning{Match: isA, MaxAge: 90 * time.Minute, MaxCount: 3}, want: []string{"a-2", "a-3", "a-4"}},
		{name: "kept survives age", p: Pruning{Match: isA, MaxAge: time.Minute, Keep: func(n string) bool { return n == "a-4" }}, want: []string{"a-1", "a-2", "a-3"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for n, age := range ages {
				p := filepath.Join(dir, n)
				os.WriteFile(p, nil, 0o600)
				os.Chtimes(p, now.Add(-age), now.Add(-age))
			}
			got := Prune(dir, tt.p, now)
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Prune removed %q, want %q", got, tt.want)
			}
			for _, n := range got {
				if _, err := os.Stat(filepath.Join(dir, n)); err == nil {
					t.Errorf("%s still there", n)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "b-1")); err != nil {
				t.Errorf("an entry of another cache went: %v", err)
			}
		})
	}
	if got := Prune(filepath.Join(t.TempDir(), "nosuch"), Pruning{}, now); got != nil {
		t.Errorf("Prune of a missing folder = %q", got)
	}
}
