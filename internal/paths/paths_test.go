package paths

import (
	"path/filepath"
	"testing"
)

func TestResolve(t *testing.T) {
	tests := []struct {
		name string
		goos string
		env  map[string]string
		want Paths
	}{
		{"linux defaults", "linux", map[string]string{"HOME": "/h"},
			Paths{Cache: "/h/.cache/djq", State: "/h/.local/state/djq", Config: "/h/.config/djq", Data: "/h/.local/share/djq"}},
		{"XDG variables", "linux", map[string]string{"HOME": "/h", "XDG_CACHE_HOME": "/c", "XDG_STATE_HOME": "/s", "XDG_CONFIG_HOME": "/g", "XDG_DATA_HOME": "/d"},
			Paths{Cache: "/c/djq", State: "/s/djq", Config: "/g/djq", Data: "/d/djq"}},
		{"relative XDG is ignored", "linux", map[string]string{"HOME": "/h", "XDG_CACHE_HOME": "rel"},
			Paths{Cache: "/h/.cache/djq", State: "/h/.local/state/djq", Config: "/h/.config/djq", Data: "/h/.local/share/djq"}},
		{"DJQ overrides win", "linux", map[string]string{"HOME": "/h", "XDG_CACHE_HOME": "/c", "DJQ_CACHE_DIR": "/x", "DJQ_STATE_DIR": "/y"},
			Paths{Cache: "/x", State: "/y", Config: "/h/.config/djq", Data: "/h/.local/share/djq"}},
		{"no HOME and no XDG", "linux", map[string]string{}, Paths{}},
		{"macOS", "darwin", map[string]string{"HOME": "/Users/a"},
			Paths{Cache: "/Users/a/Library/Caches/djq", State: "/Users/a/Library/Application Support/djq/state", Config: "/Users/a/Library/Application Support/djq", Data: "/Users/a/Library/Application Support/djq"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := resolve(func(k string) string { return tt.env[k] }, tt.goos)
			for _, p := range []*string{&got.Cache, &got.State, &got.Config, &got.Data} {
				*p = filepath.ToSlash(*p)
			}
			if got != tt.want {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}
