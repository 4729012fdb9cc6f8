package runtime

import (
	"fmt"
	goruntime "runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
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
	mu       *sync.Mutex // the runtime's sharedMu, held while events are added
	gen      uint64      // tells traces apart without keeping them alive
	exported bool        // handed out by Runtime.Trace: its memory is reused only once it is unreachable
	ints     *IntCodec   // the runtime's; nil fields mean no value is kept inline
	store    *chunkStore // the events
	keys     []traceKey  // (object, field) pairs, indexed by record.key
	kindex   map[traceKey]uint32
	values   []any // values that are not kept inline, indexed by record.value
	n        int   // events stored
	total    int
	threads  []string
	idents   []int64
	tindex   map[*Thread]int
	initial  map[int]objState // each object's fields when the trace first met it
	objs     []int            // object ids in the order the trace met them
}

type traceKey struct {
	obj   int
	field string
}

// record is an Event as stored. A long race records hundreds of thousands
// of them, and their memory was most of the cost of tracing: a record is
// 16 bytes and holds no pointers, so the garbage collector never scans
// traces. An integer value that fits in 32 bits is kept inline; any other
// value goes to Trace.values.
type record struct {
	value  uint32 // the integer (valueInt), or an index into Trace.values (valueRef)
	line   int32
	key    uint32 // index into Trace.keys
	thread uint16
	kind   uint8 // an OpKind
	vform  uint8 // valueNone, valueInt or valueRef
}

const (
	valueNone = iota
	valueInt
	valueRef
)

// IntCodec lets traces keep integer values inline (see record). Int
// reports whether v is an integer that fits in an int64; Make turns one
// back into the interpreter's value. The interpreter sets it once, with
// SetIntCodec, before any thread runs.
type IntCodec struct {
	Int  func(v any) (int64, bool)
	Make func(n int64) any
}

// SetIntCodec installs c for every later trace.
func (rt *Runtime) SetIntCodec(c IntCodec) { rt.ints = c }

type objState struct {
	names  []string
	values []any
}

var traceGens atomic.Uint64

func newTrace(mu *sync.Mutex, ints *IntCodec) *Trace {
	tr := &Trace{mu: mu, gen: traceGens.Add(1), ints: ints, store: &chunkStore{},
		tindex: map[*Thread]int{}, kindex: map[traceKey]uint32{}, initial: map[int]objState{}}
	goruntime.AddCleanup(tr, (*chunkStore).recycle, tr.store)
	return tr
}

// chunkStore holds a trace's events in blocks that start small (explored
// schedules make many short traces) and double up to chunkSize, so
// recording never copies.
type chunkStore struct{ chunks [][]record }

// Writing to memory the process has not touched yet costs about three
// times as much as writing to memory it reuses, and a traced race fills
// megabytes. So the full-size chunks of a trace nobody can reach any more
// go to a pool, for the next trace.
var chunkPool struct {
	sync.Mutex
	free [][]record
}

const maxPooled = MaxEvents/chunkSize + 1 // one full trace

func newChunk(size int) []record {
	if size == chunkSize {
		chunkPool.Lock()
		defer chunkPool.Unlock()
		if n := len(chunkPool.free); n > 0 {
			c := chunkPool.free[n-1]
			chunkPool.free = chunkPool.free[:n-1]
			return c
		}
	}
	return make([]record, 0, size)
}

// recycle gives st's chunks to the pool, once nothing will read them: when
// the runtime drops a trace it never handed out, or else when the trace
// has become unreachable.
func (st *chunkStore) recycle() {
	chunkPool.Lock()
	defer chunkPool.Unlock()
	for _, c := range st.chunks {
		if cap(c) == chunkSize && len(chunkPool.free) < maxPooled {
			chunkPool.free = append(chunkPool.free, c[:0])
		}
	}
	st.chunks = nil
}

// Len is the number of events that happened, stored or not.
func (tr *Trace) Len() int {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return tr.total
}

// Stored is the number of events kept (at most MaxEvents).
func (tr *Trace) Stored() int {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return tr.n
}

const chunkSize = 8192

// Events returns the stored events (at most MaxEvents), in order.
func (tr *Trace) Events() []Event {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	out := make([]Event, 0, tr.n)
	tr.each(func(i int, r *record) bool {
		out = append(out, tr.event(i, r))
		return true
	})
	return out
}

// Event returns stored event i (0-based).
func (tr *Trace) Event(i int) Event {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return tr.event(i, tr.at(i))
}

// at finds stored record i. Chunks double in size up to chunkSize, so
// the search is short.
func (tr *Trace) at(i int) *record {
	for _, c := range tr.store.chunks {
		if i < len(c) {
			return &c[i]
		}
		i -= len(c)
	}
	panic(fmt.Sprintf("trace: event %d of %d", i, tr.n))
}

// each calls fn on the stored records in order until it returns false.
func (tr *Trace) each(fn func(i int, r *record) bool) {
	i := 0
	for _, c := range tr.store.chunks {
		for j := range c {
			if !fn(i, &c[j]) {
				return
			}
			i++
		}
	}
}

func (tr *Trace) event(i int, r *record) Event {
	k := tr.keys[r.key]
	return Event{Seq: i + 1, Thread: int(r.thread), Line: int(r.line), Kind: OpKind(r.kind),
		Obj: k.obj, Field: k.field, Value: tr.value(r)}
}

