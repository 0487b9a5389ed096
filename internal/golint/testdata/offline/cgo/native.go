package cgo

// #cgo pkg-config: tokenlint-probe
// #include <stdio.h>
import "C"

func Native() { C.puts(C.CString("hi")) }
