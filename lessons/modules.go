package lessons

// TEMPORARY placeholder written by the session engineer so that lessons/
// compiles; the lead replaces this file with the real modules.

import (
	"time"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
)

var processStart = time.Now()

func (s *Session) modules() starlark.StringDict {
	sleep := func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var secs starlark.Value
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 1, &secs); err != nil {
			return nil, err
		}
		f, ok := starlark.AsFloat(secs)
		if !ok || f < 0 {
			return nil, &CellError{Name: "ValueError", Message: "sleep length must be a non-negative number"}
		}
		time.Sleep(time.Duration(f * float64(time.Second)))
		return starlark.None, nil
	}
	now := func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 0); err != nil {
			return nil, err
		}
		return starlark.Float(float64(time.Now().UnixNano()) / 1e9), nil
	}
	mono := func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 0); err != nil {
			return nil, err
		}
		return starlark.Float(time.Since(processStart).Seconds()), nil
	}
	tm := &starlarkstruct.Module{Name: "time", Members: starlark.StringDict{
		"sleep":        Builtin("time", "sleep", "sleep(seconds)", "Pause the calling thread for the given number of seconds (a float is fine).", sleep),
		"time":         Builtin("time", "time", "time()", "Seconds since 1 January 1970, as a float (wall-clock time).", now),
		"monotonic":    Builtin("time", "monotonic", "monotonic()", "A clock that never goes backwards, in seconds. Only differences between two calls mean something.", mono),
		"perf_counter": Builtin("time", "perf_counter", "perf_counter()", "A high-resolution clock in seconds for measuring how long something takes. Only differences mean something.", mono),
	}}
	return starlark.StringDict{"time": tm}
}
