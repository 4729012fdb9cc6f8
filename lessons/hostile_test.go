package lessons

import (
	"testing"
	"time"
)

// Hostile cells: each must fail with a clear error (or be held back),
// leave nothing running, and be followed by a cell that works.
func TestHostileCells(t *testing.T) {
	saved := MemoryLimit
	MemoryLimit = heapBytes() + 128<<20
	defer func() { MemoryLimit = saved }()

	cases := []struct {
		name, code, ename, msg string
	}{
		{"unbounded allocation", "data = []\nwhile True:\n    data.append('x' * 1000)", "MemoryError", "MiB of memory"},
		{"allocation in threads", "def grow():\n    junk = []\n    while True:\n        junk.append('y' * 1000)\nfor i in range(4):\n    threading.Thread(target=grow).start()\nwhile True:\n    time.sleep(0.01)", "MemoryError", "MiB of memory"},
		{"deep recursion", "def down(n):\n    return down(n + 1)\ndown(0)", "RecursionError", "recursion"},
		{"too many threads", "for i in range(10000):\n    threading.Thread(target=time.sleep, args=(60,)).start()", "RuntimeError", "too many threads"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := New()
			began := time.Now()
			_, _, _, err := execCell(t, s, c.code)
			checkError(t, err, c.ename, c.msg, nil)
			if d := time.Since(began); d > 20*time.Second {
				t.Errorf("took %v to fail", d)
			}
			got, _, _, err := execCell(t, s, "data = None\nlab.stop()\n[threading.active_count(), 6 * 7]")
			if err != nil || got != "[1, 42]" {
				t.Errorf("the next cell gave %q, %v", got, err)
			}
		})
	}
}
