package runtime

import (
	"fmt"
	"sync/atomic"
)

// Loc is a memory location of a program: the variable or attribute Name
// of object Obj, or the item Key of container Obj. Obj is compared by
// identity, so it must be a pointer; Key is compared with ==, so it must
// be comparable (an interpreter turns other keys into strings first).
type Loc struct {
	Obj  any
	Name string
	Key  any
}

// AllItems is the Key of a location that stands for every item of a
// container at once: a method call such as items.append(x) (Name is the
// method). It is dependent on every access of the container's items.
var AllItems any = allItems{}

type allItems struct{}

// Snapshot is a value an interpreter recorded as the text it had at the
// access, for a value that changes in place (a list, a dict): a read of
// one tells what the location holds then, which a table's state shows.
// Of is the object itself, so that a change of it (Later) can update
// every location the table shows holding it.
type Snapshot struct {
	Text string
	Of   any
}

// ItemWrite is the value of a write (or delete) of a container's item
// when the interpreter also says what the container holds after it: the
// event's value is Value, and the table shows Container under every
// location that holds the container from this step on.
type ItemWrite struct {
	Value     any
	Container Snapshot
}

// Later is the value of a method call that changes a container (an
// AllItems write): what the container held once the call returned, set
// by the calling thread then. Until it is set it says nothing. The table
// shows each location that holds the container with that text from the
// call's step on.
type Later struct{ p atomic.Pointer[Snapshot] }

// Set records what the container holds now; the first Set counts.
func (l *Later) Set(s Snapshot) { l.p.CompareAndSwap(nil, &s) }

// Get returns what Set recorded, or nil.
func (l *Later) Get() *Snapshot { return l.p.Load() }

// Spelling is how the interpreter writes locations and values in traces
// and reports: "balance", "account.balance", "items[3]"; 'text', None.
// The interpreter sets it once, with SetSpelling, before any thread runs.
// Its functions are called only while a trace is read, never while a
// thread runs, and must not run the program's code.
type Spelling struct {
	Loc   func(loc Loc) string
	Value func(v any) string
	// Site turns what Thread.Site reported into a line and its text.
	Site func(site int32) (line int, code string)
}

// SetSpelling installs s for every trace.
func (rt *Runtime) SetSpelling(s Spelling) { rt.spelling = s }

// loc spells loc, plainly when the interpreter gave no way.
func (s *Spelling) loc(loc Loc) string {
	switch {
	case s.Loc != nil:
		return s.Loc(loc)
	case loc.Key != nil:
		return loc.Name + "[" + s.value(loc.Key) + "]"
	}
	return loc.Name
}

// site decodes a step's site; without Site it is the line.
func (s *Spelling) site(site int32) (int, string) {
	if s.Site != nil {
		return s.Site(site)
	}
	return int(site), ""
}

// value spells v, as Go prints it when the interpreter gave no way.
func (s *Spelling) value(v any) string {
	switch x := v.(type) {
	case Snapshot:
		return x.Text
	case *Later:
		if s := x.Get(); s != nil {
			return s.Text
		}
		return "…"
	}
	if s.Value != nil {
		return s.Value(v)
	}
	return fmt.Sprint(v)
}

// Watch says what the runtime needs to hear of t's memory accesses:
// record, when tracing is on, and announce, when t's scheduler decides
// who runs at each access (exploration, the stepper; lab.seed does not).
// An interpreter that can stop reporting accesses should, while neither
// is true: that is how an untraced program runs at full speed. The
// answer changes only when the scheduler or the tracing does.
func (t *Thread) Watch() (record, announce bool) {
	record = t.rt.tracing.Load()
	if c, ok := t.dom.get().(*controlled); ok {
		announce = c.ch.decides(OpRead)
	}
	return record, announce
}

// Controlled reports whether a controlled scheduler (lab.seed,
// exploration, the stepper) runs the kernel's interpreter: one that finds
// every deadlock itself, as the state where no thread can run.
func (rt *Runtime) Controlled() bool {
	_, ok := rt.dom.get().(*controlled)
	return ok
}

// Announce is the scheduling point just before t reads (kind OpRead) or
// writes (OpWrite) loc. Under a scheduler that decides at accesses
// (exploration, the stepper), another thread may run first; under any
// other it returns at once. The access itself is recorded afterwards,
// with its value, by Access.
func (t *Thread) Announce(loc Loc, kind OpKind) error {
	return t.announce(loc, kind, nil)
}

func (t *Thread) announce(loc Loc, kind OpKind, cas *casOp) error {
	c, ok := t.dom.get().(*controlled)
	if !ok || !c.ch.decides(kind) {
		return nil
	}
	return c.point(t, Op{Kind: kind, Obj: c.objID(loc.Obj), Field: loc.Name, Key: loc.Key, loc: loc, cas: cas})
}

// objID numbers the objects a run touches in the order it first touches
// them, so that a replayed schedule gives each object the number it had
// before, though the program makes new objects in every run.
func (c *controlled) objID(obj any) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	id, ok := c.objs[obj]
	if !ok {
		id = len(c.objs) + 1
		c.objs[obj] = id
	}
	return id
}

// Access records, when tracing is on, that t has just read (kind OpRead)
// or written (OpWrite) v at loc, at site (what Thread.Site would say;
// the interpreter knows it already). Call Announce before the access,
// and Access on t's goroutine. An interpreter that keeps a Spot for loc
// records faster with AccessAt.
func (t *Thread) Access(loc Loc, kind OpKind, v any, site int32) {
	if !t.rt.tracing.Load() {
		return
	}
	t.AccessAt(t.locs.spot(loc), kind, v, site)
}

// locCache is the spots of the locations a thread touched last, for
// Access and the runtime's own objects: a loop touches the same few
// again and again, and a map lookup of a Loc costs more than the rest of
// recording. Only the thread's goroutine uses it.
type locCache struct {
	next  int
	spots [4]Spot
}

// spot returns loc's spot, the one used last for it if there is one.
func (lc *locCache) spot(loc Loc) *Spot {
	for i := range lc.spots {
		// (An empty slot's zero Loc matches no real one.)
		if s := &lc.spots[i]; s.Loc == loc {
			return s
		}
	}
	s := &lc.spots[lc.next%len(lc.spots)]
	lc.next++
	*s = Spot{Loc: loc}
	return s
}
