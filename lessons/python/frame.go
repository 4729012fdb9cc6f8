package python

// frame is the activation of a code object.
type frame struct {
	code    *codeObj
	globals *Module
	ns      *Dict // class body namespace, or nil
	nsMap   Value // exec's or eval's locals when they are a mapping but not a dict (namespace_map.go)
	locals  []Value
	cells   []*Cell // the code's cells, then its free variables
	stack   []Value
	sp      int
	pc      int
	blocks  []block
	back    *frame

	ret     Value // the value returned or yielded
	yielded bool
	throw   error // an exception to raise on resumption (generator.throw)

	serial  uint64 // identifies this activation in tracebacks (frames are reused)
	chunk   int    // which of the thread's value chunks holds locals and stack (0: heap)
	memBase int    // where in the chunk they start
	memEnd  int    // and end

	// inline marks a frame that execLoop entered for a CALL without a Go
	// call of its own; its return goes on in the caller's loop, putting
	// the value at callBase of the caller's stack (where the callee was).
	inline   bool
	callBase int
	dropped  bool // the caller drops the value returned: a POP_TOP follows the call

	gen          *Generator // the generator whose frame this is, or nil
	savedHandled *Exception // t.handled when execLoop resumed gen in its loop

	// localsDict is what locals() returned in this activation of a
	// function, made on its first call: as in CPython 3.11, each call
	// refreshes the same dict from the locals, and the names exec or
	// eval stored in it that are no locals stay.
	localsDict *Dict

	// A for loop over a range whose variable nothing reads
	// (STORE_LOOP_VAR) keeps the variable's int here rather than making
	// it a Value at every turn: loopVar is the local's index plus one,
	// or 0, and while it is set the local's value is loopInt, whatever
	// its slot holds (local reads it).
	loopVar int32
	loopInt int64

	trace *frameTrace // for sys.settrace and frame objects, or nil
}

// local returns the value of fr's i-th local, nil if it is unbound.
func (fr *frame) local(i int) Value {
	if int(fr.loopVar) == i+1 {
		return boxInt(Int(fr.loopInt))
	}
	return fr.locals[i]
}

// settleLoopVar makes the loop variable held unboxed, if any, a Value
// in its slot.
func (fr *frame) settleLoopVar() {
	if fr.loopVar != 0 {
		fr.locals[fr.loopVar-1] = boxInt(Int(fr.loopInt))
		fr.loopVar = 0
	}
}

type blockKind uint8

const (
	blockSetup   blockKind = iota // SETUP_FINALLY / SETUP_WITH: jump to handler on exception
	blockHandler                  // inside a handler: restores the handled exception when left
)

type block struct {
	kind    blockKind
	handler int32
	level   int32
	prev    *Exception // blockHandler: the exception handled before
}

// newFrame makes a frame whose memory is its own (generators, class
// bodies).
func newFrame(f *Function) *frame {
	c := f.code
	nl := len(c.Locals)
	mem := make([]Value, nl+c.MaxStack)
	fr := &frame{}
	fr.setup(f, mem)
	return fr
}

func (fr *frame) setup(f *Function, mem []Value) {
	c := f.code
	nl := len(c.Locals)
	fr.code, fr.globals = c, f.globals
	fr.locals, fr.stack = mem[:nl:nl], mem[nl:]
	if c.hasCells {
		fr.makeCells(f)
	}
}

// makeCells gives fr new cells for the variables inner functions capture
// and f's closure cells for its free variables.
func (fr *frame) makeCells(f *Function) {
	c := f.code
	if len(c.Cells) == 0 {
		// Only free variables (a method's __class__, a closure's
		// variables): the closure's own slice serves, as nothing stores
		// into a frame's cell slice.
		fr.cells = f.closure
		return
	}
	fr.cells = make([]*Cell, len(c.Cells)+len(c.Frees))
	for i := range c.Cells {
		fr.cells[i] = &Cell{}
	}
	copy(fr.cells[len(c.Cells):], f.closure)
}

