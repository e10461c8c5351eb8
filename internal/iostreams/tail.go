package iostreams

import (
	"io"
	"os"
	"runtime"
	"strconv"
)

// TailLen is how many bytes at the end of a file StdoutTail reads: enough
// to see a few blank lines, even with CRLF and trailing spaces.
const TailLen = 64

// fileTail tells a non-empty regular file f and its last bytes. The bytes
// are read from a second, read-only handle on the same file, because the
// shell opened stdout for writing only (`>>` is O_WRONLY|O_APPEND): on
// Linux through /proc/self/fd, elsewhere through /dev/fd. Where neither
// reaches the same file, the tail is "" and the caller falls back to
// assuming one final newline. The user's file is only ever read here.
func fileTail(f *os.File) (string, bool) {
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || st.Size() == 0 {
		return "", false
	}
	n := min(st.Size(), TailLen)
	buf := make([]byte, n)
	if _, err := f.ReadAt(buf, st.Size()-n); err == nil {
		return string(buf), true
	}
	for _, dir := range fdDirs() {
		if tail, ok := readTail(dir, f, st, n); ok {
			return tail, true
		}
	}
	return "", true
}

// fdDirs are the folders that name a process's open files.
func fdDirs() []string {
	if runtime.GOOS == "linux" {
		return []string{"/proc/self/fd/", "/dev/fd/"}
	}
	return []string{"/dev/fd/"}
}

// readTail reads the last n bytes of f through dir, when what dir names is
// the same file as st (not a file swapped in since, nor a copy of the
// descriptor that is as write-only as f).
func readTail(dir string, f *os.File, st os.FileInfo, n int64) (string, bool) {
	r, err := os.Open(dir + strconv.FormatUint(uint64(f.Fd()), 10))
	if err != nil {
		return "", false
	}
	defer r.Close()
	rst, err := r.Stat()
	if err != nil || !os.SameFile(st, rst) {
		return "", false
	}
	buf := make([]byte, n)
	if _, err := r.ReadAt(buf, rst.Size()-n); err != nil && err != io.EOF {
		return "", false
	}
	return string(buf), true
}

// SetStdoutFile makes f the streams' stdout, told apart and read back as
// the real stdout is (tests that append to a real file, as `>>` does).
func (s *IOStreams) SetStdoutFile(f *os.File) {
	s.Out = f
	s.tail = func() (string, bool) { return fileTail(f) }
}
