package runtime

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// vmRSS reads the resident set size of this process from /proc, which the
// meter's figure is checked against.
func vmRSS(t *testing.T) uint64 {
	t.Helper()
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc/self/status on this system")
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) == 3 && f[0] == "VmRSS:" {
			kb, err := strconv.ParseUint(f[1], 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Fatal("no VmRSS in /proc/self/status")
	return 0
}

func TestUsageMeter(t *testing.T) {
	m, err := NewUsageMeter()
	if err != nil {
		t.Fatal(err)
	}
	// Busy for a while, so the process has used CPU time since the meter
	// was made.
	for end := time.Now().Add(2 * minInterval); time.Now().Before(end); {
	}
	u, err := m.Read()
	if err != nil {
		t.Fatal(err)
	}
	rss := vmRSS(t)
	if diff := float64(u.ProcessRSS) - float64(rss); diff > 0.1*float64(rss) || -diff > 0.1*float64(rss) {
		t.Errorf("ProcessRSS = %d, /proc says %d", u.ProcessRSS, rss)
	}
	if u.ProcessCPU <= 0 {
		t.Errorf("ProcessCPU = %v after spinning", u.ProcessCPU)
	}
	if u.PID != os.Getpid() || u.Hostname == "" || u.CPUCount < 1 || u.HostMemory.Total == 0 ||
		u.HostCPUPercent < 0 || u.HostCPUPercent > 100 {
		t.Errorf("reading = %+v", u)
	}
	// A reading right after another repeats its CPU figures rather than
	// divide ticks by microseconds.
	again, err := m.Read()
	if err != nil {
		t.Fatal(err)
	}
	if again.ProcessCPU != u.ProcessCPU || again.HostCPUPercent != u.HostCPUPercent {
		t.Errorf("an immediate second reading changed CPU figures: %+v then %+v", u, again)
	}
}

func BenchmarkUsageRead(b *testing.B) {
	m, err := NewUsageMeter()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := m.Read(); err != nil {
			b.Fatal(err)
		}
	}
}
