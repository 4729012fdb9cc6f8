package runtime

// This file is the chooser of Explore's searches: source-DPOR (Abdulla,
// Aronis, Jonsson and Sagonas, "Optimal dynamic partial order reduction",
// POPL 2014, Algorithm 1) with sleep sets, and what optimal DPOR
// (explore_wakeup.go), the naive search and the preemption bound share:
// what a step touches, happens-before clocks, races. It works run by run:
// every run replays a prefix of decisions and then goes on with a default
// choice (the thread that ran last, while it can), and the races of the
// steps it made add the alternatives that must still be tried. Two
// complete runs it makes are never equivalent (they differ in the order of
// some pair of dependent steps), so the number of complete runs is the
// number of Mazurkiewicz traces.
//
// A non-blocking acquire reads the lock when it fails and takes it when it
// succeeds; its races with the holder's acquire and with a release are
// reversed like those of a read and a write. A thread left waiting for a
// lock in a deadlock races with the holder's acquire too.
//
// A thread whose wait on a runtime.Cond (a multiprocessing Queue's item)
// has come to an end takes its step (the take) because of the step just
// before it could: that step happens before it, and the two are no race
// to reverse, since the take could not have come first.
//
// Locks are treated so that only the order of critical sections counts:
// an acquire can only be chosen while the lock is free, successive
// critical sections on a lock are ordered through the release and the next
// acquire, and the race that is reversed is the one between two acquires
// of the same lock (the later thread takes the lock first).

// accKind is what a step does, as exploration sees it.
type accKind uint8

const (
	accLocal   accKind = iota // nothing another thread can see: a thread's start, starting a thread, a sleep
	accRead                   // reads a location
	accWrite                  // writes a location
	accAcquire                // takes a lock (or an RLock again)
	accRelease                // releases a lock
	accTryFail                // a non-blocking acquire that finds the lock taken
	accTryGot                 // a non-blocking acquire that takes the lock
	accJoin                   // joins a thread that has ended
	accBlocked                // cannot happen now: an acquire of a taken lock, a join of a running thread
)

// access is a step's effect on shared state. obj is the object's number
// in the run (objID) for a location, the id for a lock: the two may
// clash, but a location's access is never compared with a lock's.
type access struct {
	kind  accKind
	obj   int
	field string // for a container's items, itemsField
	woken bool   // a data access that ends a wait on a Cond
}

// itemsField is the field of an access to a container's items.
const itemsField = "[]"

func (a access) data() bool { return a.kind == accRead || a.kind == accWrite }
func (a access) lock() bool {
	return a.kind == accAcquire || a.kind == accRelease || a.kind == accTryFail || a.kind == accTryGot
}

// dependent reports whether the order of a and b, made by two threads,
// can matter: they touch the same field and one writes, or they touch the
// same lock and one changes it.
func (a access) dependent(b access) bool {
	switch {
	case a.data() && b.data():
		return a.obj == b.obj && a.field == b.field && (a.kind == accWrite || b.kind == accWrite)
	case a.lock() && b.lock():
		return a.obj == b.obj && (a.kind != accTryFail || b.kind != accTryFail)
	}
	return false
}

// accessOf tells what t's pending operation would do if t ran now. The
// items of a container count as one location: a method such as append
// touches them all at once (AllItems), and which of them each such call
// touches is more than the interpreter says.
func accessOf(t *Thread) access {
	op := t.pending
	field := op.Field
	if op.Key != nil {
		field = itemsField
	}
	// An enabled thread that is waiting is one whose wait can end: its
	// access is the take it announced before it began to wait.
	woken := t.cstate == cWaiting
	switch op.Kind {
	case OpRead:
		return access{kind: accRead, obj: op.Obj, field: field, woken: woken}
	case OpWrite:
		if op.cas != nil && !op.cas.wouldSwap(op.Field) {
			return access{kind: accRead, obj: op.Obj, field: field}
		}
		return access{kind: accWrite, obj: op.Obj, field: field, woken: woken}
	case OpRelease:
		return access{kind: accRelease, obj: op.Obj}
	case OpAcquire:
		if op.lock == nil {
			return access{kind: accAcquire, obj: op.Obj}
		}
		t.rt.mu.Lock()
		free := op.lock.owner == nil || (op.lock.reentrant && op.lock.owner == t)
		t.rt.mu.Unlock()
		switch {
		case free && op.try:
			return access{kind: accTryGot, obj: op.Obj}
		case free:
			return access{kind: accAcquire, obj: op.Obj}
		case op.try:
			return access{kind: accTryFail, obj: op.Obj}
		}
		return access{kind: accBlocked}
	case OpJoin:
		if op.thread != nil {
			t.rt.mu.Lock()
			ended := op.thread.ended
			t.rt.mu.Unlock()
			if !ended {
				return access{kind: accBlocked}
			}
		}
		return access{kind: accJoin, obj: op.Obj}
	}
	return access{kind: accLocal}
}

