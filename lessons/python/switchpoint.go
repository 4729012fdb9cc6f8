package python

import "threadlab/lessons/python/internal/compile"

// AtSwitchPoint reports whether t, called from its host's Step, stands
// where CPython 3.11 looks for a request to drop the GIL: at the start
// of a function or at a jump back to the top of a loop. A statement such
// as `x = x + 1` lies between two such points, which is why CPython's
// own races rarely show; a host that switches by time (sys.setswitchinterval)
// hands the GIL over only here.
func (t *Thread) AtSwitchPoint() bool {
	fr := t.frame
	if fr == nil || fr.pc <= 0 || fr.pc >= len(fr.code.Instrs) {
		return true
	}
	in := fr.code.Instrs[fr.pc]
	return in.Op == compile.JUMP && int(in.Arg) <= fr.pc
}
