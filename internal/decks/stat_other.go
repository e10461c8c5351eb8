//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package decks

import (
	"os"
	"path/filepath"
)

func statOne(_ *os.File, path, name string) fileStat {
	info, err := os.Lstat(filepath.Join(path, name))
	if err != nil {
		return fileStat{}
	}
	return fileStat{size: info.Size(), mtime: info.ModTime().UnixNano(), dir: info.IsDir(), ok: true}
}
