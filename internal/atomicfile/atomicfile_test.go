package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/djq-cli/djq/internal/errkind"
)

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	if err := WriteFile(path, []byte("one"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("two"), 0o600); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if string(b) != "two" {
		t.Errorf("content %q", b)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	if err := WriteFile(filepath.Join(dir, "missing", "x"), []byte("x"), 0o644); err == nil {
		t.Errorf("writing into a missing folder succeeded")
	}
}

// TestWriteOver: export -o never replaces what is at the path by something
// else (issue 23, item 5).
func TestWriteOver(t *testing.T) {
	dir := t.TempDir()
	read := func(p string) string { b, _ := os.ReadFile(p); return string(b) }

	// A new file gets perm.
	fresh := filepath.Join(dir, "new.md")
	if err := WriteOver(fresh, []byte("a"), 0o644); err != nil || read(fresh) != "a" {
		t.Fatalf("new file: %v", err)
	}
	// An existing file keeps its mode.
	private := filepath.Join(dir, "private.md")
	os.WriteFile(private, []byte("old"), 0o600)
	os.Chmod(private, 0o600)
	if err := WriteOver(private, []byte("new"), 0o644); err != nil || read(private) != "new" {
		t.Fatalf("private: %v", err)
	}
	if info, _ := os.Stat(private); info.Mode().Perm() != 0o600 {
		t.Errorf("mode became %v", info.Mode().Perm())
	}
	// A link stays a link and its target gets the data.
	link := filepath.Join(dir, "link.md")
	os.Symlink("private.md", link)
	if err := WriteOver(link, []byte("through"), 0o644); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Lstat(link); info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a %v", info.Mode())
	}
	if read(private) != "through" {
		t.Errorf("the link's target holds %q", read(private))
	}
	// A dangling link is refused, naming where it points.
	dangling := filepath.Join(dir, "dangling.md")
	os.Symlink("nowhere/x.md", dangling)
	if err := WriteOver(dangling, []byte("x"), 0o644); err == nil || !strings.Contains(err.Error(), "nowhere/x.md") {
		t.Errorf("dangling link: %v", err)
	}
	// A folder is a FolderError, a usage error.
	var fe *FolderError
	if err := WriteOver(dir, []byte("x"), 0o644); !errors.As(err, &fe) || fe.Kind() != errkind.Usage {
		t.Errorf("folder: %v", err)
	}
	// A named pipe is written to, not replaced.
	fifo := filepath.Join(dir, "pipe")
	if err := mkfifo(fifo); err != nil {
		t.Skip(err)
	}
	got := make(chan string)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	if err := WriteOver(fifo, []byte("piped"), 0o644); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "piped" {
		t.Errorf("the reader got %q", s)
	}
	if info, _ := os.Lstat(fifo); info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe became %v", info.Mode())
	}
	// /dev/null stays a device.
	if err := WriteOver(os.DevNull, []byte("x"), 0o644); err != nil {
		t.Errorf("/dev/null: %v", err)
	}
	if info, _ := os.Stat(os.DevNull); info.Mode()&os.ModeDevice == 0 {
		t.Errorf("/dev/null is now %v", info.Mode())
	}
}
