package lessons

import (
	"fmt"
	"runtime/metrics"

	"threadlab/lessons/python"
)

// A cell that allocates without bound must fail with a clear error before
// the machine runs out of memory, and the kernel must live on. Go cannot
// refuse an allocation, so a watchdog samples the heap while a cell runs
// and cancels the cell when the heap passes MemoryLimit.

// MemoryLimit is the heap size at which a running cell is stopped: half of
// the memory the kernel may use (its cgroup limit, or the machine's RAM),
// and never more than 4 GiB.
var MemoryLimit = memoryLimit()

const memoryReason = "threadlab: out of memory"

func memoryLimit() uint64 {
	avail := python.MemoryAvailable()
	if avail == 0 {
		avail = 2 << 30
	}
	return min(avail/2, 4<<30)
}

var heapSample = []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}

// heapBytes is the memory held by live and not yet swept heap objects.
func heapBytes() uint64 {
	metrics.Read(heapSample)
	if heapSample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return heapSample[0].Value.Uint64()
}

func memoryMessage() string {
	return fmt.Sprintf("the cell and its threads used more than %d MiB of memory, so threadlab stopped them before the machine runs out", MemoryLimit>>20)
}
