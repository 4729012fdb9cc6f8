package python

import (
	"runtime/debug"
	"testing"
)

// TestTuneGC: TuneGC sets the collector's percent and soft limit unless
// the environment chose them, and undo puts back what was there.
func TestTuneGC(t *testing.T) {
	avail := MemoryAvailable()
	if avail == 0 {
		t.Fatal("MemoryAvailable found neither a cgroup limit nor /proc/meminfo")
	}
	tests := []struct {
		name, gogc, gomemlimit string
		wantPercent            int
		wantLimit              int64 // 0: the one before
	}{
		{"defaults", "", "", gcPercent, int64(avail / gcLimitShare)},
		{"GOGC set", "250", "", 173, int64(avail / gcLimitShare)},
		{"GOMEMLIMIT set", "", "1GiB", gcPercent, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("GOGC", tc.gogc)
			t.Setenv("GOMEMLIMIT", tc.gomemlimit)
			// A percent and a limit of its own, so that a change shows.
			prevPercent := debug.SetGCPercent(173)
			prevLimit := debug.SetMemoryLimit(1 << 40)
			defer func() {
				debug.SetGCPercent(prevPercent)
				debug.SetMemoryLimit(prevLimit)
			}()

			undo := TuneGC()
			percent := debug.SetGCPercent(-1)
			debug.SetGCPercent(percent)
			limit := debug.SetMemoryLimit(-1) // -1 reads it
			want := tc.wantLimit
			if want == 0 {
				want = 1 << 40
			}
			if percent != tc.wantPercent || limit != want {
				t.Errorf("after TuneGC: GC percent %d, memory limit %d; want %d and %d", percent, limit, tc.wantPercent, want)
			}

			undo()
			percent = debug.SetGCPercent(-1)
			debug.SetGCPercent(percent)
			if limit := debug.SetMemoryLimit(-1); percent != 173 || limit != 1<<40 {
				t.Errorf("after undo: GC percent %d, memory limit %d; want 173 and %d", percent, limit, int64(1<<40))
			}
		})
	}
}
