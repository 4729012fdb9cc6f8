package python_test

// Hostile programs: each must end in a clear Python error within bounded
// time and memory, never a crash or a hang, and the interpreter must then
// run an ordinary program normally.

import (
	"fmt"
	"os/exec"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"threadlab/lessons/python"
)

// Bounds for one hostile program. The watchdog polls the heap and the
// clock while the program runs and cancels it (failing the test) when one
// is passed.
const (
	hostileTimeout = 60 * time.Second
	hostileHeap    = 512 << 20 // bytes of heap objects the program may add
)

var hostileCases = []struct {
	name string
	src  string
	want []string // acceptable exception types
	// broken, when set, says why the interpreter does not pass yet; the
	// case must then fail, and passing is an error (clear the field).
	broken string
}{
	{"huge power", "x = 10 ** 10 ** 8\n", []string{"OverflowError", "MemoryError"}, ""},
	{"huge pow()", "x = pow(10, 10 ** 8)\n", []string{"OverflowError", "MemoryError"}, ""},
	{"huge shift", "x = 1 << 10 ** 10\n", []string{"OverflowError", "MemoryError"}, ""},
	{"huge str repeat", "x = 'x' * 10 ** 12\n", []string{"MemoryError", "OverflowError"}, ""},
	{"huge list repeat", "x = [0] * 10 ** 12\n", []string{"MemoryError", "OverflowError"}, ""},
	{"huge bytes repeat", "x = b'ab' * 10 ** 12\n", []string{"MemoryError", "OverflowError"}, ""},
	{"deep recursion", "def f(n):\n    return f(n + 1)\nf(0)\n", []string{"RecursionError"}, ""},
	{"mutual recursion", "def a(n):\n    return b(n) + 1\ndef b(n):\n    return a(n) + 1\na(0)\n", []string{"RecursionError"}, ""},
	{"recursive __repr__", "class A:\n    def __repr__(self):\n        return repr(self)\nprint(A())\n", []string{"RecursionError"}, ""},
	{"endless generator into list()", "def forever():\n    n = 0\n    while True:\n        yield n\n        n += 1\nprint(len(list(forever())))\n",
		[]string{"MemoryError"}, ""},
	{"list(count())", "import itertools\nx = list(itertools.count())\n", []string{"MemoryError"}, ""},
	{"tuple(repeat())", "import itertools\nx = tuple(itertools.repeat(1))\n", []string{"MemoryError"}, ""},
	{"sorted(repeat())", "import itertools\nx = sorted(itertools.repeat(1))\n", []string{"MemoryError"}, ""},
	{"set(count())", "import itertools\nx = set(itertools.count())\n", []string{"MemoryError"}, ""},
	{"dict(zip(count(), count()))", "import itertools\nx = dict(zip(itertools.count(), itertools.count()))\n", []string{"MemoryError"}, ""},
	{"join(repeat())", "import itertools\nx = ''.join(itertools.repeat('x'))\n", []string{"MemoryError"}, ""},
	{"join of long strs", "import itertools\nx = ''.join(itertools.repeat('x' * 100000, 10000))\n", []string{"MemoryError"}, ""},
	{"star unpack of count()", "import itertools\nx = [*itertools.count()]\n", []string{"MemoryError"}, ""},
	{"list.extend(cycle())", "import itertools\nx = []\nx.extend(itertools.cycle('ab'))\n", []string{"MemoryError"}, ""},
	{"huge list repeat by bytes", "x = [0] * 2 ** 26\n", []string{"MemoryError"}, ""},
	{"deeply nested list literal", "x = " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n",
		[]string{"SyntaxError", "RecursionError", "MemoryError"}, ""},
	{"deeply nested parentheses", "x = " + strings.Repeat("(", 100000) + "1" + strings.Repeat(")", 100000) + "\n",
		[]string{"SyntaxError", "RecursionError", "MemoryError"}, ""},
	{"deeply nested dict literal", "x = " + strings.Repeat("{1: ", 50000) + "1" + strings.Repeat("}", 50000) + "\n",
		[]string{"SyntaxError", "RecursionError", "MemoryError"}, ""},
	{"huge format width", "x = '{:>10000000000}'.format(1)\n", []string{"MemoryError", "ValueError", "OverflowError"}, ""},
	{"huge f-string width", "x = f'{1:>{10 ** 10}}'\n", []string{"MemoryError", "ValueError", "OverflowError"}, ""},
	{"huge %-format width", "x = '%*d' % (10 ** 10, 1)\n", []string{"MemoryError", "ValueError", "OverflowError"}, ""},
	{"huge precision", "x = format(1.5, '.10000000000f')\n", []string{"MemoryError", "ValueError", "OverflowError"}, ""},
	{"huge str.center", "x = 'a'.center(10 ** 12)\n", []string{"MemoryError", "OverflowError"}, ""},
}

