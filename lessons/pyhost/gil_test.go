package pyhost

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"threadlab/lessons/python"
	"threadlab/runtime"
)

// sharedContainers has threads share a list, a dict, a set and an
// instance through single built-in operations, each atomic, so its output
// is the same with and without a GIL.
const sharedContainers = `
import threading

class Box:
    pass

items = []
table = {}
seen = set()
box = Box()
box.last = None
lock = threading.Lock()
total = [0]

def work(k):
    for i in range(2000):
        items.append(i)
        table[(k, i)] = i
        seen.add(i % 100)
        box.last = i
        if i % 500 == 0:
            with lock:
                total[0] += 1
    table.pop((k, 0))

ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(items), sum(items), len(table), len(seen), box.last, total[0])
print(sorted(set(items)) == list(range(2000)))
`

// TestGILOffSharedContainers: with the GIL off, threads run at once on
// every core; built-in containers and instances shared between them stay
// consistent (and go test -race stays quiet), printing what CPython does.
func TestGILOffSharedContainers(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.py")
	if err := os.WriteFile(path, []byte(sharedContainers), 0o644); err != nil {
		t.Fatal(err)
	}
	want := runCPython(t, path)
	rt := runtime.New()
	rt.SetTracing(false)
	if err := rt.SetGIL(false); err != nil {
		t.Fatal(err)
	}
	defer rt.SetGIL(true)
	var stdout, stderr bytes.Buffer
	status := runOn(rt, "shared.py", []byte(sharedContainers), python.Options{Stdout: &stdout, Stderr: &stderr})
	if status != 0 || stdout.String() != want.stdout {
		t.Errorf("status %d, stdout\n%s\nstderr\n%s\npython3 printed\n%s", status, stdout.String(), stderr.String(), want.stdout)
	}
}