// valueChunk is how many values the thread allocates at a time for the
// locals and stacks of the frames it runs.
const valueChunk = 8192

// allocFrame makes a frame for a call that will not outlive the call,
// from the thread's free frames and value chunk. Its locals from the
// nargs-th on are cleared: the caller fills the first nargs.
func (t *Thread) allocFrame(f *Function, nargs int) *frame {
	fr := t.reuseFrame(f)
	if fr == nil {
		return t.newFrameAt(f, nargs)
	}
	fr.clearLocals(nargs)
	if fr.code.hasCells {
		fr.makeCells(f)
	}
	return fr
}

// reuseFrame takes the frame freed last if it was for f's code in the
// place the next frame goes (a loop's or a recursion's calls), or returns
// nil; newFrameAt looks further. The frame's slices are already the
// memory's; the caller clears its locals past the arguments (clearLocals),
// as a frame allocated since it was freed may have used the memory.
func (t *Thread) reuseFrame(f *Function) *frame {
	fr := t.freeFrames
	if fr == nil || fr.code != f.code || fr.memBase != t.vtop || fr.chunk != t.chunkID {
		return nil
	}
	t.freeFrames = fr.back
	t.vtop = fr.memEnd
	if fr.globals != f.globals {
		fr.globals = f.globals
	}
	return fr
}

// clearLocals clears the locals of a reused frame from the nargs-th on.
func (fr *frame) clearLocals(nargs int) {
	if nargs < len(fr.locals) {
		clearValues(fr.locals[nargs:])
	}
}

// reuseDepth is how many of the thread's free frames, the ones freed
// last, newFrameAt looks through for one to reuse: a loop that calls a
// few functions in turn finds each one's frame.
const reuseDepth = 4

// newFrameAt is allocFrame when the frame freed last does not serve. It
// reuses one of the next few free frames if one was for f's code in the
// same place; else it sets up, on memory from the top of the value chunk,
// the last of those few (the one used longest ago) or, if there are
// fewer, a new frame.
func (t *Thread) newFrameAt(f *Function, nargs int) *frame {
	c := f.code
	link, i := &t.freeFrames, 0
	for ; i < reuseDepth && *link != nil; i++ {
		fr := *link
		if fr.code == c && fr.memBase == t.vtop && fr.chunk == t.chunkID {
			*link = fr.back
			t.vtop = fr.memEnd
			fr.clearLocals(nargs)
			fr.globals = f.globals
			if c.hasCells {
				fr.makeCells(f)
			}
			return fr
		}
		if i < reuseDepth-1 {
			link = &fr.back
		}
	}
	var fr *frame
	if i == reuseDepth {
		fr = *link // the last looked at
		*link = fr.back
	} else {
		fr = &frame{}
	}
	nl := len(c.Locals)
	n := nl + c.MaxStack
	if t.vtop+n > len(t.vstack) {
		t.vstack = make([]Value, max(valueChunk, 2*n))
		t.vtop = 0
		t.chunkID++
	}
	base := t.vtop
	mem := t.vstack[base : base+n : base+n]
	t.vtop = base + n
	clearValues(mem[nargs:nl])
	fr.setup(f, mem)
	fr.chunk, fr.memBase, fr.memEnd = t.chunkID, base, base+n
	return fr
}

// freeFrame returns a finished frame made by allocFrame. Its locals and
// live stack are cleared; slots above the stack pointer are nil except
// after an instruction failed, and a new frame clears its locals anyway
// (allocFrame), so stack slots are only ever read after being written.
// returnInline does the same in line.
func (t *Thread) freeFrame(fr *frame) {
	if fr.cells != nil || fr.ret != nil || cap(fr.blocks) > 0 || fr.localsDict != nil || fr.trace != nil {
		fr.clearRare() // first: a frame object keeps the locals
	}
	clearValues(fr.locals)
	clearValues(fr.stack[:fr.sp])
	if fr.memEnd == t.vtop && fr.chunk == t.chunkID {
		t.vtop = fr.memBase
	}
	fr.sp, fr.pc, fr.serial, fr.yielded, fr.inline, fr.loopVar = 0, 0, 0, false, false, 0
	fr.back, t.freeFrames = t.freeFrames, fr
}

