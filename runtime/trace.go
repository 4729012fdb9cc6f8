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

// Event is one recorded step: a read or write of a memory location, a
// lock taken or released, or a thread starting to wait.
type Event struct {
	Seq    int    // 1-based position in the global order
	Thread int    // index into Trace.Threads
	Line   int    // source line, 0 if unknown
	Code   string // the source text of the line, when the interpreter gives it (Spelling.Site)
	Kind   OpKind // OpRead, OpWrite, OpAcquire, OpRelease, OpWait or OpNotify
	Loc    int    // the location's index in the trace (a lock counts as one location)
	Obj    int    // the object's number in the trace, from 1 in the order the trace met it
	Field  string // the location as the Spelling writes it ("account.balance"), or the lock's name
	Value  any    // value read or written; for OpWait and OpNotify, what the thread waits for or whom it wakes (a string); nil for locks
	Items  bool   // the access is a method call on all of a container's items (AllItems)
}

// Trace is the ordered record of one cell's (or one explored schedule's)
// events.
type Trace struct {
	mu       *sync.Mutex    // the runtime's sharedMu, held while events are added
	gen      uint64         // tells traces apart without keeping them alive
	gens     *atomic.Uint64 // the runtime's counter of gens
	exported bool           // handed out by Runtime.Trace: its memory is reused only once it is unreachable
	ints     *IntCodec      // the runtime's; nil fields mean no value is kept inline
	spelling *Spelling      // the runtime's
	store    *chunkStore    // the events
	keys     []Loc          // the locations, indexed by record.key
	kindex   map[Loc]uint32
	objs     map[any]int // the objects of keys, numbered from 1
	names    []string    // keys' names, spelled when first asked for
	values   []any       // values that are not kept inline, indexed by record.value
	n        int         // events stored
	total    int
	threads  []string
	idents   []int64
	tindex   map[*Thread]int
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

func (rt *Runtime) newTrace() *Trace {
	tr := &Trace{mu: &rt.sharedMu, gen: rt.traceGens.Add(1), gens: &rt.traceGens, ints: &rt.ints, spelling: &rt.spelling,
		store: &chunkStore{pool: rt.chunks}, tindex: map[*Thread]int{}, kindex: map[Loc]uint32{}, objs: map[any]int{}}
	goruntime.AddCleanup(tr, (*chunkStore).recycle, tr.store)
	return tr
}

// chunkStore holds a trace's events in blocks that start small (explored
// schedules make many short traces) and double up to chunkSize, so
// recording never copies.
type chunkStore struct {
	chunks [][]record
	pool   *chunkPool
}

// chunkPool keeps the full-size chunks of a runtime's traces that nobody
// can reach any more, for its next traces: writing to memory the process
// has not touched yet costs about three times as much as writing to
// memory it reuses, and a traced race fills megabytes. (It holds no
// pointer back to the runtime: a cleanup's argument must not reach the
// trace it cleans up after.)
type chunkPool struct {
	mu   sync.Mutex
	free [][]record
}

const maxPooled = MaxEvents/chunkSize + 1 // one full trace

func (p *chunkPool) get(size int) []record {
	if size == chunkSize {
		p.mu.Lock()
		defer p.mu.Unlock()
		if n := len(p.free); n > 0 {
			c := p.free[n-1]
			p.free = p.free[:n-1]
			return c
		}
	}
	return make([]record, 0, size)
}

// recycle gives st's chunks to the pool, once nothing will read them: when
// the runtime drops a trace it never handed out, or else when the trace
// has become unreachable.
func (st *chunkStore) recycle() {
	p := st.pool
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range st.chunks {
		if cap(c) == chunkSize && len(p.free) < maxPooled {
			p.free = append(p.free, c[:0])
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
	line, code := tr.spelling.site(r.line)
	return Event{Seq: i + 1, Thread: int(r.thread), Line: line, Code: code, Kind: OpKind(r.kind),
		Loc: int(r.key), Obj: tr.objs[tr.keys[r.key].Obj], Field: tr.name(r.key), Value: tr.value(r), Items: tr.keys[r.key].Key == AllItems}
}

// name spells key's location. Callers hold tr.mu.
func (tr *Trace) name(key uint32) string {
	for len(tr.names) <= int(key) {
		loc := tr.keys[len(tr.names)]
		name := loc.Name // the runtime's own objects are named by Name
		switch loc.Obj.(type) {
		case *Lock, *Thread, *Shared:
		default:
			name = tr.spelling.loc(loc)
		}
		tr.names = append(tr.names, name)
	}
	return tr.names[key]
}

func (tr *Trace) value(r *record) any {
	v := tr.rawValue(r)
	if w, ok := v.(ItemWrite); ok {
		return w.Value
	}
	return v
}

// rawValue is the value r holds, an ItemWrite as it is.
func (tr *Trace) rawValue(r *record) any {
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

// Select returns the indexes of the stored events for which keep, given
// the event's kind and location (Event.Loc), is true, in order: a table
// shows few of a long trace's events and need not make them all.
func (tr *Trace) Select(keep func(kind OpKind, loc int) bool) []int {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	var out []int
	tr.each(func(i int, r *record) bool {
		if keep(OpKind(r.kind), int(r.key)) {
			out = append(out, i)
		}
		return true
	})
	return out
}

// threaded reports whether two threads or more made events. Callers hold
// tr.mu.
func (tr *Trace) threaded() bool { return len(tr.threads) > 1 }

// Truncated reports whether events were dropped because of MaxEvents.
func (tr *Trace) Truncated() bool {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return tr.total > tr.n
}

// add appends an event; key is the (object, field) index from keyOf.
// Callers hold tr.mu, on t's goroutine (or while t waits).
func (tr *Trace) add(t *Thread, kind OpKind, key uint32, v any, site int32) {
	t.flushLocked() // what t recorded before comes first
	if tr.n >= MaxEvents {
		tr.total++
		return
	}
	tr.push(tr.record(t, kind, key, v, site))
}

// addInt is add of an integer value that fits in 32 bits, kept inline
// without the IntCodec. Callers hold tr.mu, on t's goroutine (or while
// t waits).
func (tr *Trace) addInt(t *Thread, kind OpKind, key uint32, n int32, site int32) {
	t.flushLocked()
	if tr.n >= MaxEvents {
		tr.total++
		return
	}
	tr.push(record{value: uint32(n), line: site, key: key, thread: tr.column(t), kind: uint8(kind), vform: valueInt})
}

// column returns t's column in tr, giving it one if it has none yet.
// Callers hold tr.mu.
func (tr *Trace) column(t *Thread) uint16 {
	if t.traceGen != tr.gen {
		ti, ok := tr.tindex[t]
		if !ok {
			ti = min(len(tr.threads), 1<<16-1) // (a cell with 65535 threads shares the last column)
			tr.tindex[t] = ti
			tr.threads = append(tr.threads, t.name)
			tr.idents = append(tr.idents, t.ident)
		}
		t.traceGen, t.traceCol = tr.gen, uint16(ti)
		t.batch.tr = nil // (what t batched keeps the column it had)
	}
	return t.traceCol
}

// record makes the record of an event: t's column in tr, and v inline
// when it is a small integer, else in tr.values. Callers hold tr.mu.
func (tr *Trace) record(t *Thread, kind OpKind, key uint32, v any, site int32) record {
	r := record{key: key, line: site, thread: tr.column(t), kind: uint8(kind)}
	if v != nil {
		r.vform = valueRef
		if n, ok := tr.int(v); ok && n == int64(int32(n)) {
			r.vform, r.value = valueInt, uint32(int32(n))
		} else {
			r.value = uint32(len(tr.values))
			tr.values = append(tr.values, v)
		}
	}
	return r
}

// push stores r. Callers hold tr.mu.
func (tr *Trace) push(r record) {
	tr.total++
	if tr.n >= MaxEvents {
		return
	}
	c := tr.room()
	*c = append(*c, r)
	tr.n++
}

// pushAll stores rs. Callers hold tr.mu.
func (tr *Trace) pushAll(rs []record) {
	tr.total += len(rs)
	for len(rs) > 0 && tr.n < MaxEvents {
		c := tr.room()
		k := min(len(rs), cap(*c)-len(*c), MaxEvents-tr.n)
		*c = append(*c, rs[:k]...)
		tr.n += k
		rs = rs[k:]
	}
}

// room returns the last chunk, with room for a record at least.
func (tr *Trace) room() *[]record {
	st := tr.store
	if k := len(st.chunks); k == 0 || len(st.chunks[k-1]) == cap(st.chunks[k-1]) {
		size := 64
		if k > 0 {
			size = min(2*cap(st.chunks[k-1]), chunkSize)
		}
		st.chunks = append(st.chunks, st.pool.get(size))
	}
	return &st.chunks[len(st.chunks)-1]
}

func (tr *Trace) int(v any) (int64, bool) {
	if tr.ints == nil || tr.ints.Int == nil || tr.ints.Make == nil {
		return 0, false
	}
	return tr.ints.Int(v)
}

// keyOf returns the index of loc. Callers hold tr.mu.
func (tr *Trace) keyOf(loc Loc) uint32 {
	i, ok := tr.kindex[loc]
	if !ok {
		i = uint32(len(tr.keys))
		tr.kindex[loc] = i
		tr.keys = append(tr.keys, loc)
		if _, seen := tr.objs[loc.Obj]; !seen {
			tr.objs[loc.Obj] = len(tr.objs) + 1
		}
	}
	return i
}

// recordLocked adds a read or write event. Callers hold rt.sharedMu.
func (rt *Runtime) recordLocked(t *Thread, kind OpKind, loc Loc, v any) {
	if !rt.tracing.Load() {
		return
	}
	tr := rt.trace
	tr.add(t, kind, t.locs.spot(loc).keyIn(tr), v, t.site())
}

func (rt *Runtime) recordLock(t *Thread, l *Lock, kind OpKind) {
	// A Condition's gate's wait is recorded, as a notify's. Without
	// tracing there is nothing to record, which the flag tells without
	// the trace's lock.
	if l.waiter != "" || !rt.tracing.Load() {
		return
	}
	rt.sharedMu.Lock()
	defer rt.sharedMu.Unlock()
	if !rt.tracing.Load() {
		return
	}
	rt.trace.add(t, kind, rt.trace.keyOf(Loc{Obj: l, Name: l.Name()}), nil, t.site())
}

// recordWait notes that t is about to block on w, with what it waits
// for in words ("lock, held by saver"), for the waiting rows of a table.
// A wait on a Condition's waiter lock has its row from the moment the
// sleeper gave the Condition's lock up (Lock.BeginWait), when it did.
func (rt *Runtime) recordWait(t *Thread, w *waitSpec) {
	if w.lock != nil && w.lock.waiter != "" {
		w.lock.BeginWait(t) // (a no-op once the wait has begun)
		return
	}
	if !rt.tracing.Load() {
		return
	}
	rt.mu.Lock()
	if w.readyLocked(t) || (w.lock == nil && w.join == nil && w.cond == nil) {
		rt.mu.Unlock()
		return
	}
	what := waitText(t, w, false)
	loc := Loc{Obj: w.lock, Name: ""}
	switch {
	case w.lock != nil:
		loc.Name = w.lock.Name()
	case w.join != nil:
		loc = Loc{Obj: w.join, Name: w.join.name}
	default:
		loc = Loc{Obj: w.cond.Obj, Name: what}
	}
	rt.mu.Unlock()
	rt.sharedMu.Lock()
	defer rt.sharedMu.Unlock()
	if rt.tracing.Load() {
		rt.trace.add(t, OpWait, rt.trace.keyOf(loc), what, t.site())
	}
}

// recordNotify notes that t's notify released gate, a Condition's waiter
// lock, and says so in words for a table's row, by the stage of the wait
// it ends: "notifies changed (a Condition): wakes cat" once cat's wait
// has begun (its row is above), "... ends cat's wait before it blocks"
// if cat has not yet given the Condition's lock up (a notify by a thread
// that does not hold it can come then), "... wakes no one (cat's wait is
// over)" after a timeout or an interrupt ended it.
func (rt *Runtime) recordNotify(t *Thread, gate *Lock) {
	rt.sharedMu.Lock()
	defer rt.sharedMu.Unlock()
	stage := gate.stage
	if gate.timedOut.Load() && stage == gateWaiting {
		stage = gateOver
	}
	if stage != gateOver {
		gate.stage = gateNotified
	}
	if !rt.tracing.Load() {
		return
	}
	what := "notifies " + gate.waiter
	if s := gate.sleeper; s != nil {
		switch stage {
		case gateBefore:
			what += ": ends " + s.name + "'s wait before it blocks"
		case gateOver:
			what += ": wakes no one (" + s.name + "'s wait is over)"
		default:
			what += ": wakes " + s.name
		}
	}
	rt.trace.add(t, OpNotify, rt.trace.keyOf(Loc{Obj: gate, Name: gate.Name()}), what, t.site())
}

// locks returns the lock of each location that is one, by Event.Loc.
func (tr *Trace) locks() map[int]*Lock {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	out := map[int]*Lock{}
	for i, k := range tr.keys {
		if l, ok := k.Obj.(*Lock); ok {
			out[i] = l
		}
	}
	return out
}

// Contended reports, for each location of the trace (Event.Loc), whether
// two or more threads touched it and at least one of them wrote it: the
// locations on which threads can race, which a table shows. The items of
// one container, and the method calls on it, count as one location, as
// they do for exploration: one thread's items.append(x) races with
// another's items.pop() or sum(items). Locks count as contended when two
// threads used them.
func (tr *Trace) Contended() []bool {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return tr.contended(true)
}

// contended is Contended, with a container's items one location when
// whole is true and each item apart when it is false.
func (tr *Trace) contended(whole bool) []bool {
	const none = 1<<16 - 1 + 1 // no thread yet (thread columns are < 1<<16)
	// group[k] is the location key k is counted as.
	group := make([]int, len(tr.keys))
	items := map[any]int{}
	for k, loc := range tr.keys {
		group[k] = k
		if whole && loc.Key != nil {
			if g, ok := items[loc.Obj]; ok {
				group[k] = g
			} else {
				items[loc.Obj] = k
			}
		}
	}
	first := make([]int, len(tr.keys))
	for i := range first {
		first[i] = none
	}
	many := make([]bool, len(tr.keys))
	wrote := make([]bool, len(tr.keys))
	tr.each(func(_ int, r *record) bool {
		g := group[r.key]
		switch OpKind(r.kind) {
		case OpWrite, OpAcquire, OpRelease:
			wrote[g] = true
		case OpWait, OpNotify:
			return true
		}
		switch f := first[g]; {
		case f == none:
			first[g] = int(r.thread)
		case f != int(r.thread):
			many[g] = true
		}
		return true
	})
	out := make([]bool, len(tr.keys))
	for k, g := range group {
		out[k] = many[g] && wrote[g]
	}
	return out
}

// StatesAfter returns, for each index i of Events (ascending), the state
// of the contended locations right after event i, written like
// "balance=13 items[0]=2". A location's value before its first write is
// the value its first read saw, shown from the start; a location first
// written is shown from its first write on. A container changed in place
// is shown as the last read or write of it saw it, or as a call that
// changed it left it (Later), under every name that holds it.
func (tr *Trace) StatesAfter(indices []int) []string {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	contended := tr.contended(false)
	// The order in which locations appear, and the first view of each.
	type view struct {
		v     any
		shown bool
	}
	var order []uint32
	known := make([]view, len(tr.keys)) // the first read (until a write), then the last write
	seen := make([]bool, len(tr.keys))
	tr.each(func(_ int, r *record) bool {
		k := OpKind(r.kind)
		if !contended[r.key] || seen[r.key] || (k != OpRead && k != OpWrite) || tr.keys[r.key].Key == AllItems {
			return true
		}
		seen[r.key] = true
		order = append(order, r.key)
		if k == OpRead {
			known[r.key] = view{tr.value(r), true}
		}
		return true
	})
	// now shows snap under every location that holds its container.
	now := func(snap Snapshot) {
		for _, k := range order {
			if old, ok := known[k].v.(Snapshot); ok && known[k].shown && old.Of == snap.Of {
				known[k].v = snap
			}
		}
	}
	format := func() string {
		var parts []string
		for _, k := range order {
			if known[k].shown {
				parts = append(parts, tr.name(k)+"="+tr.spelling.value(known[k].v))
			}
		}
		return strings.Join(parts, " ")
	}
	out := make([]string, 0, len(indices))
	next := 0
	tr.each(func(i int, r *record) bool {
		if next >= len(indices) {
			return false
		}
		switch v := tr.rawValue(r); {
		case tr.keys[r.key].Key == AllItems:
			if l, ok := v.(*Later); ok && OpKind(r.kind) == OpWrite {
				if snap := l.Get(); snap != nil {
					now(*snap)
				}
			}
		case OpKind(r.kind) == OpWrite:
			if contended[r.key] {
				known[r.key] = view{tr.value(r), true}
			}
			switch x := v.(type) {
			case ItemWrite:
				now(x.Container) // whether the item is shown or not
			case Snapshot:
				now(x)
			}
		case OpKind(r.kind) == OpRead:
			// A container changed in place shows what it holds now when
			// it is read, under every name that holds it.
			if snap, ok := v.(Snapshot); ok {
				if contended[r.key] {
					known[r.key] = view{snap, true}
				}
				now(snap)
			}
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
