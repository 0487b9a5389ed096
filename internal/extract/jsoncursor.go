package extract

// A jsonCursor walks JSON text a byte at a time: what the key-table
// scanner (jsonScan) and the yaml.v3 tree builder (jsonNodes) share.
type jsonCursor struct {
	src []byte
	i   int // the next byte to read
}

// ws moves past JSON's white space.
func (c *jsonCursor) ws() {
	for c.i < len(c.src) {
		switch c.src[c.i] {
		case ' ', '\t', '\r', '\n':
			c.i++
			continue
		}
		return
	}
}

// next reports whether the next byte is b.
func (c *jsonCursor) next(b byte) bool { return c.i < len(c.src) && c.src[c.i] == b }

// list reads the elements of an array or object whose opening byte has
// been read, up to and including its closing byte end: elem reads one
// element at the cursor. A missing separator or end is errSlowPath; an
// error of elem is returned as it is.
func (c *jsonCursor) list(end byte, elem func() error) error {
	c.ws()
	if c.next(end) {
		c.i++
		return nil
	}
	for {
		c.ws()
		if err := elem(); err != nil {
			return err
		}
		c.ws()
		switch {
		case c.next(','):
			c.i++
		case c.next(end):
			c.i++
			return nil
		default:
			return errSlowPath
		}
	}
}
