package lessons

import (
	goruntime "runtime"
	"testing"
	"time"
)

// Hostile cells: each must fail with a clear error, leave nothing
// running, and be followed by a cell that works.
func TestHostileCells(t *testing.T) {
	saved := MemoryLimit
	defer func() { MemoryLimit = saved }()

	cases := []struct {
		name, code, ename, msg string
	}{
		{"unbounded allocation", "data = []\nwhile True:\n    data.append('x' * 1000)", "MemoryError", "MiB of memory"},
		{"allocation in threads", "import threading, time\ndef grow():\n    junk = []\n    while True:\n        junk.append('y' * 1000)\n" +
			"for i in range(4):\n    threading.Thread(target=grow).start()\nwhile True:\n    time.sleep(0.01)", "MemoryError", "MiB of memory"},
		{"one huge string", "'x' * 10**12", "MemoryError", ""},
		{"deep recursion", "def down(n):\n    return down(n + 1)\ndown(0)", "RecursionError", "maximum recursion depth exceeded"},
		{"huge int", "10 ** 10 ** 10", "OverflowError", ""},
		{"too many threads", "import threading, time\nfor i in range(10000):\n    threading.Thread(target=time.sleep, args=(60,)).start()", "RuntimeError", "can't start new thread"},
		{"trace function that recurses", "import sys\ndef tr(f, e, a):\n    return tr(f, e, a)\nsys.settrace(tr)\ndef g():\n    pass\ng()", "RecursionError", "maximum recursion depth exceeded"},
		{"exception that stops nothing", "class Nasty(BaseException):\n    pass\nraise Nasty()", "Nasty", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			goruntime.GC()
			MemoryLimit = heapBytes() + 256<<20
			s := New()
			defer s.Shutdown()
			began := time.Now()
			checkError(t, execute(s, c.code).err, c.ename, c.msg)
			if d := time.Since(began); d > 20*time.Second {
				t.Errorf("took %v to fail", d)
			}
			// The stop button ends what the cell left (2000 sleepers).
			s.Interrupt()
			if !s.rt.Wait(20 * time.Second) {
				t.Fatal("the cell's threads did not end after an interrupt")
			}
			got := execute(s, "import threading\ndata = None\n[threading.active_count(), 6 * 7]")
			if got.err != nil || got.result != "[1, 42]" {
				t.Errorf("the next cell gave %q, %v", got.result, got.err)
			}
		})
	}
}
