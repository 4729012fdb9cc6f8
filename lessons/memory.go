package lessons

import (
	"fmt"
	"os"
	"runtime/metrics"
	"strconv"
	"strings"
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
	avail := uint64(0)
	for _, f := range []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"} {
		if b, err := os.ReadFile(f); err == nil {
			if n, err := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64); err == nil && n < 1<<50 {
				avail = n
				break
			}
		}
	}
	if avail == 0 {
		if b, err := os.ReadFile("/proc/meminfo"); err == nil {
			for _, line := range strings.Split(string(b), "\n") {
				if f := strings.Fields(line); len(f) >= 2 && f[0] == "MemTotal:" {
					kb, _ := strconv.ParseUint(f[1], 10, 64)
					avail = kb * 1024
				}
			}
		}
	}
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
