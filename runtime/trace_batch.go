package runtime

// Recording an access is on the path of every read and write of a
// shared variable, hundreds of thousands of times in a traced race, so
// its common case is kept to a few instructions: the interpreter keeps a
// Spot for each location a thread touches, which remembers the
// location's key in the current trace, and a thread that holds a GIL
// adds its events to a batch of its own, without the trace's lock, and
// stores the batch into the trace when it lets the GIL go, at each tick
// and when the batch is full. While it holds the GIL no other thread of
// its interpreter records anything, so events keep their order; a reader
// on another goroutine sees a running thread's events within a switch
// interval. Without a GIL, threads run at once and every event takes
// the lock.

// Spot is a thread's handle on one memory location, for AccessAt: it
// remembers the location's key in the trace of its last access. Set Loc;
// keep one Spot per thread and location (the zero rest means "not yet
// recorded").
type Spot struct {
	Loc Loc
	gen uint64 // the trace key belongs to
	key uint32
}

// keyIn returns the spot's key in tr. Callers hold tr.mu.
func (s *Spot) keyIn(tr *Trace) uint32 {
	if s.gen != tr.gen {
		s.key, s.gen = tr.keyOf(s.Loc), tr.gen
	}
	return s.key
}

// AccessAt is Access of s.Loc. Call it on t's goroutine, with a spot of
// t's.
func (t *Thread) AccessAt(s *Spot, kind OpKind, v any, site int32) {
	if b := &t.batch; b.fits(t, s) {
		r := record{line: site, key: s.key, thread: t.traceCol, kind: uint8(kind)}
		if v == nil {
			b.put(r)
			return
		}
		if n, ok := t.rt.ints.Int(v); ok && n == int64(int32(n)) {
			r.vform, r.value = valueInt, uint32(int32(n))
			b.put(r)
			return
		}
	}
	t.accessLocked(s, kind, v, site)
}

// AccessIntAt is AccessAt of an integer value, n, as the runtime's
// IntCodec would read it: the interpreter has checked that the value is
// one that fits in 32 bits.
func (t *Thread) AccessIntAt(s *Spot, kind OpKind, n int32, site int32) {
	if b := &t.batch; b.fits(t, s) {
		b.putInt(uint32(n), site, s.key, t.traceCol, kind)
		return
	}
	t.accessIntLocked(s, kind, n, site)
}

// accessLocked records an access through the trace's lock, and lets the
// next accesses of t to the same trace be batched.
func (t *Thread) accessLocked(s *Spot, kind OpKind, v any, site int32) {
	rt := t.rt
	if !rt.tracing.Load() {
		return
	}
	rt.sharedMu.Lock()
	if rt.tracing.Load() {
		tr := rt.trace
		tr.add(t, kind, s.keyIn(tr), v, site)
		t.batchFor(tr)
	}
	rt.sharedMu.Unlock()
}

// accessIntLocked is accessLocked of integer n, which it keeps inline
// without making it a value: the first access after each hand-off of the
// GIL comes this way.
func (t *Thread) accessIntLocked(s *Spot, kind OpKind, n int32, site int32) {
	rt := t.rt
	if !rt.tracing.Load() || rt.ints.Make == nil {
		return // (no codec: the value cannot be made again)
	}
	if rt.ints.Int == nil {
		t.accessLocked(s, kind, rt.ints.Make(int64(n)), site)
		return
	}
	rt.sharedMu.Lock()
	if rt.tracing.Load() {
		tr := rt.trace
		tr.addInt(t, kind, s.keyIn(tr), n, site)
		t.batchFor(tr)
	}
	rt.sharedMu.Unlock()
}

// batchFor lets t's next accesses to tr, which t has just recorded an
// access into, be batched while t holds a GIL. Callers hold rt.sharedMu.
func (t *Thread) batchFor(tr *Trace) {
	if b := &t.batch; b.on && t.rt.ints.Int != nil && t.rt.ints.Make != nil {
		b.tr, b.gen = tr, tr.gen
		if b.recs == nil {
			b.recs = new([batchSize]record)
		}
	}
}

// batch is a thread's events not yet in their trace. Only the thread's
// goroutine touches it, but for flushLocked, called by the same
// goroutine or while the thread waits. The main thread does not batch:
// it reads the trace itself (lab.trace()), and must find its own events
// there.
type batch struct {
	on   bool               // the thread holds a GIL
	tr   *Trace             // the trace of t's last access through the lock; nil: take the lock
	gen  uint64             // tr's gen then
	recs *[batchSize]record // events for tr: recs[:n]
	n    int
}

const batchSize = 256

// fits reports whether an access of t through s can go into the batch:
// tracing is on, t holds a GIL, and the trace and s's key are those of
// t's last access through the lock (and so is t's column: a trace that
// gives t a column sets b.tr to nil), and no trace has been made or
// emptied since, so that tr is still the runtime's. The batch outlives
// a hand-off of the GIL: the first access after each would otherwise
// take the lock, one in a few dozen in a race.
func (b *batch) fits(t *Thread, s *Spot) bool {
	return b.on && b.tr != nil && s.gen == b.gen && b.n < batchSize && t.rt.tracing.Load() &&
		t.rt.traceGens.Load() == b.gen
}

// put adds r to the batch, which fits says has room.
func (b *batch) put(r record) {
	b.recs[b.n] = r
	b.n++
}

// putInt is put of the record of an access of key that read or wrote
// integer n. It writes the record's fields in place: a record made first
// and then copied is written as narrow stores and read back as one wide
// load, which the processor cannot forward, and that stall was most of
// the cost of batching an access.
func (b *batch) putInt(n uint32, site int32, key uint32, col uint16, kind OpKind) {
	r := &b.recs[b.n]
	r.value, r.line, r.key, r.thread, r.kind, r.vform = n, site, key, col, uint8(kind), valueInt
	b.n++
}

// flushLocked stores t's batched events into their trace, unless an
// explored run has emptied that trace for the next one meanwhile.
// Callers hold rt.sharedMu.
func (t *Thread) flushLocked() {
	b := &t.batch
	if b.n == 0 {
		return
	}
	if tr := b.tr; tr.gen == b.gen {
		tr.pushAll(b.recs[:b.n])
	}
	b.n = 0
}

// flushTrace is flushLocked for a thread that ticks (so that its events
// reach readers within a switch interval), or, with stop, hands its GIL
// to a waiter. The batch stays set for its trace while that is the
// runtime's (fits checks, at each access), so a thread that gets the GIL
// back batches from its first access on; it lets go of a trace that is
// no longer the runtime's. (Waiting for the GIL again takes a switch
// interval or so: a trace replaced meanwhile is kept no longer.)
func (t *Thread) flushTrace(stop bool) {
	b := &t.batch
	b.on = b.on && !stop
	if b.n > 0 {
		rt := t.rt
		rt.sharedMu.Lock()
		t.flushLocked()
		if rt.trace != b.tr {
			b.tr = nil
		}
		rt.sharedMu.Unlock()
	}
}

// dropTrace flushes the batch of a thread that lets its GIL go to block,
// sleep or end, and lets go of its trace: it may be away for long, and
// must not keep a trace's memory alive once a newer one replaces it. Its
// first access when it comes back takes the lock.
func (t *Thread) dropTrace() {
	b := &t.batch
	b.on = false
	if b.n > 0 || b.tr != nil {
		rt := t.rt
		rt.sharedMu.Lock()
		t.flushLocked()
		b.tr = nil
		rt.sharedMu.Unlock()
	}
}
