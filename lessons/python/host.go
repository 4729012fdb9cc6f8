package python

import (
	"strings"
	"sync"
)

// Host is what runs an interpreter thread: threadlab's runtime (GIL,
// schedulers), or nothing special (Run). The interpreter calls Step every
// N steps of a thread (Thread.SetHost); Step may block, for example to
// hand a GIL to another thread, and a non-nil error (normally a
// *Cancelled) unwinds the thread.
type Host interface {
	Step(t *Thread) error
}

// Blocker is an optional interface of a Host: Thread.Block calls
// BeginBlock before a thread waits (so a GIL can be released) and
// EndBlock after (to take it back).
type Blocker interface {
	BeginBlock(t *Thread)
	EndBlock(t *Thread) error
}

// Tracer receives the memory events of a thread (Thread.SetTracer). It
// runs on the thread's goroutine, in the middle of the operation, so it
// must not run Python code on that thread. ev is the thread's own, valid
// only during the call: the thread fills it again for its next event.
type Tracer interface {
	Event(t *Thread, ev *Event)
}

// GlobalIntTracer is an optional interface of a Tracer. The interpreter
// reports the reads and writes of a module global whose value is an int
// (the race's balance = balance + n) by GlobalInt, rather than Event,
// with the same kind, module, name and value, and the file and line
// Event would have: hundreds of thousands of them in a traced race, each
// of which would fill an Event that the tracer reads back.
type GlobalIntTracer interface {
	GlobalInt(t *Thread, kind EventKind, m *Module, name string, n Int, file string, line int)
}

// CodeSkipper is an optional interface of a Tracer that ignores every
// access of a value that IsCode reports. The interpreter then need not
// report them all: it does not announce or report the reads of globals
// that hold code, which every call of a module's function makes to look
// the function up.
type CodeSkipper interface {
	SkipsCode()
}

// ChangeTracer is an optional interface of a Tracer that hears when a
// method call reported as a WriteItems event (items.append(x)) has
// returned, with x the container it changed: what the container holds
// now is what the call left.
type ChangeTracer interface {
	Changed(t *Thread, x Value)
}

// IsCode reports whether v is a function, a class, a module, a built-in
// function or a bound method: what a def, a class statement or an
// import binds, and a call looks up.
func IsCode(v Value) bool {
	switch v.(type) {
	case Int:
		return false // the common case, first
	case *Function, *Type, *Module, *Builtin, *BoundMethod:
		return true
	}
	return false
}

// Announcer is an optional interface of a Tracer. Announce is called just
// before each access that Event then reports, with the same kind, object,
// name and key (and for a write the value it will store; for a read of a
// global the value it held a moment before, nil for other reads), so that a host
// can let other threads go first: a scheduler that decides who makes the
// next access. It may block. To stop the thread, cancel it: it unwinds at
// its next step, once the access is made.
type Announcer interface {
	Announce(t *Thread, ev *Event)
}

// EventKind says what a memory event did.
type EventKind uint8

// The kinds of memory events.
const (
	ReadGlobal EventKind = iota
	WriteGlobal
	DeleteGlobal
	ReadAttr
	WriteAttr
	DeleteAttr
	ReadItem
	WriteItem
	DeleteItem
	ReadItems  // a method of a list, dict or set that reads it as a whole (Name is the method)
	WriteItems // a method that changes it: append, pop, update, add, ...
)

var eventNames = [...]string{"read global", "write global", "delete global", "read attr", "write attr", "delete attr", "read item", "write item", "delete item", "read items", "write items"}

func (k EventKind) String() string { return eventNames[k] }

// Event is one read or write of shared memory: a module global (Object is
// the *Module, Name the variable), an attribute of an instance or class
// (Object, Name), or a container item (Object is the *List or *Dict, Key
// the index or key). Value returns the value read or written (nil for a
// delete). A thread fills one Event of its own for every report, rather
// than passing a new one: a copy of its many words per access costs more
// than the access.
type Event struct {
	Kind   EventKind
	Object Value
	Name   string
	Key    Value
	File   string
	Line   int
	value  Value // the value, unless it is an int held as bits
	bits   Int   // the value, when isBits
	isBits bool
}

// Value returns the value read or written (nil for a delete).
func (ev *Event) Value() Value {
	if ev.isBits {
		return boxInt(ev.bits)
	}
	return ev.value
}

// Int returns the value as an int, if it is one, without making it a
// Value: the interpreter reports an int a global holds as bits as bits.
func (ev *Event) Int() (Int, bool) {
	if ev.isBits {
		return ev.bits, true
	}
	n, ok := ev.value.(Int)
	return n, ok
}

// Position returns the file and line of the code a thread is running.
func (t *Thread) Position() (file string, line int) {
	if f := t.frame; f != nil {
		return f.code.Filename, int(f.code.Lines[max(f.pc-1, 0)])
	}
	return "", 0
}

// event fills t's Event for an access of obj, and returns it.
func (t *Thread) event(kind EventKind, obj Value, name string, key Value) *Event {
	ev := &t.ev
	ev.Kind, ev.Object, ev.Name, ev.Key = kind, obj, name, key
	ev.File, ev.Line = t.Position()
	return ev
}

