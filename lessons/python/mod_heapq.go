package python

// The heapq and bisect modules. Both work on a snapshot of the list and
// write the result back, since comparisons may run Python code.

func init() {
	RegisterModule(ModuleDef{Name: "heapq", Doc: "Heap queue algorithm (threadlab).", Init: initHeapq})
	RegisterModule(ModuleDef{Name: "bisect", Doc: "Bisection algorithms (threadlab).", Init: initBisect})
}

// heap is a binary min-heap over a list's items, with CPython's sift order
// so that the list's contents match CPython's after each operation.
type heap struct {
	t     *Thread
	items []Value
}

// siftDown moves the item at pos up toward start while it is smaller than
// its parent.
func (h *heap) siftDown(start, pos int) error {
	item := h.items[pos]
	for pos > start {
		parent := (pos - 1) >> 1
		lt, err := less(h.t, item, h.items[parent])
		if err != nil {
			return err
		}
		if !lt {
			break
		}
		h.items[pos] = h.items[parent]
		pos = parent
	}
	h.items[pos] = item
	return nil
}

// siftUp moves the smaller child up until a leaf is reached, puts the
// item there, and lets siftDown settle it.
func (h *heap) siftUp(pos int) error {
	end, start := len(h.items), pos
	item := h.items[pos]
	child := 2*pos + 1
	for child < end {
		if right := child + 1; right < end {
			lt, err := less(h.t, h.items[child], h.items[right])
			if err != nil {
				return err
			}
			if !lt {
				child = right
			}
		}
		h.items[pos] = h.items[child]
		pos = child
		child = 2*pos + 1
	}
	h.items[pos] = item
	return h.siftDown(start, pos)
}

func heapList(fname string, v Value) (*List, error) {
	l, ok := v.(*List)
	if !ok {
		return nil, Errorf(TypeError, "%s() argument 1 must be list, not %s", fname, TypeName(v))
	}
	return l, nil
}

func initHeapq(t *Thread, m *Module) error {
	// op runs f on the heap of a list argument and stores the result.
	op := func(name string, nargs int, f func(h *heap, args []Value) (Value, error)) {
		m.SetFunc(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := NoKwargs(name, kw); err != nil {
				return nil, err
			}
			if err := ArgCount(name, args, nargs, nargs); err != nil {
				return nil, err
			}
			l, err := heapList(name, args[0])
			if err != nil {
				return nil, err
			}
			if t.tracer != nil { // one change of the list as a whole, as its methods
				t.itemsEvent(WriteItems, l, name)
			}
			h := &heap{t: t, items: l.Snapshot()}
			r, err := f(h, args[1:])
			l.Update(func([]Value) []Value { return h.items })
			if t.tracer != nil {
				t.itemsDone(WriteItems, l)
			}
			return r, err
		})
	}
	op("heappush", 2, func(h *heap, a []Value) (Value, error) {
		h.items = append(h.items, a[0])
		return None, h.siftDown(0, len(h.items)-1)
	})
	op("heappop", 1, func(h *heap, a []Value) (Value, error) {
		n := len(h.items)
		if n == 0 {
			return nil, Errorf(IndexError, "index out of range")
		}
		last := h.items[n-1]
		h.items = h.items[:n-1]
		if n == 1 {
			return last, nil
		}
		top := h.items[0]
		h.items[0] = last
		return top, h.siftUp(0)
	})
	op("heapify", 1, func(h *heap, a []Value) (Value, error) {
		for i := len(h.items)/2 - 1; i >= 0; i-- {
			if err := h.siftUp(i); err != nil {
				return nil, err
			}
		}
		return None, nil
	})
	op("heapreplace", 2, func(h *heap, a []Value) (Value, error) {
		if len(h.items) == 0 {
			return nil, Errorf(IndexError, "index out of range")
		}
		top := h.items[0]
		h.items[0] = a[0]
		return top, h.siftUp(0)
	})
	op("heappushpop", 2, func(h *heap, a []Value) (Value, error) {
		item := a[0]
		if len(h.items) > 0 {
			lt, err := less(h.t, h.items[0], item)
			if err != nil {
				return nil, err
			}
			if lt {
				item, h.items[0] = h.items[0], item
				return item, h.siftUp(0)
			}
		}
		return item, nil
	})
	for _, name := range []string{"nlargest", "nsmallest"} {
		name := name
		m.SetFunc(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			var n, it, key Value
			if err := UnpackArgs(name, args, kw, []string{"n", "iterable", "*key?"}, &n, &it, &key); err != nil {
				return nil, err
			}
			k, err := AsIndex(n)
			if err != nil {
				return nil, err
			}
			items, err := Collect(t, it)
			if err != nil {
				return nil, err
			}
			// Documented as sorted(iterable, key=key, reverse=...)[:n].
			if err := sortValues(t, items, key, Bool(name == "nlargest")); err != nil {
				return nil, err
			}
			return NewList(items[:max(0, min(k, len(items)))]), nil
		})
	}
	return nil
}

