package lessons

import (
	"fmt"
	"strings"
	"testing"
)

// The exploration literature's benchmarks (runtime/explore_programs_test.go
// has them against the runtime) written as cells, the way a learner would:
// lab.shared objects and threading.Lock. indexer needs compare-and-swap,
// which Python lacks, so it is only in the runtime's tests.
const literatureCells = `
def start_all(bodies):
    threads = [threading.Thread(target=body, args=args) for body, args in bodies]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

def lastzero(n):
    def program():
        a = [lab.shared(v=0) for i in range(n + 1)]
        found = lab.shared(at=-1)
        def scan():
            for i in range(n, -1, -1):
                if a[i].v == 0:
                    found.at = i
                    return
        def bump(j):
            a[j].v = a[j - 1].v + 1
        start_all([(scan, ())] + [(bump, (j,)) for j in range(1, n + 1)])
        return found.at
    return program

def readers(n):
    def program():
        x = lab.shared(x=0)
        def write():
            x.x = 1
        def read():
            return x.x
        start_all([(write, ())] + [(read, ()) for i in range(n)])
    return program

def lockinc(n):
    def program():
        lock = threading.Lock()
        c = lab.shared(x=0)
        def inc():
            lock.acquire()
            c.x = c.x + 1
            lock.release()
        start_all([(inc, ()) for i in range(n)])
        return c.x
    return program

def filesystem(n):
    def program():
        locki = [threading.Lock() for i in range(32)]
        inode = [lab.shared(v=0) for i in range(32)]
        lockb = [threading.Lock() for b in range(26)]
        busy = [lab.shared(v=False) for b in range(26)]
        def give(tid):
            i = tid % 32
            locki[i].acquire()
            if inode[i].v == 0:
                b = (i * 2) % 26
                for attempt in range(26):
                    lockb[b].acquire()
                    if not busy[b].v:
                        busy[b].v = True
                        inode[i].v = b + 1
                        lockb[b].release()
                        break
                    lockb[b].release()
                    b = (b + 1) % 26
            locki[i].release()
        start_all([(give, (tid,)) for tid in range(n)])
    return program
`

func TestExploreLiteratureAsCells(t *testing.T) {
	s := New()
	if _, _, _, err := execCell(t, s, literatureCells); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		program   string
		published int
	}{
		{"lastzero(4)", (4 + 3) << (4 - 2)},
		{"lastzero(5)", (5 + 3) << (5 - 2)},
		{"readers(4)", 1 << 4},
		{"lockinc(4)", 24},
		{"lockinc(5)", 120},
		{"filesystem(16)", 8},
	}
	for _, tt := range tests {
		got, _, _, err := execCell(t, s, fmt.Sprintf("r = lab.explore(%s)\n(r.schedules, r.complete)", tt.program))
		if err != nil {
			t.Fatalf("%s: %v", tt.program, err)
		}
		if want := fmt.Sprintf("(%d, True)", tt.published); strings.TrimSpace(got) != want {
			t.Errorf("%s: (schedules, complete) = %s, want %s (the published number of traces)", tt.program, got, want)
		}
	}
}