// choice is a thread (by its creation index in the run) and what its
// next step would do.
type choice struct {
	idx int
	acc access
}

// dnode is the state before one step of the current run's prefix.
type dnode struct {
	enabled   []choice // the threads that can take a step, in creation order
	sleep     []choice // threads whose step from here is known to lead only to explored traces
	backtrack []int    // threads whose step from here must be explored (source-DPOR, naive)
	wut       *wnode   // the steps still to explore from here, the chosen one first (optimal DPOR)
	chosen    int      // the thread taking the step in the current run
	// cur is the thread that made the step before, when it could go on
	// (-1 otherwise): choosing another is a preemption.
	cur               int
	preemptionsBefore int
}

// event is one step of the current run.
type event struct {
	thread int
	acc    access
	seq    int32   // the step's number among its thread's steps, from 1
	prev   int     // the thread's previous step (or the step that started the thread), -1 for none
	clock  []int32 // clock[t]: how many of thread t's steps happen before this one, itself included
}

// before reports whether event e happens before (or is) the step whose
// clock is c.
func (e *event) before(c []int32) bool {
	return e.thread < len(c) && c[e.thread] >= e.seq
}

type fieldKey struct {
	obj   int
	field string
}

// accessState is what the happens-before computation remembers of a field
// or a lock: its last write (for a lock: acquire or release), the reads
// since (failed try-acquires), and a lock's last acquire.
type accessState struct {
	lastWrite int
	reads     []int
	lastAcq   int
}

// dpor searches the schedules of Explore.
type dpor struct {
	naive   bool
	optimal bool // wakeup trees, not source sets
	nodes   []*dnode

	// bound, when >= 0, skips schedules with more preemptions (with a
	// naive search: sleep sets and bounds do not mix).
	bound int

	// State of the current run.
	depth   int
	diverge int // nodes from here on were made or changed for this run: their steps' races are new
	events  []event
	lastOf  []int // each thread's last event
	creator []int // the event during which each thread was started, -1 for none
	fields  map[fieldKey]*accessState
	locks   map[int]*accessState
	runInfo
	stuck     bool  // the run ended in a deadlock
	picks     int   // decisions so far in the run
	awake     []int // for each thread, the decision at which it was last seen with a wait that can end
	enabler   []int // for each such thread, the event after which its wait could end first
	skip      int   // the event the step being recorded must not race with (its enabler), or -1
	clockPool []int32
	scratch   []choice
	seq       seqw // reverseOptimal's buffer
}

func newDPOR(naive bool, bound int) *dpor {
	return &dpor{naive: naive, bound: bound}
}

func newOptimalDPOR() *dpor {
	return &dpor{optimal: true, bound: -1}
}

func (d *dpor) beginRun() {
	d.depth, d.stuck, d.runInfo, d.picks = 0, false, runInfo{}, 0
	d.awake, d.enabler = d.awake[:0], d.enabler[:0]
	d.events = d.events[:0]
	d.lastOf, d.creator = d.lastOf[:0], d.creator[:0]
	d.fields, d.locks = map[fieldKey]*accessState{}, map[int]*accessState{}
	d.clockPool = d.clockPool[:0]
}

func (d *dpor) decides(k OpKind) bool { return k != opTick }

func (d *dpor) budget() int { return 1 << 30 }

