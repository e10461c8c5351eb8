package gctune

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestTune: djq's settings apply unless the user set GOGC or GOMEMLIMIT,
// which the runtime has read already and must keep.
func TestTune(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	tests := []struct {
		name      string
		env       map[string]string
		wantGC    int
		wantLimit int64
	}{
		{"defaults", nil, Percent, Limit},
		{"user GOGC", map[string]string{"GOGC": "50"}, 100, Limit},
		{"user GOMEMLIMIT", map[string]string{"GOMEMLIMIT": "1GiB"}, Percent, math.MaxInt64},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			debug.SetGCPercent(100)
			debug.SetMemoryLimit(math.MaxInt64)
			Tune(func(k string) string { return tt.env[k] })
			if got := debug.SetGCPercent(100); got != tt.wantGC {
				t.Errorf("GC percent %d, want %d", got, tt.wantGC)
			}
			if got := debug.SetMemoryLimit(math.MaxInt64); got != tt.wantLimit {
				t.Errorf("memory limit %d, want %d", got, tt.wantLimit)
			}
		})
	}
}