// clearRare resets for freeFrame what the next use of a frame does not
// set (setup, pushFrame, run) and most frames leave clear: a frame made by
// allocFrame has no namespace, throw or generator, and most have no
// cells, no return value (execLoop's own calls do not set it), no blocks
// and no locals() dict.
func (fr *frame) clearRare() {
	if fr.trace != nil {
		if o := fr.trace.obj; o != nil {
			o.detach()
		}
		fr.trace = nil
	}
	fr.cells, fr.ret, fr.localsDict = nil, nil, nil
	if cap(fr.blocks) > 0 {
		b := fr.blocks[:cap(fr.blocks)]
		clear(b) // drop the handled exceptions the blocks remember
		fr.blocks = b[:0]
	}
}

// clearValues sets the elements of s to nil one by one: for the few slots
// of a call's arguments or locals that is cheaper than clear, which
// becomes a call to the bulk memory clear.
func clearValues(s []Value) {
	for i := 0; i < len(s); i++ {
		s[i] = nil
	}
}

// initCells moves parameters that inner functions capture into their
// cells.
func (fr *frame) initCells() {
	for i, p := range fr.code.CellParam {
		if p >= 0 {
			fr.cells[i].v = fr.locals[p]
		}
	}
}

func (t *Thread) callFunction(f *Function, args []Value, kw []Kwarg) (Value, error) {
	return t.callFunctionSelf(f, nil, args, kw)
}

// callFunctionSelf calls f with self (if not nil) before args.
func (t *Thread) callFunctionSelf(f *Function, self Value, args []Value, kw []Kwarg) (Value, error) {
	c := f.code
	var fr *frame
	if c.Generator {
		fr = newFrame(f)
	} else {
		fr = t.allocFrame(f, 0)
	}
	simple := len(kw) == 0
	if simple && self == nil && len(args) == c.plainArgs {
		copy(fr.locals, args)
	} else if simple && self != nil && len(args)+1 == c.plainArgs {
		fr.locals[0] = self
		copy(fr.locals[1:], args)
	} else if err := bindArgs(f, fr.locals, self, args, kw); err != nil {
		if !c.Generator {
			t.freeFrame(fr)
		}
		return nil, err
	}
	if fr.cells != nil {
		fr.initCells()
	}
	if c.Generator {
		g := &Generator{fr: fr, name: f.name, qualname: f.qualname}
		fr.gen = g
		return g, nil
	}
	v, err := t.runFrame(fr)
	t.freeFrame(fr)
	return v, err
}

// runFrame runs fr until it returns, yields or fails, checking the
// recursion limit. Calls that execLoop makes in its own loop
// (pushFrame, enterGenerator) run on top of fr; an error leaving one of
// them is handled here, frame by frame, as a Go call's would be by its
// caller (unwind).
func (t *Thread) runFrame(fr *frame) (Value, error) {
	if t.depth >= t.interp.recursionLimit {
		return nil, Errorf(RecursionError, "maximum recursion depth exceeded")
	}
	t.depth++
	fr.back = t.frame
	t.frame = fr
	var v Value
	err := fr.throw
	if err != nil {
		fr.throw = nil
		if !t.handle(fr, err) {
			goto out
		}
	}
	for {
		if err = t.exec(t.frame); err == nil {
			v = fr.ret
			break
		}
		var handled bool
		if err, handled = t.unwind(fr, err); !handled {
			break
		}
	}
out:
	if t.tracing {
		t.traceReturn(fr, v)
	}
	// Not deferred: after a Go panic, recoverInternal resets t.frame.
	t.frame = fr.back
	t.depth--
	return v, err
}

