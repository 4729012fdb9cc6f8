package python

// sys.settrace and sys.setprofile: Python functions a thread calls as it
// runs. The trace function hears 'call' when a frame starts (or a
// generator resumes) and may return a local trace function for that
// frame (its f_trace), which then hears 'line' at each new line,
// 'return' when the frame returns or yields, and 'exception' as an
// exception passes through it. The profile function hears 'call' and
// 'return' of every frame, and 'c_call', 'c_return' and 'c_exception'
// around each call of a built-in function from Python code.
//
// The loop pays nothing for this while neither is set: with one set, the
// step hook runs at every step (the countdown stays at 1), and finds new
// frames and new lines there. Returns and exceptions are reported where
// they happen, behind a check of t.tracing. The host still gets its Step
// every interval steps, so the GIL changes hands where it would.

// The events, as the functions get them (boxed once: they are passed at
// every line).
var (
	eventCall       Value = Str("call")
	eventLine       Value = Str("line")
	eventReturn     Value = Str("return")
	eventException  Value = Str("exception")
	eventCCall      Value = Str("c_call")
	eventCReturn    Value = Str("c_return")
	eventCException Value = Str("c_exception")
)

// Where a frame is for the trace and profile functions (frameTrace.state).
const (
	traceFresh  uint8 = iota // not seen yet: its next step is a 'call'
	traceActive              // 'call' reported: 'return' will be
	traceOff                 // running since before the functions were set: not reported
)

// frameTrace is what a frame keeps for tracing, and its frame object.
// Most frames never have one.
type frameTrace struct {
	state  uint8
	fn     Value // f_trace: the local trace function, or nil
	line   int32 // the line last reported, -1 before the first
	lastPC int   // the step last looked at, to see a jump back
	linePC int   // the step of the last 'line' event
	atLine bool  // a 'line' event is being reported: the frame is about to run pc
	// fastAsLocals: frame.f_locals was read, so the next call of a trace
	// or profile function writes it back into the variables.
	fastAsLocals bool
	obj          *FrameObject
}

func (fr *frame) traceData() *frameTrace {
	if fr.trace == nil {
		fr.trace = &frameTrace{line: -1}
	}
	return fr.trace
}

// SetTraceFuncs sets t's trace and profile functions (nil: none), as
// sys.settrace and sys.setprofile do. The frames running now were
// entered before: they report nothing, unless code sets a frame's
// f_trace.
func (t *Thread) SetTraceFuncs(trace, profile Value) {
	t.traceFn, t.profileFn = trace, profile
	t.tracing = trace != nil || profile != nil
	for fr := t.frame; fr != nil; fr = fr.back {
		if ft := fr.traceData(); ft.state == traceFresh {
			ft.state = traceOff
		}
	}
	t.traceSteps = 0
	if t.tracing {
		t.countdown = 1
	}
}

// traceHook is the step hook while a trace or profile function is set,
// or a failed one left an error to raise.
func (t *Thread) traceHook() error {
	if t.inTrace {
		// The host's Step, due inside a trace function.
		t.countdown, t.traceSteps = t.interval, 0
		if t.cancelled.Load() {
			return t.Err()
		}
		if t.host != nil {
			return t.host.Step(t)
		}
		return nil
	}
	t.countdown = 1
	if err := t.traceErr; err != nil {
		t.traceErr = nil
		if !t.tracing {
			t.countdown = t.interval
		}
		return err
	}
	if err := t.traceStep(); err != nil {
		return err
	}
	if !t.tracing {
		t.countdown = t.interval // the function failed, and tracing is off
	}
	if t.traceSteps++; t.traceSteps < t.interval {
		if t.cancelled.Load() {
			return t.Err()
		}
		return nil
	}
	t.traceSteps = 0
	if t.cancelled.Load() {
		return t.Err()
	}
	if t.host != nil {
		return t.host.Step(t)
	}
	return nil
}

// traceStep reports a new frame ('call') and a new line ('line') at the
// step the current frame is about to run.
func (t *Thread) traceStep() error {
	fr := t.frame
	if fr == nil {
		return nil
	}
	ft := fr.traceData()
	if ft.state == traceFresh {
		ft.state, ft.line, ft.lastPC, ft.linePC = traceActive, -1, fr.pc, -1
		if fr.pc > 0 {
			// A generator resumes: the rest of its yield's line is no
			// new line.
			ft.line = fr.code.Lines[fr.pc-1]
		}
		if t.profileFn != nil {
			if _, err := t.callTraceFunc(t.profileFn, fr, eventCall, None, true); err != nil {
				return err
			}
		}
		if t.traceFn != nil {
			local, err := t.callTraceFunc(t.traceFn, fr, eventCall, None, false)
			if err != nil {
				return err
			}
			if local != None {
				ft.fn = local
			}
		}
		if ft.fn != nil && t.traceFn != nil && fr.code.ClassBody && fr.pc == 0 {
			// CPython's class body starts on the class statement's line,
			// setting __module__ and __qualname__, which threadlab sets
			// before the body runs.
			if err := t.traceLine(fr, ft, int32(fr.code.FirstLine)); err != nil {
				return err
			}
		}
	}
	if ft.fn == nil || t.traceFn == nil {
		return nil
	}
	pc := fr.pc
	line := fr.code.Lines[pc]
	// A new line, or a jump back (the next turn of a loop on one line),
	// unless the jump itself was where this line was reported.
	jumpedBack := pc < ft.lastPC && ft.linePC != ft.lastPC
	ft.lastPC = pc
	if line == ft.line && !jumpedBack {
		return nil
	}
	ft.linePC = pc
	return t.traceLine(fr, ft, line)
}

