package python

import (
	"sync/atomic"

	"threadlab/lessons/python/internal/compile"
)

// Generator is the iterator a generator function returns. Its frame is
// suspended at each yield and resumed by next() or send().
type Generator struct {
	fr       *frame
	name     string
	qualname string
	running  int32 // 1 while the frame runs: see claim
	done     bool
	started  bool
}

func (*Generator) Type() *Type { return GeneratorType }

// Next resumes the generator (next(g)); (nil, nil) means it finished.
// It is resume sent None, in one call: the built-ins that consume a
// generator (zip, sum, list, any) call it for each value.
func (g *Generator) Next(t *Thread) (Value, error) {
	if !g.claim(t) {
		return nil, Errorf(ValueError, "generator already executing")
	}
	if g.done {
		g.release(t)
		return nil, nil
	}
	if g.started {
		t.sendValue(g.fr, None)
	} else {
		g.started = true
	}
	v, done, err := g.run(t)
	g.release(t)
	if done {
		return nil, err
	}
	return v, nil
}

// resume runs the generator until it yields (done false) or ends (done
// true, v its return value). throw, if set, is raised at the yield.
func (g *Generator) resume(t *Thread, send Value, throw error) (Value, bool, error) {
	if !g.claim(t) {
		return nil, true, Errorf(ValueError, "generator already executing")
	}
	v, done, err := g.resumeClaimed(t, send, throw)
	g.release(t)
	return v, done, err
}

// claim marks g running for t, or reports false if it already runs.
// Without a GIL two goroutines may resume g at once, so the mark is a
// compare-and-swap; while the host serialises the interpreter
// (serial.go) no other thread can come between a test and a set, and
// plain ones do, at a fraction of the cost. A mode change in between is
// ordered by the host's hand-off, as for the locks serial.go elides.
// The mark is given back (release) on every way out, without a defer;
// after a Go panic (an internal error) g stays marked.
func (g *Generator) claim(t *Thread) bool {
	if t.interp.serialised.Load() {
		if g.running != 0 {
			return false
		}
		g.running = 1
		return true
	}
	return atomic.CompareAndSwapInt32(&g.running, 0, 1)
}

// release ends what claim began.
func (g *Generator) release(t *Thread) {
	if t.interp.serialised.Load() {
		g.running = 0
		return
	}
	atomic.StoreInt32(&g.running, 0)
}

// resumeClaimed is resume once g.running is set.
func (g *Generator) resumeClaimed(t *Thread, send Value, throw error) (Value, bool, error) {
	fr := g.fr
	switch {
	case g.done:
		return nil, true, throw
	case !g.started:
		if send != None && throw == nil {
			return nil, true, Errorf(TypeError, "can't send non-None value to a just-started generator")
		}
		g.started = true
	case throw == nil:
		t.sendValue(fr, send)
	case g.delegating():
		// throw() and close() go to the generator a yield from is running
		sub := fr.stack[fr.sp-1].(*Generator)
		if ErrorMatches(throw, GeneratorExit) {
			if _, err := CallValue(t, GeneratorType.Lookup("close"), []Value{sub}, nil); err != nil {
				throw = err
			}
		} else {
			v, done, err := sub.resume(t, None, throw)
			switch {
			case err != nil:
				throw = err
			case !done:
				return v, false, nil
			default:
				// the subgenerator returned: yield from's value, and on
				if v == nil {
					v = None
				}
				fr.stack[fr.sp-1] = v
				fr.pc++
				throw = nil
			}
		}
	}
	if throw != nil {
		fr.throw = throw
	}
	return g.run(t)
}

// run runs g's frame from where it stopped, as resume does once the
// value sent or the exception thrown is in place.
func (g *Generator) run(t *Thread) (Value, bool, error) {
	fr := g.fr
	saved := t.handled
	v, err := t.runFrame(fr)
	if t.handled != saved {
		t.handled = saved
	}
	if err != nil {
		g.done = true
		if ErrorMatches(err, StopIteration) {
			return nil, true, stopIterationEscaped(err)
		}
		return nil, true, err
	}
	if !fr.yielded {
		g.done = true
		return v, true, nil
	}
	return v, false, nil
}

