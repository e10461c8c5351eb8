//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package decks

import (
	"os"

	"golang.org/x/sys/unix"
)

// statOne stats name relative to the open folder, which saves resolving
// the folder's path for every file.
func statOne(dir *os.File, _ string, name string) fileStat {
	var st unix.Stat_t
	if err := unix.Fstatat(int(dir.Fd()), name, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
		return fileStat{}
	}
	return fileStat{
		size:  st.Size,
		mtime: st.Mtim.Sec*1e9 + st.Mtim.Nsec,
		dir:   st.Mode&unix.S_IFMT == unix.S_IFDIR,
		ok:    true,
	}
}