// emit sends an event to the tracer (the caller has checked t.tracer).
func (t *Thread) emit(kind EventKind, obj Value, name string, key, v Value) {
	if kind <= WriteGlobal { // a read or write of a global that holds an int, as emitInt
		if n, isInt := v.(Int); isInt {
			if m, isMod := obj.(*Module); isMod {
				if gt := t.intTracer; gt != nil {
					file, line := t.Position()
					gt.GlobalInt(t, kind, m, name, n, file, line)
					return
				}
			}
		}
	}
	ev := t.event(kind, obj, name, key)
	ev.value, ev.isBits = v, false
	t.tracer.Event(t, ev)
}

// emitInt is emit of int n of global name of m, which the global holds
// as bits: reported so, it need not be made a Value.
func (t *Thread) emitInt(kind EventKind, m *Module, name string, n Int) {
	if gt := t.intTracer; gt != nil {
		file, line := t.Position()
		gt.GlobalInt(t, kind, m, name, n, file, line)
		return
	}
	ev := t.event(kind, m, name, nil)
	ev.value, ev.bits, ev.isBits = nil, n, true
	t.tracer.Event(t, ev)
}

// announce tells an Announcer of an access about to happen (the caller
// has checked t.tracer).
func (t *Thread) announce(kind EventKind, obj Value, name string, key, v Value) {
	if t.announcer == nil {
		return
	}
	ev := t.event(kind, obj, name, key)
	ev.value, ev.isBits = v, false
	t.announcer.Announce(t, ev)
}

// changers are the methods of containers that change them.
var changers = map[string]bool{
	"append": true, "extend": true, "insert": true, "pop": true, "remove": true, "clear": true, "sort": true, "reverse": true,
	"update": true, "popitem": true, "setdefault": true,
	"add": true, "discard": true, "difference_update": true, "intersection_update": true, "symmetric_difference_update": true,
	"appendleft": true, "extendleft": true, "popleft": true, "rotate": true, "subtract": true, "move_to_end": true,
}

// dictSelfReported are the methods of dicts that report their own
// accesses when they run (methods_dict.go): the item they read or write,
// as d[k] does.
var dictSelfReported = map[string]bool{"get": true, "setdefault": true, "pop": true}

// itemsAccess is how a call of method name of built-in type c touches
// its receiver, a container: as a whole, one read (ReadItems) or one
// write (WriteItems) per call, since each such call is atomic. traced is
// false for the methods of other types, for dunders (the interpreter's
// own calls of them report what they do) and for the dict methods that
// report their own items.
func itemsAccess(c *Type, name string) (kind EventKind, traced bool) {
	switch c {
	case ListType, DictType, SetType, DequeType, DefaultDictType, CounterType, OrderedDictType:
	default:
		return 0, false
	}
	if strings.HasPrefix(name, "_") || c == DictType && dictSelfReported[name] {
		return 0, false
	}
	if changers[name] {
		return WriteItems, true
	}
	return ReadItems, true
}

// itemsDone tells a ChangeTracer that a call itemsEvent reported as a
// change of container x has returned (the caller has checked t.tracer).
func (t *Thread) itemsDone(kind EventKind, x Value) {
	if kind == WriteItems && t.changer != nil {
		t.changer.Changed(t, x)
	}
}

// itemsEvent reports a call of method name of container x, about to run,
// as an access of the container as a whole (the caller has checked
// t.tracer). It is announced and reported at once: the call runs next,
// and nothing the thread does in between is shared.
func (t *Thread) itemsEvent(kind EventKind, x Value, name string) {
	t.announce(kind, x, name, nil, nil)
	t.emit(kind, x, name, nil, nil)
}

// tracedGlobal reports the read of global name of m, found to hold v:
// announced first, and then read again, since another thread may have
// written it meanwhile.
func (t *Thread) tracedGlobal(m *Module, name string, v Value) Value {
	if IsCode(v) {
		if t.skipsCode {
			return v
		}
	}
	if t.announcer != nil {
		t.announce(ReadGlobal, m, name, nil, v)
		if now := m.globals.GetStr(name); now != nil {
			v = now
		}
	}
	t.emit(ReadGlobal, m, name, nil, v)
	return v
}

// Frames calls fn for each running frame of t, innermost first, with its
// file, the first line of its code (a def's line) and the line it runs,
// until fn returns false. Call it on t's own goroutine, or while t waits.
func (t *Thread) Frames(fn func(file string, first, line int) bool) {
	for f := t.frame; f != nil; f = f.back {
		if !fn(f.code.Filename, f.code.FirstLine, int(f.code.Lines[max(f.pc-1, 0)])) {
			return
		}
	}
}

// SourceLine returns line number line of file as compiled, or "", for
// reports that show the source of a step.
func (in *Interp) SourceLine(file string, line int) string { return in.sourceLine(file, line) }

// SourceLines returns the lines of file as compiled (nil when unknown).
func (in *Interp) SourceLines(file string) []string {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.sources[file]
}

// cancelState is the cancellation of a thread, safe to set from any
// goroutine.
type cancelState struct {
	once   sync.Once
	done   chan struct{}
	mu     sync.Mutex
	reason *Cancelled
}