func initBisect(t *Thread, m *Module) error {
	// search finds the insertion point of x in a[lo:hi] (right: after
	// equal items).
	search := func(t *Thread, name string, args []Value, kw []Kwarg, right bool) (*List, int, Value, error) {
		var a, x, lo, hi, key Value
		if err := UnpackArgs(name, args, kw, []string{"a", "x", "lo?", "hi?", "*key?"}, &a, &x, &lo, &hi, &key); err != nil {
			return nil, 0, nil, err
		}
		items, err := Collect(t, a)
		if err != nil {
			return nil, 0, nil, err
		}
		lo_, hi_ := 0, len(items)
		if lo != nil {
			if lo_, err = AsIndex(lo); err != nil {
				return nil, 0, nil, err
			}
			if lo_ < 0 {
				return nil, 0, nil, Errorf(ValueError, "lo must be non-negative")
			}
		}
		if hi != nil && hi != None {
			if hi_, err = AsIndex(hi); err != nil {
				return nil, 0, nil, err
			}
		}
		kx := x
		if key != nil && key != None {
			if kx, err = CallValue(t, key, []Value{x}, nil); err != nil {
				return nil, 0, nil, err
			}
		}
		for lo_ < hi_ {
			mid := (lo_ + hi_) / 2
			v := items[mid]
			if key != nil && key != None {
				if v, err = CallValue(t, key, []Value{v}, nil); err != nil {
					return nil, 0, nil, err
				}
			}
			var goRight bool
			if right {
				lt, err := less(t, kx, v)
				if err != nil {
					return nil, 0, nil, err
				}
				goRight = !lt
			} else {
				if goRight, err = less(t, v, kx); err != nil {
					return nil, 0, nil, err
				}
			}
			if goRight {
				lo_ = mid + 1
			} else {
				hi_ = mid
			}
		}
		list, _ := a.(*List)
		return list, lo_, x, nil
	}
	for _, name := range []string{"bisect_left", "bisect_right", "bisect"} {
		name := name
		right := name != "bisect_left"
		m.SetFunc(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			_, i, _, err := search(t, name, args, kw, right)
			return Int(i), err
		})
	}
	for _, name := range []string{"insort_left", "insort_right", "insort"} {
		name := name
		right := name != "insort_left"
		m.SetFunc(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			l, i, x, err := search(t, name, args, kw, right)
			if err != nil {
				return nil, err
			}
			if l == nil {
				_, err := CallValue(t, mustAttr(t, args[0], "insert"), []Value{Int(i), x}, nil)
				return None, err
			}
			l.Update(func(e []Value) []Value {
				i = min(i, len(e))
				e = append(e, nil)
				copy(e[i+1:], e[i:])
				e[i] = x
				return e
			})
			return None, nil
		})
	}
	return nil
}

// mustAttr is getattr for a method the caller then calls; a missing one
// makes the call fail with the AttributeError.
func mustAttr(t *Thread, v Value, name string) Value {
	m, err := GetAttr(t, v, name)
	if err != nil {
		return NewBuiltin(name, func(*Thread, []Value, []Kwarg) (Value, error) { return nil, err })
	}
	return m
}
