package python

import "sync"

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
// must not run Python code on that thread.
type Tracer interface {
	Event(t *Thread, ev *Event)
}

// Announcer is an optional interface of a Tracer. Announce is called just
// before each access that Event then reports, with the same kind, object,
// name and key (and for a write the value it will store), so that a host
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
)

var eventNames = [...]string{"read global", "write global", "delete global", "read attr", "write attr", "delete attr", "read item", "write item", "delete item"}

func (k EventKind) String() string { return eventNames[k] }

// Event is one read or write of shared memory: a module global (Object is
// the *Module, Name the variable), an attribute of an instance or class
// (Object, Name), or a container item (Object is the *List or *Dict, Key
// the index or key). Value is the value read or written (nil for a
// delete). The Event is reused after Event returns: copy what you keep.
type Event struct {
	Kind   EventKind
	Object Value
	Name   string
	Key    Value
	Value  Value
	File   string
	Line   int
}

// Position returns the file and line of the code a thread is running.
func (t *Thread) Position() (file string, line int) {
	if f := t.frame; f != nil {
		return f.code.Filename, int(f.code.Lines[max(f.pc-1, 0)])
	}
	return "", 0
}

// emit sends an event to the tracer (the caller has checked t.tracer).
func (t *Thread) emit(kind EventKind, obj Value, name string, key, v Value) {
	ev := &t.ev
	*ev = Event{Kind: kind, Object: obj, Name: name, Key: key, Value: v}
	ev.File, ev.Line = t.Position()
	t.tracer.Event(t, ev)
}

// announce tells an Announcer of an access about to happen (the caller
// has checked t.tracer).
func (t *Thread) announce(kind EventKind, obj Value, name string, key, v Value) {
	if t.announcer == nil {
		return
	}
	ev := &t.ev
	*ev = Event{Kind: kind, Object: obj, Name: name, Key: key, Value: v}
	ev.File, ev.Line = t.Position()
	t.announcer.Announce(t, ev)
}

// tracedGlobal reports the read of global name of m, found to hold v:
// announced first, and then read again, since another thread may have
// written it meanwhile.
func (t *Thread) tracedGlobal(m *Module, name string, v Value) Value {
	if t.announcer != nil {
		t.announce(ReadGlobal, m, name, nil, nil)
		if now := m.globals.GetStr(name); now != nil {
			v = now
		}
	}
	t.emit(ReadGlobal, m, name, nil, v)
	return v
}

// SourceLine returns line number line of file as compiled, or "", for
// reports that show the source of a step.
func (in *Interp) SourceLine(file string, line int) string { return in.sourceLine(file, line) }

// cancelState is the cancellation of a thread, safe to set from any
// goroutine.
type cancelState struct {
	once   sync.Once
	done   chan struct{}
	mu     sync.Mutex
	reason *Cancelled
}