// sendValue gives fr, suspended at a yield, the value of the yield
// expression. A yield statement drops it at once: its POP_TOP runs here,
// as its own step, when the step hook is not due at it.
func (t *Thread) sendValue(fr *frame, v Value) {
	if instrs := fr.code.Instrs; t.countdown > 1 && fr.pc < len(instrs) && instrs[fr.pc].Op == compile.POP_TOP {
		t.countdown--
		fr.pc++
		return
	}
	fr.stack[fr.sp] = v
	fr.sp++
}

// enterGenerator resumes g (next(g)) in execLoop's own loop, for the
// FOR_ITER whose next value goes at callBase of the current frame's
// stack, and returns g's frame, now the current one. The caller has
// claimed g.running, found g not done, and checked the recursion limit.
// g leaves through leaveGenerator: at a yield, its end, or an exception.
func (t *Thread) enterGenerator(g *Generator, callBase int) *frame {
	fr := g.fr
	if g.started {
		t.sendValue(fr, None)
	} else {
		g.started = true
	}
	fr.inline, fr.callBase = true, callBase
	fr.savedHandled = t.handled
	fr.back = t.frame
	t.frame = fr
	t.depth++
	return fr
}

// leaveGenerator ends what enterGenerator began, as resume does after
// running the frame: the frame that resumed g is current again, and g is
// free to be resumed (done: it has finished).
func (t *Thread) leaveGenerator(fr *frame, done bool) {
	g := fr.gen
	if t.handled != fr.savedHandled {
		t.handled = fr.savedHandled
	}
	fr.savedHandled = nil
	fr.inline = false
	t.frame = fr.back
	t.depth--
	if done {
		g.done = true
	}
	g.release(t)
}

// yieldInline is a yield of v by the generator frame fr that a FOR_ITER
// resumed in execLoop's loop (sp and pc are fr's to save): it returns the
// FOR_ITER's frame, with v pushed as the loop's next value.
func (t *Thread) yieldInline(fr *frame, sp, pc int, v Value) *frame {
	fr.sp, fr.pc = sp, pc
	if t.tracing {
		t.traceReturn(fr, v)
	}
	caller, base := fr.back, fr.callBase
	t.leaveGenerator(fr, false)
	caller.stack[base] = v
	caller.sp = base + 1
	return caller
}

// stopIterationEscaped is the RuntimeError that a StopIteration err
// becomes when it leaves a generator, caused by it (PEP 479).
func stopIterationEscaped(err error) error {
	e := Errorf(RuntimeError, "generator raised StopIteration")
	if s, ok := err.(*Exception); ok {
		e.cause, e.context, e.suppressContext = s, s, true
	}
	return e
}

// delegating reports whether g is suspended in a yield from whose
// iterator is a generator.
func (g *Generator) delegating() bool {
	fr := g.fr
	if fr.pc >= len(fr.code.Instrs) || fr.code.Instrs[fr.pc].Op != compile.YIELD_FROM || fr.sp < 1 {
		return false
	}
	_, ok := fr.stack[fr.sp-1].(*Generator)
	return ok
}

// delegate is one step of `yield from it`: it sends sent into it and
// returns the value to yield, or (result, true) once it is exhausted.
func (t *Thread) delegate(it, sent Value) (Value, bool, error) {
	if g, ok := it.(*Generator); ok {
		v, done, err := g.resume(t, sent, nil)
		if err != nil {
			return nil, true, err
		}
		if done {
			if v == nil {
				v = None
			}
			return v, true, nil
		}
		return v, false, nil
	}
	obj := it
	_, sentNone := sent.(NoneType) // not sent == None: that is a runtime call
	p, wrapped := it.(*pyIter)
	if wrapped {
		obj = p.obj
	} else if sentNone {
		return t.delegateNext(it.(Iterator))
	}
	method := "__next__"
	args := []Value{obj}
	if !sentNone {
		method = "send"
		args = append(args, sent)
	}
	// a class's __next__ or send: its StopIteration's value is the result
	if m := obj.Type().Lookup(method); m != nil && (method == "send" || wrapped) {
		v, err := CallValue(t, m, args, nil)
		if err != nil {
			if e, ok := err.(*Exception); ok && e.class.IsSubclass(StopIteration) {
				r, _ := e.excAttr("value")
				return r, true, nil
			}
			return nil, true, err
		}
		return v, false, nil
	}
	return t.delegateNext(it.(Iterator))
}

