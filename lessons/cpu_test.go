//go:build !race

// The race detector slows and serialises goroutines, so CPU figures mean
// nothing under it.

package lessons

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"threadlab/runtime"
)

// TestCPUFigures checks that the GIL really limits a busy program to about
// one core, and that without it (or with processes) every core works. The
// bounds are loose because test packages run side by side; make bench
// prints the exact figures.
func TestCPUFigures(t *testing.T) {
	cores := runtime.Cores()
	if cores < 2 {
		t.Skipf("this machine gives the kernel %.2f cores; the GIL makes no visible difference on fewer than 2", cores)
	}
	cases := []struct {
		name, setup, kind string
		check             func(pct float64) bool
		want              string
	}{
		{"gil on", "", "threading.Thread", func(p float64) bool { return p <= 115 }, "at most 115%"},
		{"gil off", "lab.gil(False)", "threading.Thread", func(p float64) bool { return p >= 60*cores }, "at least 60% of every core"},
		{"processes", "", "multiprocessing.Process", func(p float64) bool { return p >= 60*cores }, "at least 60% of every core"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := New()
			_, _, rec, err := execCell(t, s, spinCell(c.setup, c.kind, 1.5))
			if err != nil {
				t.Fatal(err)
			}
			f := strings.Fields(rec.out())
			if len(f) != 3 {
				t.Fatalf("output %q", rec.out())
			}
			pct, _ := strconv.ParseFloat(f[0], 64)
			busy, _ := strconv.ParseFloat(f[2], 64)
			t.Logf("%s: %.0f%% with %s cores (all processes: %.0f%%)", c.name, pct, f[1], busy)
			if others := busy - pct; others > 50 {
				t.Skipf("other processes kept %.0f%% of a core busy during the measurement, so the figure says nothing", others)
			}
			if !c.check(pct) || math.IsNaN(pct) {
				t.Errorf("%s: CPU %.0f%%, want %s", c.name, pct, c.want)
			}
		})
	}
}
