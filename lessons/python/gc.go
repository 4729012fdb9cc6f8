package python

import (
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// The Go collector's defaults suit programs that keep a small live heap
// and want it tight. A Python program allocates a young object for most
// of what it does (boxed ints and floats, strings, frames, iterators) and
// keeps a small live heap, so the default collects far too often: at
// GOGC=100 collection was 15-25% of the benchmark programs' time.
const (
	// gcPercent lets the heap grow to five times the live data between
	// collections. The runtime's 4 MiB minimum heap scales with it, so an
	// empty kernel still stays near 10 MiB resident.
	gcPercent = 400
	// gcLimitShare of the memory available is the soft limit past which
	// the collector works harder instead of letting the heap grow by
	// gcPercent: a program whose live data nears it would, at GOGC=100,
	// need all the memory there is anyway.
	gcLimitShare = 2
)

// TuneGC sets the Go collector for running Python: GC percent gcPercent
// and a soft memory limit of 1/gcLimitShare of the memory available (the
// cgroup's limit, else the machine's RAM). A GOGC or GOMEMLIMIT in the
// environment is the user's choice and wins. It changes process-wide
// settings, so only a program's main (and a benchmark measuring what
// that main runs) calls it; undo restores the settings it replaced.
func TuneGC() (undo func()) {
	var restore []func()
	if os.Getenv("GOGC") == "" {
		old := debug.SetGCPercent(gcPercent)
		restore = append(restore, func() { debug.SetGCPercent(old) })
	}
	if avail := MemoryAvailable(); avail > 0 && os.Getenv("GOMEMLIMIT") == "" {
		old := debug.SetMemoryLimit(int64(avail / gcLimitShare))
		restore = append(restore, func() { debug.SetMemoryLimit(old) })
	}
	return func() {
		for _, f := range restore {
			f()
		}
	}
}

// MemoryAvailable is the memory this process may use: its cgroup's limit
// (v2, else v1) if it has one, else the machine's RAM from /proc/meminfo;
// 0 if neither can be read.
func MemoryAvailable() uint64 {
	for _, f := range []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"} {
		if b, err := os.ReadFile(f); err == nil {
			// "max", or v1's huge "no limit", mean the machine's RAM.
			if n, err := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64); err == nil && n < 1<<50 {
				return n
			}
		}
	}
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "MemTotal:" {
			kb, _ := strconv.ParseUint(f[1], 10, 64)
			return kb * 1024
		}
	}
	return 0
}
