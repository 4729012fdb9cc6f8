package runtime

import "weak"

// registry remembers objects without keeping them alive. lab.explore must
// reset every Shared object and lock a cell can still reach before
// each schedule, but a session that makes a million of them over its life
// must not hold on to them all.
type registry[T any] struct {
	list      []weak.Pointer[T]
	compactAt int // length at which dead entries are next dropped
}

func (r *registry[T]) add(p *T) {
	if len(r.list) >= r.compactAt {
		var live []weak.Pointer[T] // a new array: frozen copies share the old one
		for _, w := range r.list {
			if w.Value() != nil {
				live = append(live, w)
			}
		}
		r.list = live
		r.compactAt = max(64, 2*len(live))
	}
	r.list = append(r.list, weak.Make(p))
}

// live returns the objects still reachable, oldest first.
func (r *registry[T]) live() []*T {
	var out []*T
	for _, w := range r.list {
		if p := w.Value(); p != nil {
			out = append(out, p)
		}
	}
	return out
}

// frozen returns a copy of r that later adds to r cannot change, and
// adds to which cannot change r: explore restores it before each schedule.
func (r *registry[T]) frozen() registry[T] {
	return registry[T]{list: r.list[:len(r.list):len(r.list)], compactAt: r.compactAt}
}
