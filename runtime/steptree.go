package runtime

import (
	"errors"
	"fmt"
	"time"
)

// StepTree is every way a small program can go, for a learner who plays
// the scheduler (lab.stepper): from each state, one child per thread that
// may take its next step. The main thread (the function being stepped)
// is not the learner's to schedule: it runs whenever it can, and so do
// threads on their way to their first operation, which touches nothing
// shared.
type StepTree struct {
	Threads   []string // the learner's threads by index; index 0 is the main thread
	Root      *StepNode
	Schedules int // complete schedules, one per leaf
	Nodes     int
	Elapsed   time.Duration
}

// StepNode is one state of the program between two learner steps.
type StepNode struct {
	// Events is what happened on the way here from the parent: the chosen
	// thread's operation first, then whatever ran without a choice.
	Events []StepEvent
	Next   []StepAt     // by thread index: what each thread does next
	Kids   []*StepNode  // by thread index: the state after its step; nil when it cannot step
	State  []StepField  // the locations some schedule writes, in the order the run met them
	Locks  []StepLock   // the locks in play and who holds them
	End    *StepOutcome // set on a leaf: how the schedule ended
}

// StepEvent is one recorded event, with its thread by name.
type StepEvent struct {
	Thread string
	Kind   OpKind
	Obj    int    // a lock's id; for an access, the object's number in its run
	Field  string // field, or lock name
	Value  any
	Line   int
	Items  bool // a method call on all of a container's items
}

// StepStatus is where a thread stands in a state.
type StepStatus int

// The statuses of a thread in a StepNode.
const (
	StepAbsent  StepStatus = iota // not made yet in this schedule
	StepReady                     // its next operation can run
	StepBlocked                   // it waits for a lock or a thread
	StepEnded
)

// StepAt is a thread's place in a state.
type StepAt struct {
	Status StepStatus
	Op     Op     // the operation it announced (Ready or Blocked)
	Name   string // the field, or the lock's name
	Site   any    // what StepOptions.Locate said when it announced Op
	Waits  string // for Blocked: what it waits for
	Notify string // for an acquire of a Condition's waiter lock: what the Condition is for
	Err    error  // for Ended: the error its body ended with
}

// StepField is one location's value. Field spells the location
// ("account.balance"); it is what tells locations apart from run to run,
// where the program makes its objects anew.
type StepField struct {
	Field string
	Value any
}

// StepLock is a lock and its holder ("" when free).
type StepLock struct {
	Obj    int
	Name   string
	Holder string
}

// StepOutcome is how a schedule ended.
type StepOutcome struct {
	Key      string // StepOptions.Key of the result, "deadlock", or "error: ..."
	Value    any
	Deadlock *DeadlockError
	Err      error
}

// StepOptions tunes Steps.
type StepOptions struct {
	// MaxSchedules refuses programs with more complete schedules.
	MaxSchedules int
	// MaxSteps refuses programs with a schedule of more learner steps.
	MaxSteps int
	// Key names the outcome of one run's result.
	Key func(any) string
	// Locate is called on a thread's own goroutine when it announces an
	// operation; what it returns is kept as that step's StepAt.Site.
	Locate func(t *Thread) any
}

// TooBigError says a program has too many schedules (or too long a one)
// to precompute for the stepper.
type TooBigError struct {
	Schedules, MaxSchedules int // Schedules > MaxSchedules when that limit was hit
	Steps, MaxSteps         int // Steps > MaxSteps when that limit was hit
}

func (e *TooBigError) Error() string {
	if e.Steps > e.MaxSteps {
		return fmt.Sprintf("the program is too big to step through: one of its schedules has more than %d steps (the stepper's limit); make it smaller, with fewer loop iterations or threads", e.MaxSteps)
	}
	return fmt.Sprintf("the program is too big to step through: it has more than %d schedules (found %d before stopping; the stepper's limit is %d); make it smaller, with fewer loop iterations, steps or threads", e.MaxSchedules, e.Schedules, e.MaxSchedules)
}

var errTooLong = fmt.Errorf("%w: the schedule is too long", ErrStopped)

