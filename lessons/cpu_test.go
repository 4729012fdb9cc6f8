//go:build !race

// The race detector slows and serialises goroutines, so CPU figures mean
// nothing under it.

package lessons

import (
	"strconv"
	"strings"
	"testing"

	"threadlab/runtime"
)

// With the GIL on, a busy thread per core keeps about one core busy,
// whatever else the machine runs; lab.cpu draws its plot live and ends
// with a report whose fields add up.
func TestCPUWithTheGIL(t *testing.T) {
	s := New()
	defer s.Shutdown()
	c := execute(s, spinCell("", "threading.Thread", 1.5))
	if c.err != nil {
		t.Fatal(c.err)
	}
	f := strings.Fields(c.rec.out())
	if len(f) != 4 {
		t.Fatalf("output %q", c.rec.out())
	}
	pct, _ := strconv.ParseFloat(f[0], 64)
	cores, _ := strconv.ParseFloat(f[1], 64)
	n, _ := strconv.Atoi(f[3])
	t.Logf("GIL on: %.0f%% of %.0f%%", pct, 100*cores)
	if pct > 130 || pct < 0 {
		t.Errorf("with the GIL on the spin used %.0f%% CPU; want at most about one core", pct)
	}
	if cores != runtime.Cores() || n < 1 {
		t.Errorf("report: %v cores and %d per-core figures; the machine gives %v", cores, n, runtime.Cores())
	}
	if len(c.rec.displays) < 3 {
		t.Errorf("lab.cpu drew %d displays; want the first, updates and the last", len(c.rec.displays))
	}
}
