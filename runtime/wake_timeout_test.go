package runtime

import (
	goruntime "runtime"
	"strings"
	"testing"
	"time"
)

// A Condition's waiter whose real-time wait times out must take the GIL
// back before it can say so, and meanwhile the thread that holds the GIL
// may notify it: the notify wakes no one (the waiter's acquire returns
// False, as CPython's does), and the trace must not say it wakes cat.
func TestNotifyAfterTheWaitTimedOut(t *testing.T) {
	rt := New()
	var cat *Thread
	cell(t, rt, func(main *Thread) {
		mu := rt.NewLock(false, 1, "changed's lock") // the Condition's lock
		gate := rt.NewLock(false, 2, "gate")
		holder := rt.NewThread(main, "condition waiters", true) // never runs
		cat = rt.NewThread(main, "cat", false)
		gate.SetWaiter("changed (a Condition)", cat)
		gate.Hold(holder)
		var woken bool
		var dog *Thread
		// dog: it has the GIL from when it takes the lock cat gives up to
		// wait, and makes no step that lets it go.
		notify := func(dog *Thread) error {
			if _, err := mu.Acquire(dog, true, -1); err != nil {
				return err
			}
			// Until cat's wait on the gate has begun and timed out.
			for began, over := false, false; !over; goruntime.Gosched() {
				rt.mu.Lock()
				waiting := cat.wait != nil && cat.wait.lock == gate
				rt.mu.Unlock()
				began = began || waiting
				over = began && !waiting
			}
			if err := gate.Release(dog); err != nil {
				return err
			}
			return mu.Release(dog)
		}
		if err := cat.Start(main, func() error {
			if _, err := mu.Acquire(cat, true, -1); err != nil {
				return err
			}
			dog = start(t, rt, cat, "dog", notify) // it waits for the lock
			if err := mu.Release(cat); err != nil {
				return err
			}
			gate.BeginWait(cat)
			got, err := gate.Acquire(cat, true, time.Millisecond)
			if !got {
				gate.EndWait()
			}
			woken = got
			return err
		}); err != nil {
			t.Fatal(err)
		}
		within(t, 10*time.Second, "the timed-out wait", func() { join(t, main, cat); join(t, main, dog) })
		if woken {
			t.Fatal("cat's timed-out acquire took the gate")
		}
	})
	var rows []string
	for _, e := range rt.Trace().Events() {
		if (e.Kind == OpNotify || e.Kind == OpWait) && e.Field == "gate" {
			rows = append(rows, e.Value.(string))
		}
	}
	want := "a notify of changed (a Condition)|notifies changed (a Condition): wakes no one (cat's wait is over)"
	if got := strings.Join(rows, "|"); got != want {
		t.Fatalf("rows %q, want %q", got, want)
	}
}
