package runtime

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// MaxEvents bounds how many events one trace keeps; later events are
// counted but not stored.
const MaxEvents = 1_000_000

// Event is one recorded step on shared state: a field read or write, or a
// lock taken or released.
type Event struct {
	Seq    int    // 1-based position in the global order
	Thread int    // index into Trace.Threads
	Line   int    // source line, 0 if unknown
	Kind   OpKind // OpRead, OpWrite, OpAcquire or OpRelease
	Obj    int    // id of the shared object or lock
	Field  string // field name, or the lock's name
	Value  any    // value read or written (nil for locks)
}

// Trace is the ordered record of one cell's (or one explored schedule's)
// shared-state events.
type Trace struct {
	mu      *sync.Mutex // the runtime's sharedMu, held while events are added
	chunks  [][]record  // events in blocks of chunkSize, so recording never copies
	fields  []string    // field and lock names, indexed by record.field
	findex  map[string]int32
	n       int // events stored
	total   int
	threads []string
	idents  []int64
	tindex  map[*Thread]int
	initial map[int]objState // each object's fields when the trace first met it
	objs    []int            // object ids in the order the trace met them
}

// record is an Event as stored, in half the memory: a long race records
// hundreds of thousands of them, and writing them is most of the cost of
// tracing.
type record struct {
	value  any
	obj    int32
	field  int32
	line   int32
	thread uint16
	kind   OpKind
}

type objState struct {
	names  []string
	values []any
}

func newTrace(mu *sync.Mutex) *Trace {
	return &Trace{mu: mu, tindex: map[*Thread]int{}, findex: map[string]int32{}, initial: map[int]objState{}}
}

// Len is the number of events that happened, stored or not.
func (tr *Trace) Len() int {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return tr.total
}

const chunkSize = 8192

// Events returns the stored events (at most MaxEvents), in order.
func (tr *Trace) Events() []Event {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return tr.events()
}

func (tr *Trace) events() []Event {
	out := make([]Event, 0, tr.n)
	for _, c := range tr.chunks {
		for _, r := range c {
			out = append(out, Event{Seq: len(out) + 1, Thread: int(r.thread), Line: int(r.line), Kind: r.kind,
				Obj: int(r.obj), Field: tr.fields[r.field], Value: r.value})
		}
	}
	return out
}

// Threads returns the names of the threads in the trace, in the order they
// first appear.
func (tr *Trace) Threads() []string {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return append([]string(nil), tr.threads...)
}

// Columns returns the indexes of Threads in the order a table should show
// them: by when the threads were made, so MainThread comes first.
func (tr *Trace) Columns() []int {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	cols := make([]int, len(tr.threads))
	for i := range cols {
		cols[i] = i
	}
	sort.Slice(cols, func(a, b int) bool { return tr.idents[cols[a]] < tr.idents[cols[b]] })
	return cols
}

// Truncated reports whether events were dropped because of MaxEvents.
func (tr *Trace) Truncated() bool {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return tr.total > tr.n
}

func (tr *Trace) add(t *Thread, kind OpKind, obj int, field string, v any) {
	tr.total++
	if tr.n >= MaxEvents {
		return
	}
	ti, ok := tr.tindex[t]
	if !ok {
		ti = min(len(tr.threads), 1<<16-1) // (a cell with 65535 threads shares the last column)
		tr.tindex[t] = ti
		tr.threads = append(tr.threads, t.name)
		tr.idents = append(tr.idents, t.ident)
	}
	fi, ok := tr.findex[field]
	if !ok {
		fi = int32(len(tr.fields))
		tr.findex[field] = fi
		tr.fields = append(tr.fields, field)
	}
	if k := len(tr.chunks); k == 0 || len(tr.chunks[k-1]) == cap(tr.chunks[k-1]) {
		// Chunks start small (explored schedules make many short traces)
		// and double up to chunkSize.
		size := 64
		if k > 0 {
			size = min(2*cap(tr.chunks[k-1]), chunkSize)
		}
		tr.chunks = append(tr.chunks, make([]record, 0, size))
	}
	last := &tr.chunks[len(tr.chunks)-1]
	*last = append(*last, record{value: v, obj: int32(obj), field: fi, line: int32(t.line()), thread: uint16(ti), kind: kind})
	tr.n++
}

// seeLocked remembers s's fields the first time the current trace meets
// it, before the operation is applied. Callers hold rt.sharedMu.
func (rt *Runtime) seeLocked(s *Shared) {
	tr := rt.trace
	if !rt.tracing {
		return
	}
	if _, seen := tr.initial[s.id]; !seen {
		tr.initial[s.id] = objState{append([]string(nil), s.names...), append([]any(nil), s.values...)}
		tr.objs = append(tr.objs, s.id)
	}
}

// recordLocked adds a field event. Callers hold rt.sharedMu and called
// seeLocked before applying the operation.
func (rt *Runtime) recordLocked(t *Thread, kind OpKind, s *Shared, field string, v any) {
	if rt.tracing {
		rt.trace.add(t, kind, s.id, field, v)
	}
}

func (rt *Runtime) recordLock(t *Thread, l *Lock, kind OpKind) {
	rt.sharedMu.Lock()
	defer rt.sharedMu.Unlock()
	if !rt.tracing {
		return
	}
	rt.trace.add(t, kind, l.id, l.Name(), nil)
}

// StatesAfter returns, for each index i of Events (ascending), the shared
// state right after event i, written like "balance=13".
func (tr *Trace) StatesAfter(indices []int) []string {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	type key struct {
		obj   int
		field string
	}
	cur := map[key]any{}
	var order []key
	for _, id := range tr.objs {
		st := tr.initial[id]
		for i, n := range st.names {
			k := key{id, n}
			cur[k] = st.values[i]
			order = append(order, k)
		}
	}
	qualify := len(tr.objs) > 1
	format := func() string {
		var parts []string
		for _, k := range order {
			name := k.field
			if qualify {
				name = fmt.Sprintf("shared-%d.%s", k.obj, k.field)
			}
			parts = append(parts, fmt.Sprintf("%s=%v", name, cur[k]))
		}
		return strings.Join(parts, " ")
	}
	out := make([]string, 0, len(indices))
	next := 0
	for i, e := range tr.events() {
		if next >= len(indices) {
			break
		}
		if e.Kind == OpWrite {
			k := key{e.Obj, e.Field}
			if _, ok := cur[k]; !ok {
				order = append(order, k)
			}
			cur[k] = e.Value
		}
		for next < len(indices) && indices[next] == i {
			out = append(out, format())
			next++
		}
	}
	return out
}

// Lost is a lost update: thread T read a field (event Read), another thread
// wrote it (event Overwritten), then T wrote a value computed from its
// stale read (event Write), wiping the other thread's write out.
type Lost struct{ Read, Overwritten, Write int }

// LostUpdates finds every lost update in the stored events, in order.
func (tr *Trace) LostUpdates() []Lost {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	type key struct {
		obj   int
		field string
	}
	type tkey struct {
		thread int
		key
	}
	lastRead := map[tkey]int{}
	lastWrite := map[key]int{}
	var lost []Lost
	events := tr.events()
	for i, e := range events {
		k := key{e.Obj, e.Field}
		switch e.Kind {
		case OpRead:
			lastRead[tkey{e.Thread, k}] = i
		case OpWrite:
			r, readIt := lastRead[tkey{e.Thread, k}]
			w, written := lastWrite[k]
			if readIt && written && w > r && events[w].Thread != e.Thread {
				lost = append(lost, Lost{Read: r, Overwritten: w, Write: i})
			}
			lastWrite[k] = i
		}
	}
	return lost
}
