package lessons

import (
	_ "embed"
	"time"

	"threadlab/lessons/python"
)

// The lab module is threadlab's own: lab.py defines its functions (with
// the signatures and docstrings that completion and inspection show) on
// top of the native module _lab, whose functions are the Session's
// methods below.

//go:embed lab.py
var labSource []byte

// labModules are _lab and lab, importable in the session's interpreter.
func (s *Session) labModules() []python.ModuleDef {
	return []python.ModuleDef{
		{Name: "_lab", Doc: "The native half of lab.", Init: func(t *python.Thread, m *python.Module) error {
			for name, fn := range s.labNatives() {
				m.SetFunc(name, fn)
			}
			return nil
		}},
		{Name: "lab", Doc: "threadlab's laboratory: the GIL, scheduling, replay, traces and CPU use.", Init: func(t *python.Thread, m *python.Module) error {
			code, err := t.Interp().Compile("lab.py", labSource, false)
			if err != nil {
				return err
			}
			_, err = t.ExecModule(code, m)
			return err
		}},
	}
}

// labNatives are the functions of _lab. The trace, exploration and
// stepper functions register here, each defined in its own file
// (trace.go, explore.go, stepper.go), with their Python side in lab.py.
func (s *Session) labNatives() map[string]python.NativeFunc {
	return map[string]python.NativeFunc{
		"gil":             s.labGIL,
		"switch_interval": s.labSwitchInterval,
		"seed":            s.labSeed,
		"stop":            s.labStop,
		"cpu":             s.labCPU,
		"trace":           s.labTrace,
		"tracing":         s.labTracing,
		"explore":         s.labExplore,
		"stepper":         s.labStepper,
	}
}

// labGIL is _lab.gil(on): on None, whether the GIL is on.
func (s *Session) labGIL(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
	var on python.Value
	if err := python.UnpackArgs("gil", args, kw, []string{"on"}, &on); err != nil {
		return nil, err
	}
	if on == python.None {
		return python.Bool(s.rt.GIL()), nil
	}
	if !s.isMain(t) {
		return nil, errNotMain("lab.gil")
	}
	b, err := python.Truth(t, on)
	if err != nil {
		return nil, err
	}
	if err := s.host.SetGIL(b); err != nil {
		return nil, python.Errorf(python.RuntimeError, "%s", err.Error())
	}
	return python.None, nil
}

// labSwitchInterval is _lab.switch_interval(steps): on None, the interval.
func (s *Session) labSwitchInterval(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
	var steps python.Value
	if err := python.UnpackArgs("switch_interval", args, kw, []string{"steps"}, &steps); err != nil {
		return nil, err
	}
	if steps == python.None {
		return python.Int(s.rt.SwitchInterval()), nil
	}
	n, ok := wholeNumber(steps)
	if !ok {
		return nil, python.Errorf(python.TypeError, "lab.switch_interval takes a whole number of interpreter steps, not %s", python.TypeName(steps))
	}
	if n < 1 || n > 1<<30 {
		return nil, python.Errorf(python.ValueError, "the switch interval must be between 1 and %d steps, not %d", 1<<30, n)
	}
	if err := s.rt.SetSwitchInterval(int(n)); err != nil {
		return nil, python.Errorf(python.ValueError, "%s", err.Error())
	}
	// The new interval applies from now.
	if err := s.host.Step(t); err != nil {
		return nil, err
	}
	return python.None, nil
}

// labSeed is _lab.seed(n): deterministic scheduling from n, or real
// scheduling again for None.
func (s *Session) labSeed(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
	var n python.Value
	if err := python.UnpackArgs("seed", args, kw, []string{"n"}, &n); err != nil {
		return nil, err
	}
	if !s.isMain(t) {
		return nil, errNotMain("lab.seed")
	}
	var p *uint64
	if n != python.None {
		i, ok := wholeNumber(n)
		if !ok {
			return nil, python.Errorf(python.TypeError, "lab.seed takes a whole number, or None to go back to real scheduling, not %s", python.TypeName(n))
		}
		u := uint64(i)
		p = &u
	}
	if err := s.host.Seed(p); err != nil {
		return nil, python.Errorf(python.RuntimeError, "%s", err.Error())
	}
	// The main thread's step budget starts afresh, from the new schedule.
	if err := s.host.Step(t); err != nil {
		return nil, err
	}
	return python.None, nil
}

// stopWait is how long lab.stop waits for the stopped threads to end.
const stopWait = 2 * time.Second

// labStop is _lab.stop(): it stops every user thread and process and
// returns how many there were.
func (s *Session) labStop(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
	if err := python.UnpackArgs("stop", args, kw, nil); err != nil {
		return nil, err
	}
	n := len(s.userThreads())
	s.rt.StopThreads()
	ended := false
	if err := t.Block(func(<-chan struct{}) error {
		ended = s.rt.Wait(stopWait)
		return nil
	}); err != nil {
		return nil, err
	}
	if !ended {
		return nil, python.Errorf(python.RuntimeError, "some threads did not stop within %v", stopWait)
	}
	return python.Int(n), nil
}

// wholeNumber is v as an int64, for an int (not a bool or a float).
func wholeNumber(v python.Value) (int64, bool) {
	switch v.(type) {
	case python.Int, *python.BigInt:
		n, err := python.AsInt64(v)
		return n, err == nil
	}
	return 0, false
}

// number is v as a float64, for an int or a float (not a bool).
func number(v python.Value) (float64, bool) {
	switch x := v.(type) {
	case python.Float:
		return float64(x), true
	case python.Int:
		return float64(x), true
	}
	return 0, false
}
