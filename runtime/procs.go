package runtime

import (
	goruntime "runtime"
	"sync"
)

// Go's scheduler decides what a GIL hand-off costs. When other processors
// are idle, waking the next GIL holder means waking an OS thread (several
// microseconds); on a single processor it is a direct goroutine switch
// (a fraction of one). Since only one Python thread runs at a time while
// the GIL is on, threadlab runs Go on one processor then, and on every
// core only while something can use them: the GIL off, or a live process
// (each has its own GIL).
//
// cores is a runtime's count of those reasons. GOMAXPROCS belongs to the
// whole Go process, and a threadlab process runs one runtime (the kernel's
// session, or the program of threadlab run), so that runtime decides it.
// Where several runtimes live at once (tests), the last to change its
// count sets GOMAXPROCS: that costs the others speed, never correctness.
type cores struct {
	mu   sync.Mutex
	want int // the GIL off (0 or 1) plus live processes
}

// add adds delta to the reasons for running on every core and sets
// GOMAXPROCS to match.
func (c *cores) add(delta int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.want += delta
	n := 1
	if c.want > 0 {
		// One processor more than there are cores, so that the kernel's own
		// goroutines (heartbeat, sockets) find one free while every core spins.
		n = goruntime.NumCPU() + 1
	}
	goruntime.GOMAXPROCS(n)
}
