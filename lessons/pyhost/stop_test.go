package pyhost

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"threadlab/lessons/python"
	"threadlab/runtime"
)

// TestStopEndsEveryWait: stopping the runtime (lab.stop, an interrupt)
// ends threads that spin, sleep, or wait on any primitive, and the main
// thread's own wait, so the program ends.
func TestStopEndsEveryWait(t *testing.T) {
	const prog = `
import threading, queue, time
lock = threading.Lock()
lock.acquire()
cond = threading.Condition()
sem = threading.Semaphore(0)
ev = threading.Event()
bar = threading.Barrier(5)
q = queue.Queue()
def spin():
    while True:
        pass
def wait_cond():
    with cond:
        cond.wait()
targets = [spin, lock.acquire, wait_cond, sem.acquire, ev.wait, bar.wait, q.get, lambda: time.sleep(3600)]
threads = [threading.Thread(target=f) for f in targets]
for t in threads:
    t.start()
print("started", len(threads))
ready.set()
for t in threads:
    t.join()
print("not reached")
`
	rt := runtime.New()
	var stdout, stderr bytes.Buffer
	done := make(chan int)
	// The program tells the test it has started its threads by setting
	// a Go-side event, so the stop comes while they all wait.
	started := make(chan struct{})
	opts := python.Options{Stdout: &stdout, Stderr: &stderr, Modules: []python.ModuleDef{readyModule(started)}}
	go func() { done <- runOn(rt, "prog.py", []byte("from ready import ready\n"+prog), opts) }()
	select {
	case <-started:
	case <-time.After(30 * time.Second):
		t.Fatalf("the program did not start its threads: %s", stderr.String())
	}
	rt.StopAll()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the program did not end after StopAll")
	}
	if !rt.Wait(10 * time.Second) {
		t.Error("threads still run after the program ended")
	}
	if got := stdout.String(); got != "started 8\n" {
		t.Errorf("stdout %q, want only the line before the stop", got)
	}
	if strings.Contains(stderr.String(), "not reached") {
		t.Errorf("the main thread went on after the stop: %s", stderr.String())
	}
}

// readyModule is a module "ready" whose ready.set() closes started.
func readyModule(started chan struct{}) python.ModuleDef {
	return python.ModuleDef{Name: "ready", Init: func(t *python.Thread, m *python.Module) error {
		obj := python.NewModule("ready")
		obj.SetFunc("set", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			close(started)
			return python.None, nil
		})
		m.Set("ready", obj)
		return nil
	}}
}

// TestInterrupt: Ctrl-C (Options.Interrupt) ends the main thread with
// KeyboardInterrupt and status 130, and stops the other threads.
func TestInterrupt(t *testing.T) {
	const prog = `
import threading
def spin():
    while True:
        pass
threading.Thread(target=spin).start()
ready.set()
threading.Event().wait()
`
	started := make(chan struct{})
	interrupt := make(chan struct{})
	var stdout, stderr bytes.Buffer
	opts := python.Options{Stdout: &stdout, Stderr: &stderr, Interrupt: interrupt,
		Modules: []python.ModuleDef{readyModule(started)}}
	done := make(chan int)
	go func() { done <- Run("prog.py", []byte("from ready import ready\n"+prog), opts) }()
	select {
	case <-started:
	case <-time.After(30 * time.Second):
		t.Fatalf("the program did not start its thread: %s", stderr.String())
	}
	close(interrupt)
	select {
	case status := <-done:
		if status != 130 || !strings.HasSuffix(stderr.String(), "KeyboardInterrupt\n") {
			t.Errorf("status %d, stderr %q; want 130 and KeyboardInterrupt", status, stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the program did not end after the interrupt")
	}
}

// stepsModule is a module "steps" whose steps.reached() sends on reached.
func stepsModule(reached chan struct{}) python.ModuleDef {
	return python.ModuleDef{Name: "steps", Init: func(t *python.Thread, m *python.Module) error {
		m.SetFunc("reached", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			reached <- struct{}{}
			return python.None, nil
		})
		return nil
	}}
}

// TestInterruptTwice: the first Ctrl-C raises KeyboardInterrupt in the
// main thread's sleep, which the program catches (with has released its
// lock); the second ends the program that goes on waiting, with 130.
func TestInterruptTwice(t *testing.T) {
	const prog = `import steps
import threading
import time
lock = threading.Lock()
steps.reached()
while True:
    try:
        with lock:
            time.sleep(3600)
    except KeyboardInterrupt:
        print("caught, lock held:", lock.locked())
        steps.reached()
`
	reached := make(chan struct{}, 2)
	interrupt := make(chan struct{})
	var stdout, stderr bytes.Buffer
	opts := python.Options{Stdout: &stdout, Stderr: &stderr, Interrupt: interrupt,
		Modules: []python.ModuleDef{stepsModule(reached)}}
	done := make(chan int)
	go func() { done <- Run("prog.py", []byte(prog), opts) }()
	for i := range 2 {
		select {
		case <-reached:
		case status := <-done:
			t.Fatalf("the program ended before interrupt %d: status %d, stderr %s", i+1, status, stderr.String())
		case <-time.After(30 * time.Second):
			t.Fatalf("the program did not get to interrupt %d: %s", i+1, stderr.String())
		}
		select {
		case interrupt <- struct{}{}:
		case status := <-done:
			t.Fatalf("the program ended before interrupt %d: status %d, stderr %s", i+1, status, stderr.String())
		}
	}
	select {
	case status := <-done:
		if status != 130 || !strings.HasSuffix(stderr.String(), "KeyboardInterrupt\n") {
			t.Errorf("status %d, stderr %q; want 130 and KeyboardInterrupt", status, stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the program did not end after the second interrupt")
	}
	if got := stdout.String(); got != "caught, lock held: False\n" {
		t.Errorf("stdout %q, want the first interrupt caught once", got)
	}
}
