package python

import (
	"fmt"

	"threadlab/lessons/python/internal/pystr"
)

// FrameObject is a frame as Python code sees it: what sys._getframe
// returns and a trace function gets. While the frame runs it shows the
// frame as it is now; once the frame has returned (and its memory is
// reused), it keeps what the frame held then, as CPython's frame
// objects outlive their calls.
type FrameObject struct {
	t  *Thread
	fr *frame // nil once the frame has returned

	// Set when the frame returned.
	code    *codeObj
	globals *Module
	line    int
	locals  *Dict
	back    Value // *FrameObject or None

	// f_trace_lines (inverted: lines are reported unless turned off) and
	// f_trace_opcodes, which threadlab keeps but never acts on: it has
	// no 'opcode' events.
	linesOff, opcodes bool
}

// FrameType is the type of frame objects.
var FrameType = NewType("frame", nil)

func (*FrameObject) Type() *Type { return FrameType }

// frameObject is fr's frame object, made on first use.
func (t *Thread) frameObject(fr *frame) *FrameObject {
	ft := fr.traceData()
	if ft.obj == nil {
		ft.obj = &FrameObject{t: t, fr: fr}
	}
	return ft.obj
}

// detach keeps what the frame holds before it goes away. The caller
// (freeFrame) runs before the frame's locals are cleared.
func (o *FrameObject) detach() {
	fr := o.fr
	o.code, o.globals, o.line = fr.code, fr.globals, fr.lineNow()
	o.locals = o.t.localsOf(fr)
	o.back = None
	if fr.back != nil {
		o.back = o.t.frameObject(fr.back)
	}
	o.fr = nil
}

// lineNow is the line the frame runs: the line of its last step (a
// call it is in, a return), or at a 'line' event the line it starts, or
// before its first step the line of its def.
func (fr *frame) lineNow() int {
	switch {
	case fr.trace != nil && fr.trace.atLine:
		return int(fr.trace.line)
	case fr.pc == 0:
		return fr.code.FirstLine
	}
	return int(fr.code.Lines[min(fr.pc, len(fr.code.Lines))-1])
}

func (o *FrameObject) codeObj() *codeObj {
	if o.fr != nil {
		return o.fr.code
	}
	return o.code
}

// Repr is CPython's: <frame at 0x..., file '...', line N, code NAME>.
func (o *FrameObject) Repr(t *Thread) (string, error) {
	line, _ := o.attr("f_lineno")
	c := o.codeObj()
	return fmt.Sprintf("<frame at %#x, file %s, line %d, code %s>", t.interp.objectID(o), pystr.Repr(c.Filename), line, c.Name), nil
}

// Attr gives the frame's f_ attributes.
func (o *FrameObject) Attr(t *Thread, name string) (Value, error) {
	v, _ := o.attr(name)
	return v, nil
}

func (o *FrameObject) attr(name string) (Value, bool) {
	fr := o.fr
	switch name {
	case "f_code":
		return o.codeObj(), true
	case "f_lineno":
		if fr == nil {
			return Int(o.line), true
		}
		return Int(fr.lineNow()), true
	case "f_lasti":
		if fr == nil {
			return Int(-1), true
		}
		return Int(2 * max(fr.pc-1, 0)), true
	case "f_globals":
		if fr == nil {
			return o.globals.globals, true
		}
		return fr.globals.globals, true
	case "f_builtins":
		return o.t.interp.builtins, true
	case "f_locals":
		if fr == nil {
			return o.locals, true
		}
		fr.traceData().fastAsLocals = true
		return o.t.localsOf(fr), true
	case "f_back":
		if fr == nil {
			return o.back, true
		}
		if fr.back == nil {
			return None, true
		}
		return o.t.frameObject(fr.back), true
	case "f_trace":
		if fr == nil || fr.trace == nil || fr.trace.fn == nil {
			return None, true
		}
		return fr.trace.fn, true
	}
	return nil, false
}

func init() {
	FrameType.AddAttr("f_trace", &Property{
		Get: NewBuiltin("f_trace", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			v, _ := args[0].(*FrameObject).attr("f_trace")
			return v, nil
		}),
		Set: NewBuiltin("f_trace", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			o := args[0].(*FrameObject)
			if o.fr != nil {
				fn := args[1]
				if fn == None {
					fn = nil
				}
				o.fr.traceData().fn = fn
			}
			return None, nil
		}),
	})
	flag := func(name string, get func(*FrameObject) *bool, negate bool) {
		FrameType.AddAttr(name, &Property{
			Get: NewBuiltin(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
				return Bool(*get(args[0].(*FrameObject)) != negate), nil
			}),
			Set: NewBuiltin(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
				b, ok := args[1].(Bool)
				if !ok {
					return nil, Errorf(TypeError, "attribute value type must be bool")
				}
				*get(args[0].(*FrameObject)) = bool(b) != negate
				return None, nil
			}),
			Del: NewBuiltin(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
				return nil, Errorf(TypeError, "can't delete numeric/char attribute")
			}),
		})
	}
	flag("f_trace_lines", func(o *FrameObject) *bool { return &o.linesOff }, true)
	flag("f_trace_opcodes", func(o *FrameObject) *bool { return &o.opcodes }, false)
	FrameType.AddMethod("clear", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if args[0].(*FrameObject).fr != nil {
			return nil, Errorf(RuntimeError, "cannot clear an executing frame")
		}
		return None, nil
	})
}

// Attr gives a code object's co_ attributes.
func (c *codeObj) Attr(t *Thread, name string) (Value, error) {
	strs := func(names []string) Value {
		tu := make(Tuple, len(names))
		for i, n := range names {
			tu[i] = Str(n)
		}
		return tu
	}
	switch name {
	case "co_name":
		return Str(c.Name), nil
	case "co_qualname":
		return Str(c.QualName), nil
	case "co_filename":
		return Str(c.Filename), nil
	case "co_firstlineno":
		return Int(c.FirstLine), nil
	case "co_argcount":
		return Int(c.NumArgs), nil
	case "co_posonlyargcount":
		return Int(c.NumPosOnly), nil
	case "co_kwonlyargcount":
		return Int(c.NumKwOnly), nil
	case "co_varnames":
		return strs(c.Locals), nil
	case "co_nlocals":
		return Int(len(c.Locals)), nil
	case "co_cellvars":
		return strs(c.Cells), nil
	case "co_freevars":
		return strs(c.Frees), nil
	}
	return nil, nil
}

// Repr is CPython's: <code object NAME at 0x..., file "...", line N>.
func (c *codeObj) Repr(t *Thread) (string, error) {
	return fmt.Sprintf("<code object %s at %#x, file %q, line %d>", c.Name, t.interp.objectID(c), c.Filename, c.FirstLine), nil
}