func (d *dpor) pick(enabled []*Thread, cur *Thread, _ OpKind) (*Thread, error) {
	d.picks++
	ready := d.scratch[:0]
	var blocked *Thread
	curIdx := -1
	for _, t := range enabled {
		if t.stopped.Load() {
			// The run is over (a deadlock was found and is being reported):
			// what the stopped threads do while they unwind is no step.
			return t, nil
		}
		for len(d.creator) <= t.index {
			d.creator = append(d.creator, len(d.events)-1)
			d.lastOf = append(d.lastOf, -1)
			d.awake = append(d.awake, -1)
			d.enabler = append(d.enabler, -1)
		}
		a := accessOf(t)
		if a.woken {
			if d.awake[t.index] != d.picks-1 {
				d.enabler[t.index] = len(d.events) - 1 // its wait could end from the last step on
			}
			d.awake[t.index] = d.picks
		}
		if a.kind == accBlocked {
			if blocked == nil {
				blocked = t
			}
			continue
		}
		ready = append(ready, choice{t.index, a})
		if t == cur {
			curIdx = t.index
		}
	}
	d.scratch = ready
	if len(ready) == 0 {
		// Nothing can take a step: let a blocked thread find out, so that
		// the scheduler sees the deadlock. The order does not matter.
		if !d.naive && !d.stuck {
			d.stuck = true
			for _, t := range enabled {
				d.blockedRace(t)
			}
		}
		return blocked, nil
	}

	var n *dnode
	if d.depth < len(d.nodes) {
		n = d.nodes[d.depth]
		if !sameChoices(n.enabled, ready) {
			d.failure = errNondeterministic
			return nil, errNondeterministic
		}
	} else {
		n = &dnode{enabled: append([]choice(nil), ready...), chosen: -1, cur: curIdx, preemptionsBefore: d.preemptions}
		if !d.naive && d.depth > 0 {
			parent := d.nodes[d.depth-1]
			last := d.events[len(d.events)-1].acc
			for _, s := range parent.sleep {
				if !s.acc.dependent(last) {
					n.sleep = append(n.sleep, s)
				}
			}
		}
		var tree *wnode
		if d.optimal {
			tree = &wnode{}
			if d.depth > 0 {
				tree = d.nodes[d.depth-1].wut.after()
			}
			n.wut = tree
			// Follow the wakeup tree; a step it cannot take here (it should
			// not happen) is dropped.
			for len(tree.kids) > 0 && n.chosen < 0 {
				k := tree.kids[0]
				if th := k.steps[0].thread; enabledAt(n, th) && !asleep(n.sleep, th) {
					n.chosen = th
				} else {
					tree.kids = tree.kids[1:]
				}
			}
		}
		// Go on with the current thread when it may: schedules with few
		// preemptions come first.
		for _, c := range ready {
			if n.chosen >= 0 && tree != nil {
				break
			}
			if asleep(n.sleep, c.idx) || !d.fits(n, c.idx) {
				continue
			}
			if n.chosen < 0 || c.idx == curIdx {
				n.chosen = c.idx
			}
		}
		if n.chosen < 0 {
			d.pruned = true
			return nil, errPruned
		}
		switch {
		case d.naive:
			for _, c := range ready {
				n.backtrack = append(n.backtrack, c.idx)
			}
		case d.optimal:
			if len(tree.kids) == 0 {
				for _, c := range ready {
					if c.idx == n.chosen {
						tree.kids = append(tree.kids, &wkid{steps: []wstep{{c.idx, c.acc}}, sub: &wnode{}})
					}
				}
			}
		default:
			n.backtrack = []int{n.chosen}
		}
		d.nodes = append(d.nodes, n)
	}
	if n.cur >= 0 && n.chosen != n.cur {
		d.preemptions++
	}
	d.notice(enabled, n.chosen)
	var picked *Thread
	for _, t := range enabled {
		if t.index == n.chosen {
			picked = t
		}
	}
	for _, c := range n.enabled {
		if c.idx == n.chosen {
			d.step(n.chosen, c.acc)
		}
	}
	d.depth++
	return picked, nil
}

// fits reports whether choosing thread p at n keeps within the preemption
// bound.
func (d *dpor) fits(n *dnode, p int) bool {
	return d.bound < 0 || n.cur < 0 || p == n.cur || n.preemptionsBefore < d.bound
}

