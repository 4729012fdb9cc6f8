package lessons

import (
	"encoding/json"
	"testing"
)

// Cells run as ipykernel runs them on CPython: globals persist, a
// function sees names rebound by later cells, the final expression is the
// result (its repr), print goes to stdout, and an error reports CPython's
// name, message and traceback naming the cell, line and source text. The
// expectations come from /usr/bin/python3 running the same cells.
func TestCellsAgainstCPython(t *testing.T) {
	tests := []struct {
		name  string
		cells []string
	}{
		{"result and print", []string{"print('hello')\n1 + 1", "'thread' + 'lab'", "x = 5", "[1, 2] + [3]", "None", "print(1); print(2)"}},
		{"globals persist", []string{"balance = 10", "def read():\n    return balance", "balance = 20\nread()", "balance += 1\nread()"}},
		{"global statement", []string{"n = 0\ndef bump():\n    global n\n    n = n + 1", "bump(); bump()\nn"}},
		{"classes and with", []string{"class Box:\n    def __init__(self, v):\n        self.v = v\n    def __repr__(self):\n        return 'Box(%r)' % self.v", "import threading\nlock = threading.Lock()\nwith lock:\n    b = Box([1, 'a'])\nb", "try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    caught = str(e)\nfinally:\n    done = True\n(caught, done)"}},
		{"name error", []string{"undefined_zz + 1"}},
		{"error in an earlier cell's function", []string{"def f(n):\n    return 1 // n", "def g():\n    return f(0)", "x = 1\ng()"}},
		{"syntax error", []string{"x = (1,\ny = 2"}},
		{"indentation error", []string{"def f():\nreturn 1"}},
		{"key error", []string{"d = {}\nd['missing']"}},
		{"raise", []string{"class Oops(Exception):\n    pass\nraise Oops('it broke')"}},
		{"chained", []string{"try:\n    {}['k']\nexcept KeyError as e:\n    raise ValueError('bad') from e"}},
		{"threads", []string{"import threading\nout = []\ndef work(n):\n    out.append(n)\n    print('worker', threading.current_thread().name)\nts = [threading.Thread(target=work, args=(i,), name='w%d' % i) for i in range(3)]\nfor t in ts:\n    t.start()\n    t.join()\nsorted(out)"}},
		{"only lab is imported", []string{"threading", "time.sleep(0)"}},
		{"failing repr", []string{"class R:\n    def __repr__(self):\n        raise ValueError('no repr')\nR()"}},
		{"formatting", []string{"'%s has %d' % ('t', 3)", "f'{3.5:>8.2f}|'", "{'a': (1, 2.0, None, True)}"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := cpythonCells(t, tt.cells...)
			got := threadlabCells(tt.cells...)
			for i := range tt.cells {
				g, _ := json.MarshalIndent(got[i], "", "  ")
				w, _ := json.MarshalIndent(want[i], "", "  ")
				if string(g) != string(w) {
					t.Errorf("cell %d %q:\nthreadlab %s\npython3   %s", i+1, tt.cells[i], g, w)
				}
			}
		})
	}
}

// With the GIL off, threads run at once and share a list, a dict and an
// instance through single built-in operations, each atomic (as in
// free-threaded CPython), so the cell prints what CPython does with its
// GIL; go test -race checks that the sharing is memory-safe. Nothing
// shared is frozen.
func TestGILOffSharing(t *testing.T) {
	const prog = `import threading
class Box:
    pass
items, table, box = [], {}, Box()
box.last = None
def work(k):
    for i in range(3000):
        items.append(i)
        table[(k, i)] = i
        box.last = i
ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(items), sum(items), len(table), box.last)`
	want := cpythonCells(t, prog)
	s := New()
	defer s.Shutdown()
	if c := execute(s, "lab.gil(False)"); c.err != nil {
		t.Fatal(c.err)
	}
	c := execute(s, prog)
	if c.err != nil || c.rec.out() != want[0].Stdout {
		t.Errorf("GIL off: %q, %v; python3 printed %q", c.rec.out(), c.err, want[0].Stdout)
	}
}
