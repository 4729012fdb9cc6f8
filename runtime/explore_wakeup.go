package runtime

// Optimal DPOR (Abdulla, Aronis, Jonsson and Sagonas, POPL 2014,
// Algorithm 2): where source-DPOR remembers only which thread to try at a
// state, optimal DPOR remembers a wakeup tree there, the sequences of steps
// that reverse each race found, and follows them. No run then ends
// blocked by its sleep set.

// wnode is a wakeup tree: the steps still to explore from a state, as an
// ordered tree whose leftmost branch comes first.
type wnode struct {
	kids []*wkid
}

// wkid is one step of a wakeup tree and the tree after it.
type wkid struct {
	thread int
	acc    access
	sub    *wnode
}

// wstep is one step of a sequence to insert: an event of the current run
// (or the step of a race that could not happen), with its clock.
type wstep struct {
	thread int
	acc    access
	seq    int32
	clock  []int32
}

func (s *wstep) before(c []int32) bool { return s.thread < len(c) && c[s.thread] >= s.seq }

// weakInitial reports whether thread p, whose next step does a, can start
// an order equivalent to w, up to steps after w: p's first step in w has
// no predecessor in w, or p takes no part in w and its step is
// independent of all of w. It returns the index of p's step in w, -1 for
// none.
func weakInitial(w []wstep, p int, a access) (bool, int) {
	for k := range w {
		if w[k].thread != p {
			continue
		}
		for m := 0; m < k; m++ {
			if w[m].before(w[k].clock) {
				return false, k
			}
		}
		return true, k
	}
	for k := range w {
		if w[k].acc.dependent(a) {
			return false, -1
		}
	}
	return true, -1
}

// insert adds w to the tree unless a branch of it already starts an
// equivalent order.
func (t *wnode) insert(w []wstep) {
	node := t
	for len(w) > 0 {
		var next *wkid
		for _, k := range node.kids {
			if ok, i := weakInitial(w, k.thread, k.acc); ok {
				if i >= 0 {
					w = append(w[:i:i], w[i+1:]...)
				}
				next = k
				break
			}
		}
		if next == nil {
			for _, s := range w {
				k := &wkid{thread: s.thread, acc: s.acc, sub: &wnode{}}
				node.kids = append(node.kids, k)
				node = k.sub
			}
			return
		}
		if len(next.sub.kids) == 0 {
			return // a leaf: exploring it covers w
		}
		node = next.sub
	}
}

// reverseOptimal is reverse for optimal DPOR: the whole sequence that
// reverses the race goes into the wakeup tree of the state before i.
func (d *dpor) reverseOptimal(i, j, tj int, cj []int32, acc access) {
	n := d.nodes[i]
	var w []wstep
	for k := i + 1; k < j; k++ {
		ev := &d.events[k]
		if !d.events[i].before(ev.clock) {
			w = append(w, wstep{ev.thread, ev.acc, ev.seq, ev.clock})
		}
	}
	w = append(w, wstep{tj, acc, cj[tj], cj})
	for _, s := range n.sleep {
		if ok, _ := weakInitial(w, s.idx, s.acc); ok {
			return // an explored branch covers it
		}
	}
	n.wut.insert(w)
}
