// Package atomicfile replaces files so that a reader, a crash or a kill -9
// at any moment sees either the old file or the new one, never a mix: the
// data goes to a temporary file in the same folder, is flushed to disk, and
// is renamed over the target.
package atomicfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/djq-cli/djq/internal/errkind"
)

// WriteFile writes data to path atomically with the given permissions.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-")
	if err != nil {
		return err
	}
	name := tmp.Name()
	fail := func(err error) error {
		tmp.Close()
		os.Remove(name)
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(perm); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return err
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return fmt.Errorf("replacing %s: %w", path, err)
	}
	syncDir(dir)
	return nil
}

// syncDir flushes a folder's entries so that the rename itself survives a
// crash; it is best effort (not every system can open a folder for it).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// FolderError is WriteOver's answer for a path that is a folder: a usage
// error, since the user named it.
type FolderError struct{ Path string }

func (e *FolderError) Error() string {
	return fmt.Sprintf("a folder, not a file: give a file name such as %s", filepath.Join(e.Path, "export.md"))
}

// Kind makes a folder a usage error.
func (e *FolderError) Kind() errkind.Kind { return errkind.Usage }

// WriteOver writes data to path, a file the user named (export -o), without
// replacing what is there by something else: a link is written through to
// the file it points to (a dangling link is refused rather than created
// through), an existing file keeps its permissions (perm is for a new
// file) and is replaced atomically, and a device or named pipe is written
// to directly, since renaming over it would replace the device node. A
// folder is a *FolderError; a socket is refused.
func WriteOver(path string, data []byte, perm os.FileMode) error {
	info, err := os.Lstat(path)
	if errors.Is(err, os.ErrNotExist) {
		return WriteFile(path, data, perm)
	}
	if err != nil {
		return err
	}
	if info.Mode()&os.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(path)
		if err != nil {
			dest, _ := os.Readlink(path)
			return fmt.Errorf("%s is a link to %s, which cannot be followed (%w); djq writes through links only to files that exist", path, dest, unwrapPathErr(err))
		}
		path = target
		if info, err = os.Stat(path); err != nil {
			return err
		}
	}
	switch mode := info.Mode(); {
	case mode.IsDir():
		return &FolderError{Path: path}
	case mode.IsRegular():
		return WriteFile(path, data, mode.Perm())
	case mode&os.ModeSocket != 0:
		return fmt.Errorf("%s is a socket: give a file name instead", path)
	default:
		return writeDirect(path, data)
	}
}

// writeDirect writes to a device or named pipe in place.
func writeDirect(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func unwrapPathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