// normalProgram runs after each hostile one; its output must be CPython's.
const normalProgram = `def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
words = {}
for w in "the cat and the hat and the bat".split():
    words[w] = words.get(w, 0) + 1
print([fib(i) for i in range(15)], sum(range(1000)), 2 ** 70, words)
try:
    [][1]
except IndexError as e:
    print("caught", e)
`

func TestHostile(t *testing.T) {
	ref, err := exec.Command(python3, "-c", normalProgram).Output()
	if err != nil {
		t.Fatalf("python3 on the normal program: %v", err)
	}
	for _, tc := range hostileCases {
		t.Run(tc.name, func(t *testing.T) {
			problem := runHostile(tc.src, tc.want)
			switch {
			case tc.broken == "" && problem != "":
				t.Error(problem)
			case tc.broken != "" && problem == "":
				t.Errorf("passes now; clear its broken field (%q)", tc.broken)
			case tc.broken != "":
				t.Logf("known broken (%s): %s", tc.broken, problem)
			}
			got, err := runBounded("normal.py", []byte(normalProgram), nil, hostileTimeout)
			if err != nil {
				t.Fatalf("normal program after the hostile one: %v", err)
			}
			if got.code != 0 || got.stdout != string(ref) {
				t.Errorf("normal program after the hostile one: exit %d, stdout %q, stderr %q; CPython printed %q",
					got.code, got.stdout, got.stderr, ref)
			}
		})
	}
}

// runHostile runs src under the watchdog and says what went wrong, or ""
// if it ended in one of the wanted exceptions.
func runHostile(src string, want []string) string {
	runtime.GC()
	base := heapObjects()
	o, err := runWatched("hostile.py", []byte(src), nil, hostileTimeout, func() string {
		if heapObjects() > base+hostileHeap {
			return fmt.Sprintf("used more than %d MiB of heap", hostileHeap>>20)
		}
		return ""
	}, nil)
	runtime.GC()
	if err != nil {
		return err.Error()
	}
	last := ""
	if len(o.stderr) > 0 {
		last = o.stderr[len(o.stderr)-1]
	}
	kind, _, _ := strings.Cut(last, ":")
	switch {
	case o.code == 0:
		return "ended normally, want " + strings.Join(want, " or ")
	case strings.Contains(last, "internal error"):
		return "crashed: " + last
	case !contains(want, kind):
		return "ended with " + last + ", want " + strings.Join(want, " or ")
	}
	return ""
}

// heapObjects is the bytes of heap memory held by live and not yet swept
// objects.
func heapObjects() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// stepSignal is a host that, at its nth step, says so on reached and then
// holds the thread until it is cancelled: a loop that runs in Go must
// still reach the host, and a Cancel from another goroutine must end it.
type stepSignal struct {
	n       int
	reached chan struct{}
}

func (h *stepSignal) Step(t *python.Thread) error {
	if h.n--; h.n == 0 {
		close(h.reached)
		<-t.Done()
	}
	return t.Err()
}

func TestCancelGoLoop(t *testing.T) {
	tests := []string{
		"list(itertools.count())",
		"sum(itertools.count())",
		"sorted(itertools.repeat(1))",
		"''.join(itertools.repeat('x'))",
		"set(itertools.count())",
		"-1 in itertools.count()",
		"max(itertools.cycle([1, 2]))",
		"sum(range(10 ** 18))",
		"list(iter(int, 1))",
		"any(map(bool, itertools.repeat(0)))",
	}
	for _, expr := range tests {
		t.Run(expr, func(t *testing.T) {
			// far more steps than the program's own bytecode: the thread
			// is inside expr's Go loop when the host is reached
			h := &stepSignal{n: 10000, reached: make(chan struct{})}
			src := "import itertools\nx = " + expr + "\n"
			reached := false
			_, err := runWatched("cancel.py", []byte(src), nil, hostileTimeout, func() string {
				select {
				case <-h.reached:
					reached = true
					return "reached the host"
				default:
					return ""
				}
			}, func(th *python.Thread) { th.SetHost(h, 1) })
			if !reached || err == nil || !strings.HasSuffix(err.Error(), "(cancelled)") {
				t.Errorf("run ended with %v, want it cancelled in the loop", err)
			}
		})
	}
}
