//go:build unix

package safefile

import "syscall"

// noFollow makes an open refuse a symbolic link as the last element.
const noFollow = syscall.O_NOFOLLOW
