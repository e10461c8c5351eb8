package cmdutil

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestShowShortcut is the table of first arguments that read as `djq show`
// and those that stay as they are.
func TestShowShortcut(t *testing.T) {
	root := &cobra.Command{Use: "djq", Args: RootArgs, RunE: func(*cobra.Command, []string) error { return nil }}
	root.PersistentFlags().String("format", "auto", "")
	root.PersistentFlags().StringP("width", "w", "", "")
	root.PersistentFlags().Bool("quiet", false, "")
	for _, name := range []string{"show", "search", "list"} {
		root.AddCommand(&cobra.Command{Use: name, Run: func(*cobra.Command, []string) {}})
	}
	tests := []struct{ in, want string }{
		{"35", "show 35"},
		{"35 36 --format json", "show 35 36 --format json"},
		{"--format json 35", "--format json show 35"},
		{"-w 40 35", "-w 40 show 35"},
		{"--quiet 35", "--quiet show 35"},
		{"mine:3", "show mine:3"},
		{"0", "show 0"},
		{"3x", "show 3x"},
		{"show 35", "show 35"},
		{"search 35", "search 35"},
		{"select_related", "select_related"},
		{"tag:orm", "tag:orm"},
		{"-- 35", "-- 35"},
		{"--format 35", "--format 35"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := strings.Join(ShowShortcut(root, strings.Fields(tt.in)), " "); got != tt.want {
				t.Errorf("ShowShortcut(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	err := RootArgs(root, []string{"select_related", "n+1", "it's", "a*", "\x1b]2;x\a"})
	if want := `unknown command "select_related" for djq (see djq --help); to search: djq search select_related n+1 'it'\''s' 'a*' "\x1b]2;x\a"`; err == nil || err.Error() != want {
		t.Errorf("RootArgs = %v, want %s", err, want)
	}
}
