// Package typeerr fails to type-check on a line that holds a secret.
package typeerr

var port int = "Kx7Qw9Zp3Lm2RtSecret"

const secret = "Zz8Yy7Xx6Ww5VvSecret"

var n int = secret
