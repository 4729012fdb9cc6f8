package runtime

import (
	"math/bits"
	"math/rand/v2"
)

// jitterSource is a thread's own source of the GIL's jittered budgets
// (see jitter). A budget is drawn at every switch interval, tens of
// thousands of times a second while threads compete for the GIL, and the
// global source of math/rand/v2 costs a tenth of a hand-off there; a
// thread's own PCG costs a multiplication. The thread draws from it on
// its own goroutine only. Seeded from the global source on first use, so
// that budgets still vary from run to run.
type jitterSource struct {
	pcg    rand.PCG
	seeded bool
}

// jitter spreads budgets evenly around the interval (half to one and a
// half times it). Real threads switch at moments that vary from run to
// run; without this, two threads running the same loop on one processor
// would switch in lockstep and hide a race as reliably as they show it.
func (j *jitterSource) jitter(interval int) int {
	if interval < 2 {
		return interval
	}
	if !j.seeded {
		j.pcg.Seed(rand.Uint64(), rand.Uint64())
		j.seeded = true
	}
	// The high word of x*(interval+1) is uniform in [0, interval] but for
	// a bias of interval/2^64, which no lesson can see.
	hi, _ := bits.Mul64(j.pcg.Uint64(), uint64(interval)+1)
	return interval/2 + int(hi)
}
