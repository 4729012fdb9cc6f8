package lessons

import (
	"time"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
)

var processStart = time.Now()

func (w *world) timeModule() *starlarkstruct.Module {
	sleep := func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var secs starlark.Value
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 1, &secs); err != nil {
			return nil, err
		}
		f, ok := starlark.AsFloat(secs)
		if !ok || f < 0 {
			return nil, NewError("ValueError", "sleep length must be a number of seconds, zero or more")
		}
		if err := w.me(th).Sleep(time.Duration(f * float64(time.Second))); err != nil {
			return nil, w.fail(th, err)
		}
		return starlark.None, nil
	}
	clock := func(since func(now time.Time) float64) func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		return func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 0); err != nil {
				return nil, err
			}
			return starlark.Float(since(w.me(th).Now())), nil
		}
	}
	wall := clock(func(now time.Time) float64 { return float64(now.UnixNano()) / 1e9 })
	mono := clock(func(now time.Time) float64 { return now.Sub(processStart).Seconds() })
	return &starlarkstruct.Module{Name: "time", Members: starlark.StringDict{
		"sleep": Builtin("time", "sleep", "sleep(seconds)",
			"Pause the calling thread for the given number of seconds (a float is fine). A sleeping thread gives up the GIL. "+
				"After lab.seed(n) the sleep is virtual: it decides the order in which threads wake, but nobody actually waits.", sleep),
		"time": Builtin("time", "time", "time()",
			"Seconds since 1 January 1970, as a float (wall-clock time; virtual after lab.seed).", wall),
		"monotonic": Builtin("time", "monotonic", "monotonic()",
			"A clock that never goes backwards, in seconds. Only the difference between two calls means something.", mono),
		"perf_counter": Builtin("time", "perf_counter", "perf_counter()",
			"A precise clock in seconds for timing code: call it before and after, and subtract.", mono),
	}}
}
