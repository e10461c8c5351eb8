package bank

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
)

// readDeckFile reads one question file of a deck without trusting it: a
// link that leads outside the deck folder is not followed (fsys, an
// os.Root's, refuses it), anything but a regular file (a FIFO would block
// every command, /dev/zero would be read until killed) is skipped, and no
// more than MaxFileSize+1 bytes are read whatever the file claims to be.
// The message says why the file is skipped, naming it with %q.
func readDeckFile(fsys fs.FS, file string) ([]byte, string) {
	name := path.Base(file)
	var target string
	if li, err := fs.Lstat(fsys, file); err == nil && li.Mode()&fs.ModeSymlink != 0 {
		target, _ = fs.ReadLink(fsys, file)
	}
	info, err := fs.Stat(fsys, file)
	switch {
	case err != nil && target != "" && errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Sprintf("%q is a link to %q, which does not exist", name, target)
	case err != nil && target != "":
		return nil, fmt.Sprintf("%q is a link to %q, outside the deck folder: djq follows links only within the deck folder", name, target)
	case err != nil:
		return nil, fmt.Sprintf("cannot read: %v", err)
	case !info.Mode().IsRegular():
		return nil, fmt.Sprintf("%q is %s, not a regular file", name, fileKind(info.Mode()))
	case info.Size() > MaxFileSize:
		return nil, fmt.Sprintf("file is larger than %d bytes", MaxFileSize)
	}
	f, err := fsys.Open(file)
	if err != nil {
		return nil, fmt.Sprintf("cannot read: %v", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Sprintf("cannot read: %v", err)
	}
	return data, ""
}

// fileKind names what a file that is not a regular file is.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	default:
		return "a special file"
	}
}
