//go:build !unix

package safefile

// noFollow is 0 where the open cannot refuse a link: Listed is NoLinks.
const noFollow = 0
