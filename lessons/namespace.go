package lessons

import (
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
	"unsafe"

	"go.starlark.net/starlark"
)

// nsName is the hidden global through which every cell reaches the
// session's globals: a cell's `x = x + 1` runs as
// `__ns__.x = __ns__.x + 1`. Each cell starts with `__ns__ = nsInitName`,
// the predeclared name the namespace is passed in as.
const (
	nsName     = "__ns__"
	nsInitName = "__threadlab_ns__"
)

// resultName is the hidden builtin that receives a cell's final expression.
const resultName = "__threadlab_result__"

// namespace holds the globals of a session. Reads are lock-free (an atomic
// load of the slot table and of the slot); creating a new name copies the
// table under a mutex. It is safe for any number of goroutines running
// Starlark in parallel.
type namespace struct {
	mu       sync.Mutex                         // serialises creation of slots
	slots    atomic.Pointer[map[string]*nsSlot] // copy-on-write table
	fallback func(name string) starlark.Value   // builtins and modules
	cache    [nsCacheSize]atomic.Pointer[nsCacheEntry]
}

// The interpreter passes a compiled program's own copy of a name to Attr
// every time, so the address of its bytes identifies the reference site.
// A small cache indexed by that address finds the slot without hashing the
// name, which is most of what a global read costs in a hot loop. An entry
// is only trusted if its name equals the one asked for (a cheap check when
// it is the same string), so a reused address can never give a wrong slot.
const nsCacheSize = 256

type nsCacheEntry struct {
	name string
	slot *nsSlot
}

// slot returns the slot of name, or nil if name was never bound.
func (ns *namespace) slot(name string) *nsSlot {
	i := (uintptr(unsafe.Pointer(unsafe.StringData(name))) >> 3) % nsCacheSize
	if e := ns.cache[i].Load(); e != nil && e.name == name {
		return e.slot
	}
	sl := (*ns.slots.Load())[name]
	if sl != nil { // slots live as long as the namespace, so caching is safe
		ns.cache[i].Store(&nsCacheEntry{name: name, slot: sl})
	}
	return sl
}

type nsSlot struct {
	v atomic.Pointer[starlark.Value]
}

var (
	_ starlark.HasAttrs    = (*namespace)(nil)
	_ starlark.HasSetField = (*namespace)(nil)
)

func newNamespace(fallback func(string) starlark.Value) *namespace {
	ns := &namespace{fallback: fallback}
	m := map[string]*nsSlot{}
	ns.slots.Store(&m)
	return ns
}

// Get returns the global bound to name, ignoring builtins and modules.
func (ns *namespace) Get(name string) (starlark.Value, bool) {
	if sl := ns.slot(name); sl != nil {
		if p := sl.v.Load(); p != nil {
			return *p, true
		}
	}
	return nil, false
}

// Lookup returns the global, or else the builtin or module, bound to name.
func (ns *namespace) Lookup(name string) (starlark.Value, bool) {
	if v, ok := ns.Get(name); ok {
		return v, true
	}
	if ns.fallback != nil {
		if v := ns.fallback(name); v != nil {
			return v, true
		}
	}
	return nil, false
}

// Set binds name to v.
func (ns *namespace) Set(name string, v starlark.Value) {
	sl := ns.slot(name)
	if sl == nil {
		ns.mu.Lock()
		old := *ns.slots.Load()
		sl = old[name]
		if sl == nil {
			m := make(map[string]*nsSlot, len(old)+1)
			for k, s := range old {
				m[k] = s
			}
			sl = new(nsSlot)
			m[name] = sl
			ns.slots.Store(&m)
		}
		ns.mu.Unlock()
	}
	sl.v.Store(&v)
}

// Names returns the bound global names, sorted.
func (ns *namespace) Names() []string {
	m := *ns.slots.Load()
	out := make([]string, 0, len(m))
	for k, sl := range m {
		if sl.v.Load() != nil {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// Snapshot copies the current globals into a StringDict.
func (ns *namespace) Snapshot() starlark.StringDict {
	d := starlark.StringDict{}
	for _, k := range ns.Names() {
		if v, ok := ns.Get(k); ok {
			d[k] = v
		}
	}
	return d
}

// Starlark value interface. The namespace is never seen by learners
// directly (its name is hidden), but it is a value all the same.

func (ns *namespace) String() string        { return "<globals>" }
func (ns *namespace) Type() string          { return "globals" }
func (ns *namespace) Truth() starlark.Bool  { return starlark.True }
func (ns *namespace) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable: globals") }

// Freeze does nothing: the namespace is synchronised, so it stays mutable
// even when the values reachable from a thread are frozen.
func (ns *namespace) Freeze() {}

func (ns *namespace) Attr(name string) (starlark.Value, error) {
	if v, ok := ns.Lookup(name); ok {
		return v, nil
	}
	return nil, &CellError{Name: "NameError", Message: fmt.Sprintf("name '%s' is not defined", name)}
}

func (ns *namespace) AttrNames() []string { return ns.Names() }

func (ns *namespace) SetField(name string, v starlark.Value) error {
	ns.Set(name, v)
	return nil
}
