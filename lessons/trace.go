package lessons

import (
	"fmt"

	"threadlab/lessons/python"
	"threadlab/runtime"
)

// lab.trace(predict=False): the interleaving table of the last cell that
// had shared steps; lab.tracing(on): whether cells are traced.

// traceValue is what lab.trace() returns.
type traceValue struct {
	tr      *runtime.Trace
	predict bool // the state after each step stays hidden until revealed
}

var traceType = python.NewType("trace", nil).SetModule("lab")

func (*traceValue) Type() *python.Type { return traceType }

func (v *traceValue) Repr(*python.Thread) (string, error) {
	return fmt.Sprintf("<trace of %d steps by %d threads>", len(newTraceView(v.tr).index), len(v.tr.Threads())), nil
}

func (v *traceValue) MIMEBundle() map[string]any {
	if v.predict {
		return predictBundle(v.tr)
	}
	return traceBundle(v.tr)
}

func init() {
	traceType.AddMethod("__len__", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		return python.Int(len(newTraceView(args[0].(*traceValue).tr).index)), nil
	})
	prop := func(name string, get func(v *traceValue) python.Value) {
		traceType.AddAttr(name, python.NewProperty(name, func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			return get(args[0].(*traceValue)), nil
		}))
	}
	// The steps at which a thread wrote a value computed from a stale
	// read, wiping out another thread's write.
	prop("lost", func(v *traceValue) python.Value {
		var l []python.Value
		for _, lu := range newTraceView(v.tr).lost {
			l = append(l, python.Int(lu.Write+1))
		}
		return python.NewList(l)
	})
	prop("threads", func(v *traceValue) python.Value {
		var l []python.Value
		for _, name := range v.tr.Threads() {
			l = append(l, python.Str(name))
		}
		return python.NewList(l)
	})
}

// labTrace is _lab.trace(predict).
func (s *Session) labTrace(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
	var predict python.Value
	if err := python.UnpackArgs("trace", args, kw, []string{"predict"}, &predict); err != nil {
		return nil, err
	}
	p, err := python.Truth(t, predict)
	if err != nil {
		return nil, err
	}
	return &traceValue{tr: s.rt.Trace(), predict: p}, nil
}

// labTracing is _lab.tracing(on): on None, whether cells are traced.
func (s *Session) labTracing(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
	var on python.Value
	if err := python.UnpackArgs("tracing", args, kw, []string{"on"}, &on); err != nil {
		return nil, err
	}
	record, _ := s.rt.Main().Watch()
	if on == python.None {
		return python.Bool(record), nil
	}
	b, err := python.Truth(t, on)
	if err != nil {
		return nil, err
	}
	s.rt.SetTracing(b)
	s.host.Watch(t) // from the very next step
	return python.None, nil
}
