package bank

import (
	"strings"
	"testing"

	"github.com/djq-cli/djq/internal/exitcode"
)

func TestNewFilter(t *testing.T) {
	tags := []string{"orm", "security", "testing"}
	tests := []struct {
		level, tag string
		want       Filter
		wantErr    string
	}{
		{"", "", Filter{}, ""},
		{"Advanced", "ORM", Filter{Level: Advanced, Tag: "orm"}, ""},
		{"expert", "", Filter{}, `unknown level "expert": valid levels are beginner, intermediate, advanced`},
		{"", "securty", Filter{}, `unknown tag "securty": did you mean security? tags are orm, security, testing`},
		{"", "zzz", Filter{}, `unknown tag "zzz": tags are orm`},
	}
	for _, tt := range tests {
		got, err := NewFilter(tt.level, tt.tag, tags, nil)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || exitcode.Of(err) != exitcode.Usage {
				t.Errorf("NewFilter(%q, %q) err = %v, want usage error %q", tt.level, tt.tag, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got.Level != tt.want.Level || got.Tag != tt.want.Tag {
			t.Errorf("NewFilter(%q, %q) = %+v, %v", tt.level, tt.tag, got, err)
		}
	}
}
