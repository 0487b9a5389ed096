// Package newgo asks for a toolchain that is not installed.
package newgo
