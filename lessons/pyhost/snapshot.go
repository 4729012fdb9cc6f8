package pyhost

import (
	"threadlab/lessons/python"
	"threadlab/runtime"
)

// A snapshot is the state of a module's globals and of every mutable
// object they reach: the items of lists, dicts, sets and deques, the
// attributes of instances and of the classes the module's code made
// (count = 0 in a class body), and who holds each lock. Exploration
// takes one before the first run and puts it back before every run, in
// place, so that the program's functions, which reach the objects
// through globals, see the same objects in their first state: a
// module-level Event unset, a Barrier with nobody waiting, a Semaphore
// with all its permits, a Lock free and a Queue empty, as in a fresh run.
// The memory multiprocessing's objects share (a Value, an Array, the
// flag of an Event, a Barrier's counts) is put back too.
// Objects a run makes are not in it; modules, functions and the classes
// of other modules are not walked.
type snapshot struct {
	m       *python.Module
	vars    []python.Tuple
	seqs    []seqState
	dicts   []dictState
	sets    []setState
	locks   []lockState
	classes []classState
	shared  []func() // puts back a restorable's state
}

// dictLike is one of collections' dicts (defaultdict, Counter,
// OrderedDict): its items are a dict's.
type dictLike interface {
	python.Value
	AsDict() *python.Dict
	DefaultFactory() python.Value // nil but for a defaultdict
}

// restorable is native state a snapshot cannot see into: it saves its
// own and returns what puts it back.
type restorable interface {
	saveState() (restore func())
}

// sequence is a list or a deque.
type sequence interface {
	Snapshot() []python.Value
	Update(func([]python.Value) []python.Value)
}

type seqState struct {
	seq   sequence
	items []python.Value
}

type dictState struct {
	d     *python.Dict
	items []python.Tuple
}

// classState is a class's own attributes.
type classState struct {
	c     *python.Type
	items []python.Tuple
}

type setState struct {
	s     *python.Set
	elems []python.Value
}

type lockState struct {
	l     *Lock
	owner *runtime.Thread
	count int
	depth int32
}

// takeSnapshot records module m's globals and what they reach.
func takeSnapshot(m *python.Module) *snapshot {
	s := &snapshot{m: m, vars: m.Globals().Items()}
	seen := map[python.Value]bool{}
	for _, kv := range s.vars {
		s.walk(kv[1], seen)
	}
	return s
}

// walk records v's state and walks what it holds, once per object.
func (s *snapshot) walk(v python.Value, seen map[python.Value]bool) {
	switch x := v.(type) {
	case *python.List, *python.Dict, *python.Set, *python.Instance, *Lock, sequence, python.Tuple, restorable, dictLike:
	case *python.Type:
		if mod, user := x.UserClass(); !user || mod != s.m.Name() {
			return // a built-in type, or another module's class
		}
	default:
		return // immutable, or not the program's state
	}
	if _, ok := v.(python.Tuple); !ok {
		if seen[v] {
			return
		}
		seen[v] = true
	}
	switch x := v.(type) {
	case python.Tuple:
		for _, e := range x {
			s.walk(e, seen)
		}
	case *python.Dict:
		s.walkDict(x, seen)
	case dictLike:
		s.walkDict(x.AsDict(), seen)
	case *python.Instance:
		if d := x.Dict(); d != nil && !seen[d] {
			seen[d] = true
			s.walkDict(d, seen)
		}
		if b := x.Base(); b != nil {
			s.walk(b, seen)
		}
		s.walk(x.Type(), seen) // a class made inside a function, say
	case *python.Type:
		// Its own attributes; a base's (Base.count += 1 in a subclass's
		// method) as the base's.
		items := x.Dict().Items()
		s.classes = append(s.classes, classState{x, items})
		for _, kv := range items {
			s.walk(kv[1], seen)
		}
		for _, b := range x.MRO()[1:] {
			s.walk(b, seen)
		}
	case *python.Set:
		if !x.Frozen() {
			s.sets = append(s.sets, setState{x, x.Elems()})
		}
	case *Lock:
		owner, count := x.l.State()
		s.locks = append(s.locks, lockState{x, owner, count, x.depth.Load()})
	case restorable:
		s.shared = append(s.shared, x.saveState())
	case sequence: // a list or a deque
		items := x.Snapshot()
		s.seqs = append(s.seqs, seqState{x, items})
		for _, e := range items {
			s.walk(e, seen)
		}
	}
}

func (s *snapshot) walkDict(d *python.Dict, seen map[python.Value]bool) {
	items := d.Items()
	s.dicts = append(s.dicts, dictState{d, items})
	for _, kv := range items {
		s.walk(kv[1], seen)
	}
}

// restore puts the snapshot back; t hashes the keys of dicts and sets.
func (s *snapshot) restore(t *python.Thread) {
	restoreDict(t, s.m.Globals(), s.vars)
	for _, q := range s.seqs {
		q.seq.Update(func([]python.Value) []python.Value { return append([]python.Value(nil), q.items...) })
	}
	for _, d := range s.dicts {
		restoreDict(t, d.d, d.items)
	}
	for _, c := range s.classes {
		// A user class (walk), whose keys hashed before: it cannot fail.
		_ = c.c.ResetAttrs(t, c.items)
	}
	for _, st := range s.sets {
		st.s.Clear()
		for _, e := range st.elems {
			st.s.Add(t, e) // it hashed before: it hashes again
		}
	}
	for _, l := range s.locks {
		l.l.l.Reset(l.owner, l.count)
		l.l.depth.Store(l.depth)
	}
	for _, put := range s.shared {
		put()
	}
}

func restoreDict(t *python.Thread, d *python.Dict, items []python.Tuple) {
	d.Clear()
	for _, kv := range items {
		if k, ok := kv[0].(python.Str); ok {
			d.SetStr(string(k), kv[1])
		} else {
			d.Set(t, kv[0], kv[1]) // the key was hashed before: it hashes again
		}
	}
}