func (tr *Trace) value(r *record) any {
	switch r.vform {
	case valueInt:
		return tr.ints.Make(int64(int32(r.value)))
	case valueRef:
		return tr.values[r.value]
	}
	return nil
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

// add appends an event; key is the (object, field) index from keyOf.
// Callers hold tr.mu.
func (tr *Trace) add(t *Thread, kind OpKind, key uint32, v any) {
	tr.total++
	if tr.n >= MaxEvents {
		return
	}
	if t.traceGen != tr.gen {
		ti, ok := tr.tindex[t]
		if !ok {
			ti = min(len(tr.threads), 1<<16-1) // (a cell with 65535 threads shares the last column)
			tr.tindex[t] = ti
			tr.threads = append(tr.threads, t.name)
			tr.idents = append(tr.idents, t.ident)
		}
		t.traceGen, t.traceCol = tr.gen, uint16(ti)
	}
	r := record{key: key, line: int32(t.line()), thread: t.traceCol, kind: uint8(kind)}
	if v != nil {
		r.vform = valueRef
		if n, ok := tr.int(v); ok && n == int64(int32(n)) {
			r.vform, r.value = valueInt, uint32(int32(n))
		} else {
			r.value = uint32(len(tr.values))
			tr.values = append(tr.values, v)
		}
	}
	if k := len(tr.store.chunks); k == 0 || len(tr.store.chunks[k-1]) == cap(tr.store.chunks[k-1]) {
		size := 64
		if k > 0 {
			size = min(2*cap(tr.store.chunks[k-1]), chunkSize)
		}
		tr.store.chunks = append(tr.store.chunks, newChunk(size))
	}
	last := &tr.store.chunks[len(tr.store.chunks)-1]
	*last = append(*last, r)
	tr.n++
}

func (tr *Trace) int(v any) (int64, bool) {
	if tr.ints == nil || tr.ints.Int == nil || tr.ints.Make == nil {
		return 0, false
	}
	return tr.ints.Int(v)
}

// keyOf returns the index of the (object, field) pair. Callers hold tr.mu.
func (tr *Trace) keyOf(obj int, field string) uint32 {
	k := traceKey{obj, field}
	i, ok := tr.kindex[k]
	if !ok {
		i = uint32(len(tr.keys))
		tr.kindex[k] = i
		tr.keys = append(tr.keys, k)
	}
	return i
}

// seeLocked remembers s's fields the first time the current trace meets
// it, before the operation is applied. Callers hold rt.sharedMu.
func (rt *Runtime) seeLocked(s *Shared) {
	tr := rt.trace
	if !rt.tracing.Load() {
		return
	}
	if _, seen := tr.initial[s.id]; !seen {
		tr.initial[s.id] = objState{append([]string(nil), s.names...), append([]any(nil), s.values...)}
		tr.objs = append(tr.objs, s.id)
	}
}

// recordLocked adds a field event. Callers hold rt.sharedMu and called
// seeLocked before applying the operation.
func (rt *Runtime) recordLocked(t *Thread, kind OpKind, s *Shared, i int, v any) {
	if !rt.tracing.Load() {
		return
	}
	tr := rt.trace
	if s.keysGen != tr.gen { // keys differ from trace to trace
		s.keysGen, s.keys = tr.gen, s.keys[:0]
	}
	for len(s.keys) <= i {
		s.keys = append(s.keys, tr.keyOf(s.id, s.names[len(s.keys)]))
	}
	tr.add(t, kind, s.keys[i], v)
}

func (rt *Runtime) recordLock(t *Thread, l *Lock, kind OpKind) {
	rt.sharedMu.Lock()
	defer rt.sharedMu.Unlock()
	if !rt.tracing.Load() {
		return
	}
	rt.trace.add(t, kind, rt.trace.keyOf(l.id, l.Name()), nil)
}

// StatesAfter returns, for each index i of Events (ascending), the shared
// state right after event i, written like "balance=13".
func (tr *Trace) StatesAfter(indices []int) []string {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	var order []traceKey
	initial := map[traceKey]any{}
	for _, id := range tr.objs {
		st := tr.initial[id]
		for i, n := range st.names {
			k := traceKey{id, n}
			initial[k] = st.values[i]
			order = append(order, k)
		}
	}
	latest := make([]*record, len(tr.keys)) // the last write of each key so far
	qualify := len(tr.objs) > 1
	format := func() string {
		var parts []string
		for _, k := range order {
			v := initial[k]
			if i, ok := tr.kindex[k]; ok && latest[i] != nil {
				v = tr.value(latest[i])
			}
			name := k.field
			if qualify {
				name = fmt.Sprintf("shared-%d.%s", k.obj, k.field)
			}
			parts = append(parts, fmt.Sprintf("%s=%v", name, v))
		}
		return strings.Join(parts, " ")
	}
	out := make([]string, 0, len(indices))
	next := 0
	tr.each(func(i int, r *record) bool {
		if next >= len(indices) {
			return false
		}
		if OpKind(r.kind) == OpWrite {
			if latest[r.key] == nil {
				if _, known := initial[tr.keys[r.key]]; !known {
					order = append(order, tr.keys[r.key]) // a field added by this write
				}
			}
			latest[r.key] = r
		}
		for next < len(indices) && indices[next] == i {
			out = append(out, format())
			next++
		}
		return true
	})
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
	type tkey struct {
		thread uint16
		key    uint32
	}
	type write struct {
		at     int
		thread uint16
	}
	lastRead := map[tkey]int{}
	lastWrite := make([]write, len(tr.keys))
	for i := range lastWrite {
		lastWrite[i].at = -1
	}
	var lost []Lost
	tr.each(func(i int, e *record) bool {
		switch OpKind(e.kind) {
		case OpRead:
			lastRead[tkey{e.thread, e.key}] = i
		case OpWrite:
			r, readIt := lastRead[tkey{e.thread, e.key}]
			w := lastWrite[e.key]
			if readIt && w.at > r && w.thread != e.thread {
				lost = append(lost, Lost{Read: r, Overwritten: w.at, Write: i})
			}
			lastWrite[e.key] = write{i, e.thread}
		}
		return true
	})
	return lost
}
