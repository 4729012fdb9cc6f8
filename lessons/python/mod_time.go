package python

import (
	"math"
	"syscall"
	"time"
)

// The time module: clocks, and sleep through the host.

// Sleeper is an optional interface of a Host: time.sleep asks it to
// sleep, so that a host with virtual time (a seeded schedule) decides
// what sleeping means. Without it, sleep blocks the thread for real
// through Thread.Block, which cancellation interrupts.
type Sleeper interface {
	Sleep(t *Thread, d time.Duration) error
}

func init() {
	RegisterModule(ModuleDef{Name: "time", Doc: "Time access (threadlab).", Init: initTime})
}

func initTime(t *Thread, m *Module) error {
	// monotonic and perf_counter count from the module's import, which
	// keeps their floats precise.
	start := time.Now()
	since := func() time.Duration { return time.Since(start) }
	floatFn := func(name string, f func() float64) {
		m.SetFunc(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := NoKwargs(name, kw); err != nil {
				return nil, err
			}
			if err := ArgCount(name, args, 0, 0); err != nil {
				return nil, err
			}
			return Float(f()), nil
		})
	}
	intFn := func(name string, f func() int64) {
		m.SetFunc(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := NoKwargs(name, kw); err != nil {
				return nil, err
			}
			if err := ArgCount(name, args, 0, 0); err != nil {
				return nil, err
			}
			return Int(f()), nil
		})
	}
	floatFn("time", func() float64 { return float64(time.Now().UnixNano()) / 1e9 })
	intFn("time_ns", func() int64 { return time.Now().UnixNano() })
	floatFn("monotonic", func() float64 { return since().Seconds() })
	intFn("monotonic_ns", func() int64 { return int64(since()) })
	floatFn("perf_counter", func() float64 { return since().Seconds() })
	intFn("perf_counter_ns", func() int64 { return int64(since()) })
	floatFn("process_time", func() float64 { return processTime().Seconds() })
	intFn("process_time_ns", func() int64 { return int64(processTime()) })
	m.SetFunc("sleep", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := oneArg("sleep", args, kw); err != nil {
			return nil, err
		}
		var secs float64
		switch x := args[0].(type) {
		case Int, Bool, *BigInt, Float:
			var err error
			if secs, err = floatArg(t, x); err != nil {
				return nil, err
			}
		default:
			return nil, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", TypeName(x))
		}
		if math.IsNaN(secs) {
			return nil, Errorf(ValueError, "Invalid value NaN (not a number)")
		}
		if secs < 0 {
			return nil, Errorf(ValueError, "sleep length must be non-negative")
		}
		if secs > 1e9 {
			return nil, Errorf(OverflowError, "timestamp too large to convert to C _PyTime_t")
		}
		return None, sleep(t, time.Duration(secs*1e9))
	})
	return initTimeStruct(t, m)
}

// sleep blocks t for d, through the host when it is a Sleeper.
func sleep(t *Thread, d time.Duration) error {
	if s, ok := t.host.(Sleeper); ok {
		return s.Sleep(t, d)
	}
	return t.Block(func(done <-chan struct{}) error {
		timer := time.NewTimer(d)
		defer timer.Stop()
		select {
		case <-timer.C:
		case <-done:
		}
		return nil
	})
}

// processTime is the CPU time, user and system, that the whole OS process
// has used, as CPython's time.process_time counts it. The interpreters of
// threadlab's multiprocessing share one OS process, so each of them sees
// the total.
func processTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
