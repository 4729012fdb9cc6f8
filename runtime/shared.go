package runtime

import "fmt"

// Shared is an object of named fields for programs written against the
// runtime directly (the tests, the exploration literature's benchmarks):
// every read and write is one step, announced and recorded as an access
// to the location (object, field). An interpreter's own objects need no
// Shared: it reports their accesses with Announce and Access.
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
	rt.shared.add(s)
	rt.mu.Unlock()
	return s
}

// ID identifies the object in reports.
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

// Get reads a field as thread t. ok is false if there is no such field.
func (s *Shared) Get(t *Thread, field string) (v any, ok bool, err error) {
	loc := Loc{Obj: s, Name: field}
	if err := t.Announce(loc, OpRead); err != nil {
		return nil, false, err
	}
	s.rt.sharedMu.Lock()
	defer s.rt.sharedMu.Unlock()
	i := s.index(field)
	if i < 0 {
		return nil, false, nil
	}
	v = s.values[i]
	s.rt.recordLocked(t, OpRead, loc, v)
	return v, true, nil
}

// Set writes a field as thread t, adding it if it is new.
func (s *Shared) Set(t *Thread, field string, v any) error {
	loc := Loc{Obj: s, Name: field}
	if err := t.Announce(loc, OpWrite); err != nil {
		return err
	}
	s.rt.sharedMu.Lock()
	defer s.rt.sharedMu.Unlock()
	if i := s.index(field); i >= 0 {
		s.values[i] = v
	} else {
		s.names = append(s.names, field)
		s.values = append(s.values, v)
	}
	s.rt.recordLocked(t, OpWrite, loc, v)
	return nil
}

// restore puts back a snapshot taken before exploration.
func (s *Shared) restore(names []string, values []any) {
	s.rt.sharedMu.Lock()
	s.names, s.values = names, values
	s.rt.sharedMu.Unlock()
}

func (s *Shared) String() string { return fmt.Sprintf("shared-%d", s.id) }
