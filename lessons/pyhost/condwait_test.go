package pyhost

import (
	"bytes"
	"strings"
	"testing"

	"threadlab/lessons/python"
	"threadlab/runtime"
)

// interruptAt is the host of a thread that interrupts the program at the
// thread's k-th step: it asks the host for every step, so that k can name
// any point of the code the thread runs.
type interruptAt struct {
	*Host
	k, steps int
}

func (s *interruptAt) Step(t *python.Thread) error {
	s.steps++
	if s.steps == s.k {
		s.Host.Interrupt()
	}
	err := s.Host.Step(t)
	t.SetHost(s, 1)
	return err
}

// TestInterruptAnywhereInWait interrupts a Condition's wait at each step
// it takes in turn: wherever the KeyboardInterrupt lands, it is what the
// program sees, the wait has taken the Condition's lock back (every level
// of an RLock), and no waiter is left on its list.
func TestInterruptAnywhereInWait(t *testing.T) {
	cases := []struct {
		name, setup string
		levels      int    // how often the program holds the lock as it waits
		held        string // whether the program holds the lock
	}{
		{"rlock", "c = threading.Condition()", 1, "c._lock._is_owned()"},
		{"rlock twice", "c = threading.Condition()", 2, "c._lock._is_owned()"},
		{"lock", "c = threading.Condition(threading.Lock())", 1, "c._lock.locked()"},
		{"multiprocessing", "import multiprocessing\nc = multiprocessing.Condition()", 1, "c._lock._lock._held()"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rt := runtime.New()
			h := NewHost(rt)
			var stdout, stderr bytes.Buffer
			in := python.NewInterp(python.Options{Stdout: &stdout, Stderr: &stderr, Modules: h.Modules()})
			main := in.NewThread("MainThread")
			h.AttachMain(main)
			if err := rt.BeginCell(); err != nil {
				t.Fatal(err)
			}
			defer rt.EndCell()
			if err := Patch(main); err != nil {
				t.Fatal(err)
			}
			m := python.NewModule("__main__")
			in.AddModule(m)
			exec := func(src string) error {
				code, err := in.Compile("prog.py", []byte(src), false)
				if err != nil {
					t.Fatalf("%s: %v", src, err)
				}
				_, err = main.ExecModule(code, m)
				return err
			}
			if err := exec("import threading\n" + tc.setup + "\n"); err != nil {
				t.Fatalf("setup: %v", err)
			}
			take := strings.Repeat("c.acquire()\n", tc.levels)
			// Each release fails if the wait did not take the lock back.
			check := strings.Repeat("c.release()\n", tc.levels) + "print(" + tc.held + ", len(c._sleepers))\n"
			for k := 1; ; k++ {
				if err := exec(take); err != nil {
					t.Fatalf("acquire: %v", err)
				}
				hook := &interruptAt{Host: h, k: k}
				main.SetHost(hook, 1)
				err := exec("c.wait(0)\n")
				main.SetHost(h, rt.SwitchInterval())
				if hook.steps < k {
					// The wait ended before its k-th step: every step has had its interrupt.
					if err != nil {
						t.Fatalf("uninterrupted: %v", err)
					}
					t.Logf("interrupted at each of %d steps", hook.steps)
					if k == 1 {
						t.Fatal("the hook saw no step")
					}
					break
				}
				if !python.ErrorMatches(err, python.KeyboardInterrupt) {
					t.Errorf("interrupted at step %d: %v, want KeyboardInterrupt", k, err)
				}
				stdout.Reset()
				if err := exec(check); err != nil {
					t.Fatalf("after step %d: %v", k, err)
				}
				if got := strings.TrimSpace(stdout.String()); got != "False 0" {
					t.Fatalf("interrupted at step %d: held, waiters = %s; want False 0", k, got)
				}
			}
		})
	}
}