// step records the event of thread t doing a, computes its place in the
// happens-before order and, unless the search is naive, the races it
// completes.
func (d *dpor) step(t int, a access) {
	id := len(d.events)
	prev := d.lastOf[t]
	if prev < 0 {
		prev = d.creator[t]
	}
	nthreads := len(d.lastOf)
	clock := d.newClock(nthreads)
	var base []int32
	var seq int32 = 1
	if prev >= 0 {
		base = d.events[prev].clock
		copy(clock, base)
		if d.lastOf[t] >= 0 {
			seq = d.events[prev].seq + 1
		}
	}
	var st *accessState
	switch {
	case a.data():
		k := fieldKey{a.obj, a.field}
		if st = d.fields[k]; st == nil {
			st = &accessState{lastWrite: -1, lastAcq: -1}
			d.fields[k] = st
		}
	case a.lock():
		if st = d.locks[a.obj]; st == nil {
			st = &accessState{lastWrite: -1, lastAcq: -1}
			d.locks[a.obj] = st
		}
	}
	// The steps this one depends on directly.
	join := func(i int) {
		if i < 0 {
			return
		}
		for j, v := range d.events[i].clock {
			clock[j] = max(clock[j], v)
		}
	}
	switch a.kind {
	case accRead, accTryFail:
		join(st.lastWrite)
	case accWrite, accAcquire, accTryGot, accRelease:
		join(st.lastWrite)
		for _, r := range st.reads {
			join(r)
		}
	case accJoin:
		if a.obj < len(d.lastOf) {
			join(d.lastOf[a.obj])
		}
	}
	d.skip = -1
	if a.woken {
		d.skip = d.enabler[t]
		join(d.skip)
	}
	clock[t] = seq
	d.events = append(d.events, event{thread: t, acc: a, seq: seq, prev: prev, clock: clock})

	if !d.naive && d.depth >= d.diverge {
		d.races(id, st, base)
	}

	// Remember the step for the ones after it.
	d.lastOf[t] = id
	switch a.kind {
	case accRead, accTryFail:
		for i, r := range st.reads {
			if d.events[r].thread == t {
				st.reads = append(st.reads[:i], st.reads[i+1:]...)
				break
			}
		}
		st.reads = append(st.reads, id)
	case accWrite, accRelease:
		st.lastWrite, st.reads = id, st.reads[:0]
	case accAcquire, accTryGot:
		st.lastWrite, st.reads, st.lastAcq = id, st.reads[:0], id
	}
}

func (d *dpor) newClock(n int) []int32 {
	if cap(d.clockPool)-len(d.clockPool) < n {
		d.clockPool = make([]int32, 0, max(4096, 64*n))
	}
	c := d.clockPool[len(d.clockPool) : len(d.clockPool)+n]
	d.clockPool = d.clockPool[:len(d.clockPool)+n]
	clear(c)
	return c
}

// races finds the earlier events that race with event id (they are
// dependent and nothing between orders them) and, for each, makes sure
// that a thread that can start the reversed order is explored at the
// state before the earlier one. base is the clock of id's program-order
// predecessor (nil for none); st is the state of the object id touched.
func (d *dpor) races(id int, st *accessState, base []int32) {
	e := &d.events[id]
	t := e.thread
	before := func(i int, c []int32) bool { return c != nil && d.events[i].before(c) }
	// A candidate races unless another direct predecessor of id (or id's
	// program-order predecessor) already comes after it.
	direct := func(cands, preds []int) {
		for _, i := range cands {
			if i < 0 || i == d.skip || d.events[i].thread == t || before(i, base) {
				continue
			}
			ordered := false
			for _, p := range preds {
				if p >= 0 && p != i && before(i, d.events[p].clock) {
					ordered = true
					break
				}
			}
			if !ordered {
				d.reverse(i, id, t, e.clock, e.acc)
			}
		}
	}
	switch e.acc.kind {
	case accRead, accTryFail:
		direct([]int{st.lastWrite}, nil)
	case accWrite, accRelease:
		preds := append([]int{st.lastWrite}, st.reads...)
		direct(preds, preds)
	case accAcquire, accTryGot:
		if e.acc.kind == accTryGot {
			// Before the release it follows, a try would fail instead.
			direct([]int{st.lastWrite}, nil)
		}
		// The lock race: the previous acquire by another thread, unless it
		// happens before this one by some other way than its release. In
		// the reversed order this acquire goes first, so it needs nothing
		// from the other critical section: its own clock without the
		// release is the one that counts.
		if i := st.lastAcq; i >= 0 && d.events[i].thread != t && !before(i, base) {
			var c []int32
			if base != nil {
				c = append(c, base...)
			}
			for len(c) <= t {
				c = append(c, 0)
			}
			c[t] = e.seq
			d.reverse(i, id, t, c, e.acc)
		}
	}
}

