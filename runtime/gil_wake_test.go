package runtime

import (
	"testing"
	"time"
)

// The GIL's wake-up of a waiter: whichever way it waits, and whether the
// outcome comes before it first looks or while it waits, it learns the
// outcome once, and a waiter told through its state finds nothing left
// in its channel for a later wait.
func TestGILWake(t *testing.T) {
	tests := []struct {
		name   string
		state  int32
		ok     bool
		before bool // the outcome comes before the waiter looks
	}{
		{"spinning, handed the GIL while it looks", gilSpinning, true, false},
		{"spinning, stopped while it looks", gilSpinning, false, false},
		{"spinning, handed the GIL before it looks", gilSpinning, true, true},
		{"spinning, stopped before it looks", gilSpinning, false, true},
		{"parked, handed the GIL", gilParked, true, false},
		{"parked, stopped", gilParked, false, false},
		{"parked, handed the GIL before it waits", gilParked, true, true},
		{"parked, stopped before it waits", gilParked, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := newGILSched(New(), true)
			th := &Thread{gilWake: make(chan bool, 1)}
			th.gilState.Store(tt.state)
			if tt.before {
				g.wake(th, tt.ok)
			}
			within(t, 5*time.Second, "the waiter's wait", func() {
				got := make(chan bool, 1)
				go func() { got <- g.awaitGrant(th) }()
				if !tt.before {
					g.wake(th, tt.ok)
				}
				if ok := <-got; ok != tt.ok {
					t.Errorf("the waiter learned %v; want %v", ok, tt.ok)
				}
			})
			if n := len(th.gilWake); n != 0 {
				t.Errorf("%d values left in the waiter's channel", n)
			}
		})
	}
}
