package runtime

import "fmt"

// Shared is a lab.shared object: named fields whose every read and write is
// one atomic step, recorded in the trace with the thread and source line.
type Shared struct {
	rt   *Runtime
	id   int
	line int

	// Guarded by rt.sharedMu.
	names   []string
	values  []any
	keysGen uint64   // the trace keys belongs to
	keys    []uint32 // keys[i] is field i's key in that trace, for recording without a lookup
}

// NewShared makes a shared object with the given fields, in order; line is
// the source line that made it.
func (rt *Runtime) NewShared(names []string, values []any, line int) *Shared {
	s := &Shared{rt: rt, id: rt.nextID(), line: line, names: names, values: values}
	rt.mu.Lock()
	rt.shared.add(s)
	rt.mu.Unlock()
	return s
}

// ID identifies the object in traces.
func (s *Shared) ID() int { return s.id }

// Snapshot returns the fields and their values without recording a read.
func (s *Shared) Snapshot() ([]string, []any) {
	s.rt.sharedMu.Lock()
	defer s.rt.sharedMu.Unlock()
	return append([]string(nil), s.names...), append([]any(nil), s.values...)
}

func (s *Shared) index(field string) int {
	for i, n := range s.names {
		if n == field {
			return i
		}
	}
	return -1
}

// Get reads a field as the calling thread. ok is false if there is no such
// field.
func (s *Shared) Get(field string) (v any, ok bool, err error) {
	t, err := s.step(Op{Kind: OpRead, Obj: s.id, Field: field})
	if err != nil {
		return nil, false, err
	}
	s.rt.sharedMu.Lock()
	i := s.index(field)
	if i >= 0 {
		v = s.values[i]
		if t != nil {
			s.rt.seeLocked(s)
			s.rt.recordLocked(t, OpRead, s, i, v)
		}
	}
	s.rt.sharedMu.Unlock()
	return v, i >= 0, nil
}

// Set writes a field as the calling thread, adding it if it is new.
func (s *Shared) Set(field string, v any) error {
	t, err := s.step(Op{Kind: OpWrite, Obj: s.id, Field: field})
	if err != nil {
		return err
	}
	s.rt.sharedMu.Lock()
	if t != nil {
		s.rt.seeLocked(s)
	}
	i := s.index(field)
	if i >= 0 {
		s.values[i] = v
	} else {
		i = len(s.names)
		s.names = append(s.names, field)
		s.values = append(s.values, v)
	}
	if t != nil {
		s.rt.recordLocked(t, OpWrite, s, i, v)
	}
	s.rt.sharedMu.Unlock()
	return nil
}

// step lets the scheduler act before an access and returns the thread
// making it. Under real scheduling with tracing off nobody needs to know,
// and a hot loop over shared state is spared finding the thread: step
// returns nil then.
func (s *Shared) step(op Op) (*Thread, error) {
	if _, real := s.rt.dom.get().(*gilSched); real && !s.rt.tracing.Load() {
		return nil, nil
	}
	t := s.rt.Current()
	return t, t.dom.get().point(t, op)
}

// restore puts back a snapshot taken before exploration.
func (s *Shared) restore(names []string, values []any) {
	s.rt.sharedMu.Lock()
	s.names, s.values = names, values
	s.rt.sharedMu.Unlock()
}

func (s *Shared) String() string { return fmt.Sprintf("shared-%d", s.id) }