// delegateNext is one step of `yield from it` for a built-in iterator
// sent None: it.Next, with no method lookup.
func (t *Thread) delegateNext(it Iterator) (Value, bool, error) {
	v, err := it.Next(t)
	if err != nil {
		return nil, true, err
	}
	if v == nil {
		return None, true, nil
	}
	return v, false, nil
}

func init() {
	GeneratorType.AddMethod("__next__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		g := args[0].(*Generator)
		v, done, err := g.resume(t, None, nil)
		if err != nil {
			return nil, err
		}
		if done {
			return nil, stopIteration(v)
		}
		return v, nil
	})
	GeneratorType.AddMethod("__iter__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) { return args[0], nil })
	GeneratorType.AddMethod("send", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("send", args, 2, 2); err != nil {
			return nil, err
		}
		g := args[0].(*Generator)
		v, done, err := g.resume(t, args[1], nil)
		if err != nil {
			return nil, err
		}
		if done {
			return nil, stopIteration(v)
		}
		return v, nil
	})
	GeneratorType.AddMethod("throw", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("throw", args, 2, 4); err != nil {
			return nil, err
		}
		g := args[0].(*Generator)
		exc := args[1]
		if len(args) > 2 && args[2] != None {
			exc = args[2]
		}
		e, err := t.makeException(exc)
		if err != nil {
			return nil, err
		}
		v, done, err := g.resume(t, None, e)
		if err != nil {
			return nil, err
		}
		if done {
			return nil, stopIteration(v)
		}
		return v, nil
	})
	GeneratorType.AddMethod("close", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		g := args[0].(*Generator)
		if !g.started || g.done {
			g.done = true
			return None, nil
		}
		_, done, err := g.resume(t, None, NewException(GeneratorExit))
		if err != nil {
			if ErrorMatches(err, GeneratorExit) || ErrorMatches(err, StopIteration) {
				return None, nil
			}
			return nil, err
		}
		if !done {
			return nil, Errorf(RuntimeError, "generator ignored GeneratorExit")
		}
		return None, nil
	})
}

func stopIteration(v Value) error {
	if v == nil || v == None {
		return NewException(StopIteration)
	}
	return NewException(StopIteration, v)
}

// Repr is <generator object f at 0x...>.
func (g *Generator) Repr(t *Thread) (string, error) {
	return "<generator object " + g.qualname + " at 0x" + hex2(int(t.interp.objectID(g)), 12) + ">", nil
}

// Next is next(it) with no default: the iterator's next value, or a
// StopIteration once it is exhausted, carrying a generator's return
// value as CPython's does.
func Next(t *Thread, it Value) (Value, error) {
	switch x := it.(type) {
	case *Generator:
		v, done, err := x.resume(t, None, nil)
		if err != nil {
			return nil, err
		}
		if done {
			return nil, stopIteration(v)
		}
		return v, nil
	case *goIter:
		v, err := x.step(t)
		if err == nil && v == nil {
			return nil, NewException(StopIteration)
		}
		return v, err
	case Iterator:
		v, err := x.Next(t)
		if err == nil && v == nil {
			return nil, NewException(StopIteration)
		}
		return v, err
	}
	m := it.Type().Lookup("__next__")
	if m == nil {
		return nil, Errorf(TypeError, "'%s' object is not an iterator", TypeName(it))
	}
	return CallValue(t, m, []Value{it}, nil)
}