// blockedRace handles a thread that waits for ever for a lock (the run
// ended in a deadlock): its acquire never happens, so the race between it
// and the acquire of the thread holding the lock is reversed here.
func (d *dpor) blockedRace(th *Thread) {
	op := th.pending
	if op.Kind != OpAcquire || th.index >= len(d.lastOf) {
		return
	}
	st := d.locks[op.Obj]
	if st == nil || st.lastAcq < 0 || d.events[st.lastAcq].thread == th.index {
		return
	}
	t := th.index
	c := make([]int32, len(d.lastOf))
	var seq int32 = 1
	prev := d.lastOf[t]
	if prev < 0 {
		prev = d.creator[t]
	}
	if prev >= 0 {
		copy(c, d.events[prev].clock)
		if d.lastOf[t] >= 0 {
			seq = d.events[prev].seq + 1
		}
	}
	if d.events[st.lastAcq].before(c) {
		return
	}
	c[t] = seq
	d.reverse(st.lastAcq, len(d.events), t, c, access{kind: accAcquire, obj: op.Obj})
}

// reverse handles the race between event i and the step j of thread tj
// (i first; j is the index of the step, len(d.events) for one that could
// not happen): the schedules that run tj's part of the race before i must
// be explored from the state before i. cj is j's clock as the race sees it.
func (d *dpor) reverse(i, j, tj int, cj []int32, acc access) {
	if d.optimal {
		d.reverseOptimal(i, j, tj, cj, acc)
		return
	}
	n := d.nodes[i]
	// v: the events after i that do not happen after it, then j. The
	// initials of v are the threads whose first event in v has no
	// predecessor in v; any of them can start an order equivalent to v.
	first := map[int]int{} // thread -> its first event in v
	var order []int        // threads in order of their first event in v
	for k := i + 1; k < j; k++ {
		ev := &d.events[k]
		if d.events[i].before(ev.clock) {
			continue
		}
		if _, ok := first[ev.thread]; !ok {
			first[ev.thread] = k
			order = append(order, ev.thread)
		}
	}
	if _, ok := first[tj]; !ok {
		first[tj] = j
		order = append(order, tj)
	}
	clockOf := func(k int) []int32 {
		if k == j {
			return cj
		}
		return d.events[k].clock
	}
	seqOf := func(k int) int32 {
		if k == j {
			return cj[tj]
		}
		return d.events[k].seq
	}
	var initials []int
	for _, p := range order {
		c := clockOf(first[p])
		initial := true
		for _, q := range order {
			if q != p && q < len(c) && c[q] >= seqOf(first[q]) {
				initial = false
				break
			}
		}
		if initial {
			if containsInt(n.backtrack, p) || asleep(n.sleep, p) {
				return // already covered
			}
			initials = append(initials, p)
		}
	}
	// Prefer the racing thread itself, then any initial that can run there.
	for _, p := range append([]int{tj}, initials...) {
		if containsInt(initials, p) && enabledAt(n, p) {
			n.backtrack = append(n.backtrack, p)
			return
		}
	}
	// No initial can run there (it should not happen): try them all.
	for _, c := range n.enabled {
		if !containsInt(n.backtrack, c.idx) {
			n.backtrack = append(n.backtrack, c.idx)
		}
	}
}

func enabledAt(n *dnode, p int) bool {
	for _, c := range n.enabled {
		if c.idx == p {
			return true
		}
	}
	return false
}

func (d *dpor) run() *runInfo { return &d.runInfo }

// next moves to the deepest state with a thread still to explore; false
// means the search is over.
func (d *dpor) next() bool {
	for len(d.nodes) > 0 {
		k := len(d.nodes) - 1
		n := d.nodes[k]
		for _, c := range n.enabled {
			if c.idx == n.chosen {
				n.sleep = append(n.sleep, c) // explored: asleep for its siblings
			}
		}
		if d.optimal {
			n.wut.kids = n.wut.kids[1:]
			if len(n.wut.kids) > 0 {
				n.chosen = n.wut.kids[0].steps[0].thread
				d.nodes = d.nodes[:k+1]
				d.diverge = k
				return true
			}
		}
		for _, p := range n.backtrack {
			if asleep(n.sleep, p) || !d.fits(n, p) {
				continue
			}
			n.chosen = p
			d.nodes = d.nodes[:k+1]
			d.diverge = k
			return true
		}
		d.nodes = d.nodes[:k]
	}
	return false
}

func asleep(sleep []choice, idx int) bool {
	for _, s := range sleep {
		if s.idx == idx {
			return true
		}
	}
	return false
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func sameChoices(a, b []choice) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].idx != b[i].idx || a[i].acc != b[i].acc {
			return false
		}
	}
	return true
}
