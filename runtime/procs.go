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
// core only while something can use them: a runtime with the GIL off, or a
// live process (each has its own GIL).
var parallel struct {
	mu   sync.Mutex
	want int // GIL-off runtimes plus live processes, over all runtimes
}

// wantParallel adds delta to the reasons for running on every core and
// sets GOMAXPROCS to match.
func wantParallel(delta int) {
	parallel.mu.Lock()
	defer parallel.mu.Unlock()
	parallel.want += delta
	n := 1
	if parallel.want > 0 {
		// One processor more than there are cores, so that the kernel's own
		// goroutines (heartbeat, sockets) find one free while every core spins.
		n = goruntime.NumCPU() + 1
	}
	goruntime.GOMAXPROCS(n)
}
