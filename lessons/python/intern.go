package python

import "threadlab/lessons/python/internal/compile"

// intern makes the equal names and str constants of code (and of the
// code nested in it) share their bytes with those of every earlier
// compile in the interpreter. A name is the key of attribute, global and
// keyword lookups: a key stored through one function's name and looked
// up through another's then compares equal by pointer, without
// comparing bytes.
func (in *Interp) intern(code *compile.Code) {
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.names == nil {
		in.names = map[string]string{}
	}
	in.internCode(code)
}

// internCode is intern; in.mu is held.
func (in *Interp) internCode(c *compile.Code) {
	for _, names := range [][]string{c.Names, c.Locals, c.Cells, c.Frees} {
		for i, n := range names {
			names[i] = in.internName(n)
		}
	}
	for i, k := range c.Consts {
		switch x := k.(type) {
		case string:
			c.Consts[i] = in.internName(x)
		case compile.KwNames:
			for j, n := range x {
				x[j] = in.internName(n)
			}
		case *compile.Code:
			in.internCode(x)
		}
	}
}

// internName returns the interpreter's copy of s. in.mu is held.
func (in *Interp) internName(s string) string {
	if t, ok := in.names[s]; ok {
		return t
	}
	in.names[s] = s
	return s
}