// Steps runs fn, as Explore does, once for every interleaving of its
// threads' operations (no reduction: the learner may take any of them),
// and returns them as a tree. It gives up with a *TooBigError beyond the
// limits.
func (rt *Runtime) Steps(main *Thread, fn func() (any, error), opts StepOptions) (*StepTree, error) {
	if opts.MaxSchedules <= 0 {
		opts.MaxSchedules = 5000
	}
	if opts.MaxSteps <= 0 {
		opts.MaxSteps = 200
	}
	if opts.Key == nil {
		opts.Key = func(v any) string { return fmt.Sprint(v) }
	}
	w, err := rt.saveWorld(main, "lab.stepper")
	if err != nil {
		return nil, err
	}
	defer func() {
		w.reset() // the program's objects are left as they were found
		w.restoreScheduling()
	}()

	began := time.Now()
	tree := &StepTree{Root: &StepNode{}}
	ch := &treeChooser{rt: rt, opts: &opts, base: w, seen: map[int]bool{}, written: map[string]bool{}, initial: map[string]any{}}
	for {
		w.reset()
		ch.beginRun()
		c := newControlled(rt, ch)
		ch.c = c
		rt.dom.set(c)
		trace := rt.newTrace()
		rt.sharedMu.Lock()
		rt.trace = trace
		rt.sharedMu.Unlock()

		value, err := rt.exploreRun(c, main, fn)
		if stop := main.Stopped(); stop != nil && !errors.Is(stop, errTooLong) {
			return nil, stop // interrupted
		}
		rt.resetMain()
		if ch.failure != nil {
			return nil, ch.failure
		}
		if ch.tooLong {
			return nil, &TooBigError{Schedules: tree.Schedules, MaxSchedules: opts.MaxSchedules, Steps: opts.MaxSteps + 1, MaxSteps: opts.MaxSteps}
		}
		end := &StepOutcome{Value: value, Err: err}
		switch {
		case errors.As(err, &end.Deadlock):
			end.Key = "deadlock"
		case err != nil:
			end.Key = "error: " + err.Error()
		default:
			end.Key = opts.Key(value)
		}
		ch.addRun(tree, trace, c, end)
		tree.Schedules++
		if tree.Schedules > opts.MaxSchedules {
			return nil, &TooBigError{Schedules: tree.Schedules, MaxSchedules: opts.MaxSchedules}
		}
		if !ch.next() {
			break
		}
	}
	ch.fill(tree)
	tree.Elapsed = time.Since(began)
	return tree, nil
}

// world is what a search over schedules saves before it starts and puts
// back before each run and at the end.
type world struct {
	rt       *Runtime
	main     *Thread
	old      scheduler
	names    int
	objects  int
	shared   []*Shared
	locks    []*Lock
	regS     registry[Shared]
	regL     registry[Lock]
	snaps    [][2][]any // each Shared's names and values
	owners   []*Thread
	counts   []int
	trace    *Trace
	tracing  bool
	nLocks   int // registry length at the start: later entries are made by a run
	prevObjs map[int]bool
}

// saveWorld takes the main domain's scheduling over from the main thread,
// which must be the only thread running in it.
func (rt *Runtime) saveWorld(main *Thread, what string) (*world, error) {
	if !main.isMain {
		return nil, fmt.Errorf("%s can only be called from the main thread", what)
	}
	rt.settle()
	rt.mu.Lock()
	if t := rt.runningLocked(); t != nil {
		rt.mu.Unlock()
		return nil, fmt.Errorf("%s is still running; join it before calling %s, which must control every thread", t.name, what)
	}
	w := &world{rt: rt, main: main, names: rt.names, objects: rt.objects,
		shared: rt.shared.live(), locks: rt.locks.live(), regS: rt.shared.frozen(), regL: rt.locks.frozen(),
		prevObjs: map[int]bool{}}
	w.nLocks = len(w.regL.list)
	for _, l := range w.locks {
		w.owners = append(w.owners, l.owner)
		w.counts = append(w.counts, l.count)
		w.prevObjs[l.id] = true
	}
	rt.mu.Unlock()
	for _, s := range w.shared {
		n, v := s.Snapshot()
		names := make([]any, len(n))
		for i := range n {
			names[i] = n[i]
		}
		w.snaps = append(w.snaps, [2][]any{names, v})
	}
	w.old = rt.dom.get()
	w.old.leave(main)
	rt.sharedMu.Lock()
	w.trace, w.tracing = rt.trace, rt.tracing.Load()
	rt.tracing.Store(true)
	rt.sharedMu.Unlock()
	return w, nil
}

