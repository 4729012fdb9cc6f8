package runtime

// Optimal DPOR (Abdulla, Aronis, Jonsson and Sagonas, POPL 2014,
// Algorithm 2): where source-DPOR remembers only which thread to try at a
// state, optimal DPOR remembers a wakeup tree there, the sequences of steps
// that reverse each race found, and follows them. No run then ends
// blocked by its sleep set.

// wnode is a wakeup tree: the steps still to explore from a state, as an
// ordered tree whose leftmost branch comes first. A run of steps with no
// branch between them is kept as one kid.
type wnode struct {
	kids []*wkid
}

// wkid is a run of steps of a wakeup tree (the first from its parent) and
// the tree after the last.
type wkid struct {
	steps []wstep
	sub   *wnode
}

type wstep struct {
	thread int
	acc    access
}

// after returns the tree after the first step of the leftmost kid: the
// tree of the state that step leads to.
func (t *wnode) after() *wnode {
	k := t.kids[0]
	if len(k.steps) == 1 {
		return k.sub
	}
	return &wnode{kids: []*wkid{{steps: k.steps[1:], sub: k.sub}}}
}

// seqw is a sequence to insert into a wakeup tree: events of the current
// run, by index, then last, the later step of the race (with its clock as
// the race sees it; it may be a step that could not happen). gone marks
// the steps already matched by the tree.
type seqw struct {
	d    *dpor
	idx  []int
	gone []bool
	last event
}

func (w *seqw) at(k int) *event {
	if k == len(w.idx)-1 {
		return &w.last
	}
	return &w.d.events[w.idx[k]]
}

// weakInitial reports whether thread p, whose next step does a, can start
// an order equivalent to w (less the steps gone), up to steps after w:
// p's first step in w has no predecessor in w, or p takes no part in w and
// its step is independent of all of w. It returns the index of p's step in
// w, -1 for none.
func (w *seqw) weakInitial(p int, a access) (bool, int) {
	for k := range w.idx {
		e := w.at(k)
		if e.thread != p || w.gone[k] {
			continue
		}
		for m := 0; m < k; m++ {
			if !w.gone[m] && w.at(m).before(e.clock) {
				return false, k
			}
		}
		return true, k
	}
	for k := range w.idx {
		if !w.gone[k] && w.at(k).acc.dependent(a) {
			return false, -1
		}
	}
	return true, -1
}

// insert adds w to the tree unless a branch of it already starts an
// equivalent order.
func (t *wnode) insert(w *seqw) {
	node := t
	left := len(w.idx)
	for left > 0 {
		var next *wkid
		for _, k := range node.kids {
			if ok, i := w.weakInitial(k.steps[0].thread, k.steps[0].acc); ok {
				if i >= 0 {
					w.gone[i] = true
					left--
				}
				next = k
				break
			}
		}
		if next == nil {
			node.kids = append(node.kids, &wkid{steps: w.rest(), sub: &wnode{}})
			return
		}
		// Follow the kid's run of steps while w agrees with it.
		for p := 1; p < len(next.steps); p++ {
			if left == 0 {
				return
			}
			ok, i := w.weakInitial(next.steps[p].thread, next.steps[p].acc)
			if !ok {
				// w leaves the run here: split it.
				split := &wnode{kids: []*wkid{{steps: next.steps[p:], sub: next.sub}, {steps: w.rest(), sub: &wnode{}}}}
				next.steps, next.sub = next.steps[:p:p], split
				return
			}
			if i >= 0 {
				w.gone[i] = true
				left--
			}
		}
		if len(next.sub.kids) == 0 {
			return // a leaf: exploring it covers w
		}
		node = next.sub
	}
}

// rest returns the steps of w not yet matched.
func (w *seqw) rest() []wstep {
	var out []wstep
	for i := range w.idx {
		if !w.gone[i] {
			e := w.at(i)
			out = append(out, wstep{e.thread, e.acc})
		}
	}
	return out
}

// reverseOptimal is reverse for optimal DPOR: the whole sequence that
// reverses the race goes into the wakeup tree of the state before i.
func (d *dpor) reverseOptimal(i, j, tj int, cj []int32, acc access) {
	n := d.nodes[i]
	w := &d.seq
	*w = seqw{d: d, idx: w.idx[:0], gone: w.gone[:0], last: event{thread: tj, acc: acc, seq: cj[tj], clock: cj}}
	for k := i + 1; k < j; k++ {
		if !d.events[i].before(d.events[k].clock) {
			w.idx = append(w.idx, k)
		}
	}
	w.idx = append(w.idx, j) // stands for last
	for range w.idx {
		w.gone = append(w.gone, false)
	}
	for _, s := range n.sleep {
		if ok, _ := w.weakInitial(s.idx, s.acc); ok {
			return // an explored branch covers it
		}
	}
	n.wut.insert(w)
}