// unwind looks for a handler of err in the current frame and then in the
// callers that execLoop entered it from, up to base, popping each frame
// err leaves; it reports false, with the error that leaves base, if
// there is none. A generator's frame that err leaves ends the generator,
// and a StopIteration leaving it becomes a RuntimeError, as in resume.
func (t *Thread) unwind(base *frame, err error) (error, bool) {
	for {
		fr := t.frame
		if t.handle(fr, err) {
			return nil, true
		}
		if fr == base {
			return err, false
		}
		if t.tracing {
			t.traceReturn(fr, nil)
		}
		if fr.gen != nil {
			// resumed by a FOR_ITER, whose iterator stays on the stack
			t.leaveGenerator(fr, true)
			if ErrorMatches(err, StopIteration) {
				err = stopIterationEscaped(err)
			}
			continue
		}
		caller := fr.back
		clearValues(caller.stack[fr.callBase:caller.sp]) // the CALL's callee and arguments
		caller.sp = fr.callBase
		t.frame = caller
		t.depth--
		t.freeFrame(fr)
	}
}

// pushFrame makes f's frame for a CALL that execLoop runs in its own loop
// and makes it the current frame: args are the positional arguments
// (self first, for a method), callBase is where on the caller's stack
// the result goes, and dropped says that a POP_TOP drops it. The caller
// has checked that f is not a generator function and the recursion
// limit.
func (t *Thread) pushFrame(f *Function, args []Value, callBase int, dropped bool) (*frame, error) {
	c := f.code
	var fr *frame
	if len(args) == c.plainArgs {
		// allocFrame, with its common case in line
		if fr = t.reuseFrame(f); fr == nil {
			fr = t.newFrameAt(f, len(args))
		} else {
			fr.clearLocals(len(args))
			if c.hasCells {
				fr.makeCells(f)
			}
		}
		locals := fr.locals[:len(args)]
		for i, a := range args {
			locals[i] = a
		}
	} else {
		fr = t.allocFrame(f, 0)
		if err := bindArgs(f, fr.locals, nil, args, nil); err != nil {
			t.freeFrame(fr)
			return nil, err
		}
	}
	if fr.cells != nil {
		fr.initCells()
	}
	fr.inline, fr.callBase, fr.dropped = true, callBase, dropped
	fr.back = t.frame
	t.frame = fr
	t.depth++
	return fr, nil
}

// handle looks for a handler of err in fr; it reports false if err
// leaves the frame.
func (t *Thread) handle(fr *frame, err error) bool {
	e, ok := err.(*Exception)
	c, cancelled := err.(*Cancelled)
	if !ok && !cancelled {
		return false
	}
	if fr.serial == 0 {
		t.serial++
		fr.serial = t.serial
	}
	entry := newTBEntry(fr.code.Code, fr.pc, fr.serial)
	if cancelled {
		// Nothing handles a cancellation; it only remembers where it was.
		c.tb = addTB(c.tb, entry)
		return false
	}
	e.unwound(entry)
	if t.tracing {
		t.traceException(fr, e)
	}
	if e.context == nil && t.handled != nil && t.handled != e && !chainHas(t.handled, e) {
		e.context = t.handled
	}
	for len(fr.blocks) > 0 {
		b := fr.blocks[len(fr.blocks)-1]
		fr.blocks = fr.blocks[:len(fr.blocks)-1]
		if b.kind == blockHandler {
			t.handled = b.prev
			continue
		}
		clear(fr.stack[b.level:fr.sp])
		fr.sp = int(b.level)
		fr.stack[fr.sp] = e
		fr.sp++
		fr.blocks = append(fr.blocks, block{kind: blockHandler, level: b.level, prev: t.handled})
		t.handled = e
		fr.pc = int(b.handler)
		return true
	}
	return false
}

// chainHas reports whether e is already in x's context chain (to avoid
// making a cycle).
func chainHas(x, e *Exception) bool {
	for i := 0; x != nil && i < 100; i++ {
		if x == e {
			return true
		}
		x = x.context
	}
	return false
}
