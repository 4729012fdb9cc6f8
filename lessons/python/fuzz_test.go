package python

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// stepBudget cancels a thread after a number of host calls, so that a
// fuzzed program that loops forever ends.
type stepBudget struct{ left int }

func (s *stepBudget) Step(t *Thread) error {
	if s.left--; s.left <= 0 {
		t.Cancel("step budget spent")
	}
	return nil
}

// FuzzRun runs any program that compiles, for a bounded number of steps:
// it may fail with a Python exception or be cancelled, but the
// interpreter must not panic or report an internal error.
func FuzzRun(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.py")
	for _, name := range files {
		if src, err := os.ReadFile(name); err == nil {
			f.Add(string(src))
		}
	}
	for _, src := range coreCases {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		in := NewInterp(Options{Stdout: io.Discard, Stderr: io.Discard})
		code, err := in.Compile("fuzz.py", []byte(src), false)
		if err != nil {
			return
		}
		th := in.NewThread("main")
		th.SetHost(&stepBudget{left: 200}, 100)
		m := NewModule("__main__")
		in.AddModule(m)
		_, err = th.ExecModule(code, m)
		var ie *InternalError
		if errors.As(err, &ie) {
			t.Fatalf("internal error: %v", err)
		}
	})
}
