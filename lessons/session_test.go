package lessons

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"go.starlark.net/starlark"
)

// recorder is an Output that keeps what a cell writes.
type recorder struct {
	mu       sync.Mutex
	stdout   strings.Builder
	displays []map[string]any
	inputs   []string
}

func (r *recorder) Stream(name, text string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if name == "stdout" {
		r.stdout.WriteString(text)
	}
}
func (r *recorder) Display(data, metadata map[string]any, id string, update bool) {
	r.mu.Lock()
	r.displays = append(r.displays, data)
	r.mu.Unlock()
}
func (r *recorder) ClearOutput(bool) {}
func (r *recorder) Input(prompt string, password bool) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.inputs = append(r.inputs, prompt)
	return "typed", nil
}
func (r *recorder) out() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.stdout.String()
}

// run executes cells in order in one session and returns the last
// cell's text/plain result, its output and its error.
func run(t *testing.T, s *Session, cells ...string) (string, string, error) {
	t.Helper()
	var res map[string]any
	var err error
	rec := &recorder{}
	for i, c := range cells {
		rec = &recorder{}
		res, err = s.Execute(context.Background(), c, rec)
		if err != nil && i < len(cells)-1 {
			t.Fatalf("cell %d %q: %v", i+1, c, err)
		}
	}
	text, _ := res["text/plain"].(string)
	return text, rec.out(), err
}

func TestInterruptSpinningCell(t *testing.T) {
	for _, code := range []string{"while True:\n    pass", "def spin():\n    while True:\n        x = 1\nspin()"} {
		s := New()
		interrupted := make(chan struct{}, 1)
		s.OnInterrupt = func() { interrupted <- struct{}{} }
		ctx, cancel := context.WithCancel(context.Background())
		type outcome struct {
			err error
			at  time.Time
		}
		done := make(chan outcome, 1)
		go func() {
			_, err := s.Execute(ctx, code, &recorder{})
			done <- outcome{err, time.Now()}
		}()
		// Wait until the cell is really spinning: its thread has run steps.
		select {
		case o := <-done:
			t.Fatalf("cell ended early: %v", o.err)
		case <-time.After(50 * time.Millisecond):
		}
		cancelled := time.Now()
		cancel()
		var o outcome
		select {
		case o = <-done:
		case <-time.After(5 * time.Second):
			t.Fatal("cell did not end after the interrupt")
		}
		if d := o.at.Sub(cancelled); d > 100*time.Millisecond {
			t.Errorf("cell ended %v after the interrupt, want < 100ms", d)
		}
		checkError(t, o.err, "KeyboardInterrupt", "interrupted", []string{"Cell line"})
		select {
		case <-interrupted:
		default:
			t.Error("OnInterrupt was not called")
		}
		res, _, err := run(t, s, "1 + 1")
		if err != nil || res != "2" {
			t.Errorf("next cell: %q, %v", res, err)
		}
	}
}

// Many goroutines run a function from a cell in parallel, each on its own
// Starlark thread, while cells and Go code rebind and add globals.
func TestConcurrentNamespace(t *testing.T) {
	s := New()
	if _, _, err := run(t, s, "k = 1\ndef helper(i):\n    return i % 3\ndef work(n):\n    t = 0\n    for i in range(n):\n        t += helper(i) + k\n    return t"); err != nil {
		t.Fatal(err)
	}
	work, _ := s.Global("work")
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			th := s.NewThread(fmt.Sprintf("Thread-%d", g+1), &recorder{})
			for r := 0; r < 20; r++ {
				v, err := starlark.Call(th, work, starlark.Tuple{starlark.MakeInt(300)}, nil)
				if err != nil {
					errs <- err
					return
				}
				if _, ok := v.(starlark.Int); !ok {
					errs <- fmt.Errorf("work returned %v", v)
					return
				}
				s.SetGlobal(fmt.Sprintf("g%d_%d", g, r), starlark.MakeInt(r))
			}
		}(g)
	}
	for i := 0; i < 20; i++ {
		if _, _, err := run(t, s, fmt.Sprintf("k = %d\nnew_%d = k", i%2+1, i)); err != nil {
			t.Fatal(err)
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	res, _, err := run(t, s, "k = 1\nwork(3)")
	if err != nil || res != "6" {
		t.Errorf("work(3) = %q, %v; want 6", res, err)
	}
	if v, ok := s.Global("g7_19"); !ok || v.String() != "19" {
		t.Errorf("g7_19 = %v", v)
	}
}

// print in a thread made by NewThread goes to that thread's Output.
func TestThreadOutput(t *testing.T) {
	s := New()
	if _, _, err := run(t, s, "def hello(who):\n    print('hello', who)"); err != nil {
		t.Fatal(err)
	}
	fn, _ := s.Global("hello")
	rec := &recorder{}
	done := make(chan error)
	go func() {
		_, err := starlark.Call(s.NewThread("Thread-1", rec), fn, starlark.Tuple{starlark.String("thread")}, nil)
		done <- err
	}()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got := rec.out(); got != "hello thread\n" {
		t.Errorf("thread output = %q", got)
	}
}

func TestStepHook(t *testing.T) {
	s := New()
	var calls int
	s.OnCellStart = func(th *starlark.Thread) {
		SetStepHook(th, 10, func(*starlark.Thread) { calls++ })
	}
	if _, _, err := run(t, s, "i = 0\nwhile i < 100:\n    i += 1"); err != nil {
		t.Fatal(err)
	}
	if calls < 20 {
		t.Errorf("step hook ran %d times, want at least 20", calls)
	}
	// The recursion guard still works with a hook installed.
	_, _, err := run(t, s, "def r(n):\n    return r(n + 1)\nr(0)")
	checkError(t, err, "RecursionError", "recursion", nil)
}