// reset puts every object back as it was when the world was saved.
func (w *world) reset() {
	rt := w.rt
	rt.mu.Lock()
	rt.names, rt.objects = w.names, w.objects
	for i, l := range w.locks {
		l.owner, l.count = w.owners[i], w.counts[i]
	}
	rt.shared, rt.locks = w.regS.frozen(), w.regL.frozen()
	rt.mu.Unlock()
	for i, s := range w.shared {
		names := make([]string, len(w.snaps[i][0]))
		for j, n := range w.snaps[i][0] {
			names[j] = n.(string)
		}
		s.restore(names, append([]any(nil), w.snaps[i][1]...))
	}
}

// restoreScheduling gives the main thread its old scheduler and trace.
func (w *world) restoreScheduling() {
	rt := w.rt
	rt.sharedMu.Lock()
	rt.trace = w.trace
	rt.tracing.Store(w.tracing)
	rt.sharedMu.Unlock()
	rt.mu.Lock()
	rt.names = w.names
	rt.mu.Unlock()
	rt.dom.set(w.old)
	w.old.enter(w.main)
}

// treeChooser replays a path of learner choices, then takes the lowest
// thread at every new choice; next moves to the following path in
// depth-first order.
type treeChooser struct {
	rt   *Runtime
	opts *StepOptions
	base *world
	c    *controlled
	seen map[int]bool // locks made before the search that some run met
	// What runs found of each location, by name: whether some schedule
	// writes it, and the value a run saw when it read it first.
	written map[string]bool
	initial map[string]any
	order   []string // the names of initial, in the order found

	path  []int // the choices to replay
	width []int // how many choices each step of path had (for next)
	alts  [][]int

	// State of the current run.
	depth   int
	sites   map[int]any
	states  []*StepNode // the state at each choice, filled but not linked
	traceAt []int       // trace length at each choice
	chosen  []int
	failure error
	tooLong bool
}

func (ch *treeChooser) beginRun() {
	ch.depth, ch.sites, ch.states, ch.traceAt, ch.chosen = 0, map[int]any{}, nil, nil, nil
	ch.failure, ch.tooLong = nil, false
}

func (ch *treeChooser) decides(k OpKind) bool { return k != opTick }

func (ch *treeChooser) budget() int { return 1 << 30 }

func (ch *treeChooser) pick(enabled []*Thread, cur *Thread, _ OpKind) (*Thread, error) {
	if cur.cstate == cReady || cur.cstate == cWaiting {
		if cur.pending.Kind != OpBegin && ch.opts.Locate != nil {
			ch.sites[cur.index] = ch.opts.Locate(cur) // on cur's own goroutine
		}
	}
	for _, t := range enabled {
		// A stopped thread is unwinding from the deadlock or abort that
		// ended the run (a wait it leaves makes it ready again): what it
		// does until it ends is no state of the run.
		if t.isMain || t.pending.Kind == OpBegin || t.stopped.Load() {
			return t, nil
		}
	}
	if ch.depth >= ch.opts.MaxSteps {
		ch.tooLong = true
		return nil, errTooLong
	}
	ch.states = append(ch.states, ch.snapshot(enabled))
	ch.traceAt = append(ch.traceAt, ch.rt.trace.Len())
	var idx []int
	for _, t := range enabled {
		idx = append(idx, t.index)
	}
	var want int
	if ch.depth < len(ch.path) {
		want = ch.path[ch.depth]
		if !sameInts(ch.alts[ch.depth], idx) {
			ch.failure = errors.New("lab.stepper needs a function that does the same thing every time it runs: it made different threads or operations on a replay (does it use time, random numbers or state left over from an earlier run?)")
			return nil, ch.failure
		}
	} else {
		want = idx[0]
		ch.path = append(ch.path, want)
		ch.alts = append(ch.alts, idx)
	}
	ch.chosen = append(ch.chosen, want)
	ch.depth++
	for _, t := range enabled {
		if t.index == want {
			return t, nil
		}
	}
	ch.failure = fmt.Errorf("lab.stepper: thread %d is not among the threads that can run", want) // sameInts rules this out
	return nil, ch.failure
}

// next moves path to the next unexplored schedule; false when there is
// none.
func (ch *treeChooser) next() bool {
	for len(ch.path) > 0 {
		d := len(ch.path) - 1
		alts := ch.alts[d]
		for i, x := range alts {
			if x == ch.path[d] && i+1 < len(alts) {
				ch.path[d] = alts[i+1]
				return true
			}
		}
		ch.path, ch.alts = ch.path[:d], ch.alts[:d]
	}
	return false
}

func sameInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// snapshot describes the current state: every thread's place, the
// locations the run has touched and the locks. Called from pick, under
// the controlled scheduler's mutex.
func (ch *treeChooser) snapshot(enabled []*Thread) *StepNode {
	rt := ch.rt
	n := &StepNode{}
	on := map[*Thread]bool{}
	for _, t := range enabled {
		on[t] = true
	}
	// Locks made before the search count once a run has met them (and
	// this one may have changed them); until then they are as they were.
	met := map[int]bool{}
	rt.sharedMu.Lock()
	for _, k := range rt.trace.keys {
		if l, ok := k.Obj.(*Lock); ok {
			met[l.id] = true
		}
	}
	n.State = rt.trace.view()
	rt.sharedMu.Unlock()
	rt.mu.Lock()
	lockName, waiterOf := map[int]string{}, map[int]string{}
	for i, p := range rt.locks.list {
		if l := p.Value(); l != nil {
			lockName[l.id], waiterOf[l.id] = l.Name(), l.waiter
			// A Condition's waiter lock is how a wait blocks, not a lock
			// of the program's: the waiting thread says what it waits for.
			if l.waiter == "" && (i >= ch.base.nLocks || ch.seen[l.id] || met[l.id]) {
				holder := ""
				if l.owner != nil {
					holder = l.owner.name
				}
				n.Locks = append(n.Locks, StepLock{Obj: l.id, Name: l.Name(), Holder: holder})
			}
		}
	}
	for _, t := range ch.c.threads {
		at := StepAt{Op: t.pending, Site: ch.sites[t.index]}
		switch {
		case t.cstate == cEnded:
			at.Status, at.Err = StepEnded, t.err
		case on[t]:
			at.Status = StepReady
		case t.cstate == cWaiting:
			at.Status = StepBlocked
			if w := ch.c.waits[t]; w != nil {
				at.Waits = waitText(t, w, false)
			}
		}
		switch k := at.Op.Kind; k {
		case OpAcquire, OpRelease:
			at.Name, at.Notify = lockName[at.Op.Obj], waiterOf[at.Op.Obj]
		case OpRead, OpWrite:
			at.Name = rt.trace.spelling.loc(at.Op.loc)
			if _, own := at.Op.loc.Obj.(*Shared); own {
				at.Name = at.Op.Field
			}
		}
		n.Next = append(n.Next, at)
	}
	rt.mu.Unlock()
	return n
}

// view is the value of every location the trace has touched: its last
// write, or the first read when nobody wrote it. Callers hold tr.mu.
func (tr *Trace) view() []StepField {
	var out []StepField
	at := make([]int, len(tr.keys)) // index in out + 1
	tr.each(func(_ int, r *record) bool {
		k := OpKind(r.kind)
		if k != OpRead && k != OpWrite || tr.keys[r.key].Key == AllItems {
			return true
		}
		i := at[r.key]
		if i == 0 {
			out = append(out, StepField{Field: tr.name(r.key), Value: tr.value(r)})
			at[r.key] = len(out)
			return true
		}
		if k == OpWrite {
			out[i-1].Value = tr.value(r)
		}
		return true
	})
	return out
}

