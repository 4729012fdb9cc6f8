package python_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"threadlab/lessons/python"
)

// serialised sets an interpreter up as a host with a GIL does: its lists,
// dicts and cells skip their locks.
func serialised(th *python.Thread) { th.Interp().SetSerialised(true) }

// TestScriptsSerialised runs the language tests again with the locks
// elided, as `threadlab run` and the kernel run them: they print what
// CPython printed all the same.
func TestScriptsSerialised(t *testing.T) {
	files, err := filepath.Glob("testdata/*.py")
	if err != nil {
		t.Fatal(err)
	}
	known, err := readKnownFailing(knownFailingFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range without(files, "testdata/regen.py") {
		name := filepath.Base(path)
		if _, ok := known[name]; ok {
			continue
		}
		want, err := readExpected(strings.TrimSuffix(path, ".py") + ".out")
		if err != nil {
			t.Fatal(err)
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		stdin, err := os.ReadFile(strings.TrimSuffix(path, ".py") + ".in")
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		got, err := runWatched(name, src, stdin, scriptTimeout, nil, serialised)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if d := want.diff(got); d != "" {
			t.Errorf("%s, serialised: %s", name, d)
		}
	}
}

// A key's __eq__ that changes the dict it is being looked up in: the
// lookup starts again (on a serialised interpreter nothing stops the
// change), and every answer is CPython's.
const eqChangesDict = `
changes = [3]
names = [0]
class K:
    def __init__(self, n, d):
        self.n, self.d = n, d
    def __hash__(self):
        return 7
    def __eq__(self, other):
        if changes[0] > 0:
            changes[0] -= 1
            for i in range(40):
                names[0] += 1
                self.d['s%d' % names[0]] = i
            if 's1' in self.d:
                del self.d['s1']
        return isinstance(other, K) and other.n == self.n
d = {}
a, b, c = K(1, d), K(2, d), K(3, d)
d[a] = 'a'
d[b] = 'b'
print(d.get(K(2, d)), d.get(K(3, d)), len(d) > 40)
d[c] = 'c'
print(d[K(3, d)], d[K(1, d)], len(d))
del d[K(1, d)]
print(K(1, d) in d, K(2, d) in d, [v for k, v in d.items() if isinstance(k, K)])
`

func TestEqChangesDictSerialised(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "eq.py")
	if err := os.WriteFile(path, []byte(eqChangesDict), 0o644); err != nil {
		t.Fatal(err)
	}
	want, err := exec.Command(python3, path).Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	got, err := runWatched("eq.py", []byte(eqChangesDict), nil, scriptTimeout, nil, serialised)
	if err != nil {
		t.Fatal(err)
	}
	if got.code != 0 || got.stdout != string(want) {
		t.Errorf("threadlab printed %q (status %d, %q), python3 %q", got.stdout, got.code, got.stderr, want)
	}
}