// traceLine reports a 'line' event: the frame is about to run line.
func (t *Thread) traceLine(fr *frame, ft *frameTrace, line int32) error {
	ft.line = line
	if ft.obj != nil && ft.obj.linesOff {
		return nil // f_trace_lines = False
	}
	ft.atLine = true
	err := t.traceLocal(fr, ft, eventLine, None)
	ft.atLine = false
	return err
}

// traceLocal calls the frame's local trace function; what it returns,
// unless None, replaces it.
func (t *Thread) traceLocal(fr *frame, ft *frameTrace, event Value, arg Value) error {
	next, err := t.callTraceFunc(ft.fn, fr, event, arg, false)
	if err != nil {
		return err
	}
	if next != None {
		ft.fn = next
	}
	return nil
}

// callTraceFunc calls a trace (or profile) function as fn(frame, event,
// arg), with tracing off while it runs. If it raises, the function is
// unset, as CPython does, and the exception goes on from the step.
func (t *Thread) callTraceFunc(fn Value, fr *frame, event Value, arg Value, profile bool) (Value, error) {
	t.inTrace = true
	// The function runs untraced and at full speed: the hook comes only
	// when the host's Step is due, counting the steps it takes.
	t.countdown = max(t.interval-t.traceSteps, 1)
	ft := fr.traceData()
	if ft.fastAsLocals {
		t.localsOf(fr) // a look at f_locals since the last call: it is made afresh
	}
	args := [3]Value{t.frameObject(fr), event, arg}
	res, err := CallValue(t, fn, args[:], nil)
	if ft.fastAsLocals {
		t.localsToFast(fr)
		ft.fastAsLocals = false
	}
	t.traceSteps, t.countdown = max(t.interval-t.countdown, 0), 1
	t.inTrace = false
	if err != nil {
		if profile {
			t.SetTraceFuncs(t.traceFn, nil)
		} else {
			t.SetTraceFuncs(nil, t.profileFn)
			fr.traceData().fn = nil
		}
		return nil, err
	}
	return res, nil
}

// localsToFast writes what a trace or profile function left in its
// frame's f_locals back into the frame's variables, as CPython 3.11 does
// after a call of one once frame.f_locals has been read: a value stored
// there rebinds the variable, a name taken out of it unbinds it. (Only
// then: a change to what locals() returns stays in the dict.) A module's
// or class body's f_locals is its namespace itself.
func (t *Thread) localsToFast(fr *frame) {
	d := fr.localsDict
	if d == nil || fr.ns != nil {
		return
	}
	fr.settleLoopVar()
	for i, name := range fr.code.Locals {
		fr.locals[i] = d.getStr(t, name)
	}
	for i, name := range fr.code.Cells {
		fr.cells[i].set(t, d.getStr(t, name))
	}
	for i, name := range fr.code.Frees {
		fr.cells[len(fr.code.Cells)+i].set(t, d.getStr(t, name))
	}
}

// traceReturn reports that fr returns (or yields) v, nil when an
// exception leaves it. It runs where a frame ends, behind t.tracing; an
// error of the function comes out at the next step (traceErr).
func (t *Thread) traceReturn(fr *frame, v Value) {
	ft := fr.trace
	if ft == nil || t.inTrace {
		return
	}
	if v == nil {
		v = None
	}
	var err error
	if ft.state == traceActive && t.profileFn != nil {
		_, err = t.callTraceFunc(t.profileFn, fr, eventReturn, v, true)
	}
	if err == nil && ft.fn != nil && t.traceFn != nil {
		err = t.traceLocal(fr, ft, eventReturn, v)
	}
	t.deferTraceErr(err)
	// A generator that resumes is called anew.
	ft.state, ft.line = traceFresh, -1
	if fr.gen == nil {
		ft.fn = nil
	}
}

// traceException reports that e passes through fr. What the function
// raises comes out at the next step.
func (t *Thread) traceException(fr *frame, e *Exception) {
	ft := fr.trace
	if ft == nil || ft.fn == nil || t.traceFn == nil || t.inTrace {
		return
	}
	t.deferTraceErr(t.traceLocal(fr, ft, eventException, Tuple{e.class, e, &Traceback{exc: e}}))
}

// deferTraceErr keeps err, if any, for the next step to raise: where a
// function fails at a return or an exception, the step that follows is
// where the program can take it.
func (t *Thread) deferTraceErr(err error) {
	if err != nil && t.traceErr == nil {
		t.traceErr = err
		t.countdown = 1
	}
}

// builtinCalled is the built-in function a call of fn with args calls, as
// a profile function's c_call shows it (a method bound to its receiver),
// or nil if fn is no built-in function (a type, a Python function).
func builtinCalled(fn Value, args []Value) Value {
	switch f := fn.(type) {
	case *Builtin:
		return f
	case *MethodDescr:
		if len(args) > 0 {
			return &Builtin{name: f.name, fn: f.fn, self: f.receiver(args[0])}
		}
	}
	return nil
}

// profileBuiltin calls the built-in fn between the profile function's
// c_call and its c_return (or c_exception).
func (t *Thread) profileBuiltin(shown, fn Value, args []Value, kw []Kwarg) (Value, error) {
	fr := t.frame
	if _, err := t.callTraceFunc(t.profileFn, fr, eventCCall, shown, true); err != nil {
		return nil, err
	}
	v, err := t.callPlain(fn, args, kw)
	if t.profileFn != nil {
		event := eventCReturn
		if err != nil {
			event = eventCException
		}
		if _, perr := t.callTraceFunc(t.profileFn, fr, event, shown, true); perr != nil {
			return nil, perr
		}
	}
	return v, err
}
