package lessons

import "testing"

// With the GIL off, threads read and write the attributes of instances
// of two classes they share through the interpreter's inline caches (a
// class's entry and where an instance's dict keeps each name), while
// they add and remove attributes, which moves names within the dict:
// each attribute operation stays atomic, so every thread's own counter
// ends exact, as under CPython; go test -race checks that the sharing is
// memory-safe. Tracing is off, as memory events would take the slow
// paths.
func TestGILOffAttributeCaches(t *testing.T) {
	const prog = `import threading
class Counter:
    step = 1
    def __init__(self):
        self.shared = 0
        self.a = self.b = self.c = self.d = 0
    def size(self):
        return self.step
class Other(Counter):
    step = 2
boxes = [Counter(), Other()]
def work(k):
    for i in range(8000):
        b = boxes[i % 2]
        if k == 0:
            b.a += b.size()
            b.ta = i
            del b.ta
        elif k == 1:
            b.b += b.size()
            b.tb = i
            del b.tb
        elif k == 2:
            b.c += b.size()
        else:
            b.d += b.size()
        b.shared = i + b.step
        if i % 500 == k:
            setattr(b, 'x%d_%d' % (k, i), i)
ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print([(b.a, b.b, b.c, b.d, len(vars(b))) for b in boxes])`
	want := cpythonCells(t, prog)
	s := New()
	defer s.Shutdown()
	if c := execute(s, "lab.gil(False)\nlab.tracing(False)"); c.err != nil {
		t.Fatal(c.err)
	}
	c := execute(s, prog)
	if c.err != nil || c.rec.out() != want[0].Stdout {
		t.Errorf("GIL off: %q, %v; python3 printed %q", c.rec.out(), c.err, want[0].Stdout)
	}
}
