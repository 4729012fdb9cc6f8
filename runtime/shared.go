package runtime

import "fmt"

// Shared is a lab.shared object: named fields whose every read and write is
// one atomic step, recorded in the trace with the thread and source line.
type Shared struct {
	rt   *Runtime
	id   int
	line int

	// Guarded by rt.sharedMu.
	names  []string
	values []any
}

// NewShared makes a shared object with the given fields, in order; line is
// the source line that made it.
func (rt *Runtime) NewShared(names []string, values []any, line int) *Shared {
	s := &Shared{rt: rt, id: rt.nextID(), line: line, names: names, values: values}
	rt.mu.Lock()
	rt.shared = append(rt.shared, s)
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
	t := s.rt.Current()
	if err := t.dom.get().point(t, Op{Kind: OpRead, Obj: s.id, Field: field}); err != nil {
		return nil, false, err
	}
	s.rt.sharedMu.Lock()
	defer s.rt.sharedMu.Unlock()
	i := s.index(field)
	if i < 0 {
		return nil, false, nil
	}
	s.rt.seeLocked(s)
	v = s.values[i]
	s.rt.recordLocked(t, OpRead, s, field, v)
	return v, true, nil
}

// Set writes a field as the calling thread, adding it if it is new.
func (s *Shared) Set(field string, v any) error {
	t := s.rt.Current()
	if err := t.dom.get().point(t, Op{Kind: OpWrite, Obj: s.id, Field: field}); err != nil {
		return err
	}
	s.rt.sharedMu.Lock()
	defer s.rt.sharedMu.Unlock()
	s.rt.seeLocked(s)
	if i := s.index(field); i >= 0 {
		s.values[i] = v
	} else {
		s.names = append(s.names, field)
		s.values = append(s.values, v)
	}
	s.rt.recordLocked(t, OpWrite, s, field, v)
	return nil
}

// restore puts back a snapshot taken before exploration.
func (s *Shared) restore(names []string, values []any) {
	s.rt.sharedMu.Lock()
	s.names, s.values = names, values
	s.rt.sharedMu.Unlock()
}

func (s *Shared) String() string { return fmt.Sprintf("shared-%d", s.id) }