// addRun links the states of the run just ended into the tree.
func (ch *treeChooser) addRun(tree *StepTree, tr *Trace, c *controlled, end *StepOutcome) {
	events := tr.Events()
	names := tr.Threads()
	locks := tr.locks()
	met := map[string]bool{}
	for _, e := range events {
		if e.Items {
			continue // a call, which leaves no value to show
		}
		switch e.Kind {
		case OpWrite:
			ch.written[e.Field], met[e.Field] = true, true
		case OpRead:
			if !met[e.Field] {
				// The first view of a location nobody has written yet in
				// this run: its value when the run began, in every run.
				met[e.Field] = true
				if _, ok := ch.initial[e.Field]; !ok {
					ch.initial[e.Field] = e.Value
					ch.order = append(ch.order, e.Field)
				}
			}
		}
	}
	for _, t := range c.threads {
		for len(tree.Threads) <= t.index {
			tree.Threads = append(tree.Threads, "")
		}
		if tree.Threads[t.index] == "" {
			tree.Threads[t.index] = t.name
		}
	}
	slice := func(from, to int) []StepEvent {
		var out []StepEvent
		for _, e := range events[min(from, len(events)):min(to, len(events))] {
			ev := StepEvent{Thread: names[e.Thread], Kind: e.Kind, Obj: e.Obj, Field: e.Field, Value: e.Value, Line: e.Line, Items: e.Items}
			if l := locks[e.Loc]; l != nil {
				ev.Obj = l.id
				if ch.base.prevObjs[l.id] {
					ch.seen[l.id] = true
				}
			}
			out = append(out, ev)
		}
		return out
	}
	// The final state: every thread ended, or stuck in the deadlock.
	last := &StepNode{End: end}
	stuck := map[string]DeadlockRow{}
	if end.Deadlock != nil {
		for _, r := range end.Deadlock.Rows {
			stuck[r.Thread] = r
		}
	}
	var prev *StepNode
	if k := len(ch.states); k > 0 {
		prev = ch.states[k-1]
	}
	for i, t := range c.threads {
		at := StepAt{Status: StepEnded}
		if r, ok := stuck[t.name]; ok {
			at = StepAt{Status: StepBlocked, Waits: r.WaitsFor, Op: t.pending}
			if prev != nil && i < len(prev.Next) {
				at.Site, at.Name, at.Notify = prev.Next[i].Site, prev.Next[i].Name, prev.Next[i].Notify
			}
			if at.Site == nil {
				at.Site = ch.sites[t.index]
			}
		} else {
			at.Err = t.Err()
		}
		last.Next = append(last.Next, at)
	}
	all := slice(0, len(events))
	last.State, last.Locks = ch.finalState(prev, all)

	node := tree.Root
	for k, st := range ch.states {
		from := 0
		if k > 0 {
			from = ch.traceAt[k-1]
		}
		if node.Next == nil { // first visit: take this run's description
			node.Next, node.State, node.Locks = st.Next, st.State, st.Locks
			node.Events = slice(from, ch.traceAt[k])
			tree.Nodes++
		}
		i := ch.chosen[k]
		for len(node.Kids) <= i {
			node.Kids = append(node.Kids, nil)
		}
		if node.Kids[i] == nil {
			node.Kids[i] = &StepNode{}
		}
		node = node.Kids[i]
	}
	from := 0
	if k := len(ch.traceAt); k > 0 {
		from = ch.traceAt[k-1]
	}
	last.Events = slice(from, len(events))
	*node = *last
	tree.Nodes++
}

// finalState is the state after a run: the state at its last choice with
// the writes and lock events that came after it.
func (ch *treeChooser) finalState(prev *StepNode, events []StepEvent) ([]StepField, []StepLock) {
	var fields []StepField
	var locks []StepLock
	from := 0
	if prev != nil {
		fields = append(fields, prev.State...)
		locks = append(locks, prev.Locks...)
		from = ch.traceAt[len(ch.traceAt)-1]
	}
	for _, e := range events[min(from, len(events)):] {
		switch {
		case e.Items:
		case e.Kind == OpRead || e.Kind == OpWrite:
			found := false
			for i := range fields {
				if fields[i].Field == e.Field {
					if e.Kind == OpWrite {
						fields[i].Value = e.Value
					}
					found = true
				}
			}
			if !found {
				fields = append(fields, StepField{Field: e.Field, Value: e.Value})
			}
		case e.Kind == OpAcquire || e.Kind == OpRelease:
			holder := ""
			if e.Kind == OpAcquire {
				holder = e.Thread
			}
			for i := range locks {
				if locks[i].Obj == e.Obj {
					locks[i].Holder = holder
				}
			}
		}
	}
	return fields, locks
}

// fill keeps, in every state, the locations some schedule writes (what
// the learner can race on; the rest is noise, such as the functions the
// threads look up), and adds to a state from before a run first touched
// one its value from the start, which every run's first read saw.
func (ch *treeChooser) fill(tree *StepTree) {
	var walk func(n *StepNode)
	walk = func(n *StepNode) {
		if n == nil {
			return
		}
		var kept []StepField
		have := map[string]bool{}
		for _, f := range n.State {
			if ch.written[f.Field] {
				kept = append(kept, f)
				have[f.Field] = true
			}
		}
		var missing []StepField
		for _, name := range ch.order {
			if v, ok := ch.initial[name]; ok && ch.written[name] && !have[name] {
				missing = append(missing, StepField{Field: name, Value: v})
			}
		}
		n.State = append(missing, kept...)
		for _, k := range n.Kids {
			walk(k)
		}
	}
	walk(tree.Root)
}
