package pyhost

import (
	"cmp"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"threadlab/lessons/python"
	"threadlab/runtime"
)

// The interpreter reports every read and write of a module global, an
// instance or class attribute, and a list or dict item (python.Tracer).
// A thread's reports go to its runtime thread as accesses of locations:
// recorded into the trace when tracing is on, and announced first, as
// scheduling points, when exploration or the stepper decides who makes
// each access. A thread gets the tracer its runtime needs (watch): none
// at all while neither, so that an untraced program pays one nil check
// per access.

// tracers are the host's two tracers: one records, the other also
// announces.
type tracers struct {
	record   *recorder
	announce *announcer
	main     atomic.Pointer[python.Module] // __main__, once found (mainModule)
}

// recorder records each access after it happens.
type recorder struct{ h *Host }

// announcer announces each access before it happens, and records it.
type announcer struct{ recorder }

func (r *recorder) Event(t *python.Thread, ev *python.Event) {
	b := bindingOf(t)
	if ev.Kind == python.WriteItems {
		// Every such call ends in Changed, recorded or not.
		b.changing = append(b.changing, change{obj: ev.Object})
	}
	if ev.File != b.lastFile {
		b.see(ev.File)
	}
	n, isInt := ev.Int()
	if b.lastInHost || !isInt && isCode(ev.Value()) {
		return
	}
	var spot *runtime.Spot
	kind := runtime.OpRead
	switch ev.Kind {
	case python.WriteGlobal, python.DeleteGlobal, python.WriteAttr, python.DeleteAttr:
		kind = runtime.OpWrite
		fallthrough
	case python.ReadGlobal, python.ReadAttr:
		spot = b.spots.find(ev.Object, ev.Name)
	default:
		loc, k, ok := locOf(ev)
		if !ok {
			return
		}
		spot, kind = b.spots.findLoc(loc), k
	}
	if ev.Kind == python.WriteItem || ev.Kind == python.DeleteItem {
		// The item is written: the table can show the container's new
		// state too, under the names that hold it.
		if snap, ok := freeze(ev.Object).(runtime.Snapshot); ok {
			var v any = freeze(ev.Value())
			if isInt {
				v = n
			}
			b.rt.AccessAt(spot, kind, runtime.ItemWrite{Value: v, Container: snap}, b.site(ev.Line))
			return
		}
	}
	if isInt && n == python.Int(int32(n)) {
		b.rt.AccessIntAt(spot, kind, int32(n), b.site(ev.Line))
		return
	}
	v := freeze(ev.Value())
	if ev.Kind == python.WriteItems && freezable(ev.Object) {
		// The call runs next: Changed fills in what it leaves.
		l := &runtime.Later{}
		b.changing[len(b.changing)-1].later = l
		v = l
	}
	b.rt.AccessAt(spot, kind, v, b.site(ev.Line))
}

// Changed records what container x holds now that the call that changed
// it (Event's WriteItems) has returned.
func (r *recorder) Changed(t *python.Thread, x python.Value) {
	b := bindingOf(t)
	// The innermost call of x is the one returning; any above it had no
	// Changed (tracing stopped while they ran) and are dropped.
	for i := len(b.changing) - 1; i >= 0; i-- {
		if c := b.changing[i]; c.obj == x {
			if snap, ok := freeze(x).(runtime.Snapshot); ok && c.later != nil {
				c.later.Set(snap)
			}
			clear(b.changing[i:])
			b.changing = b.changing[:i]
			return
		}
	}
}

// frozenMax is the most items a container may have to be frozen: the
// text is made on every traced access, so a larger one keeps its
// identity, and shows what it holds when the trace is shown.
const frozenMax = 64

// freeze returns what a trace keeps of value v: the text of a small list
// or dict (or Counter, defaultdict, OrderedDict) as it is now, as a
// runtime.Snapshot; the value itself otherwise (immutable, or too large).
// A trace spells its values only when it is shown, by which time a
// container may have changed: `items = []` would be shown writing what
// the list held at the end.
func freeze(v python.Value) any {
	if !freezable(v) {
		return v
	}
	if s, ok := scalarText(v, 3); ok {
		return runtime.Snapshot{Text: s, Of: v}
	}
	return v
}

// freezable reports whether v is a container freeze may spell: a list or
// a dict (or one of collections') of at most frozenMax items.
func freezable(v python.Value) bool {
	var n int
	switch x := v.(type) {
	case *python.List:
		n = x.Len()
	case *python.Dict:
		n = x.Len()
	case dictLike:
		n = x.AsDict().Len()
	default:
		return false
	}
	return n <= frozenMax
}

// GlobalInt is Event of the read or write of global name of m, which
// holds int n: the interpreter's report of the accesses its fused
// instructions make (balance = balance + n), the most common of a traced
// race, without an Event filled and read back.
func (r *recorder) GlobalInt(t *python.Thread, kind python.EventKind, m *python.Module, name string, n python.Int, file string, line int) {
	b := bindingOf(t)
	if file != b.lastFile {
		b.see(file)
	}
	if b.lastInHost {
		return
	}
	op := runtime.OpRead
	if kind != python.ReadGlobal {
		op = runtime.OpWrite
	}
	spot := b.spots.global(m, name)
	if n == python.Int(int32(n)) {
		b.rt.AccessIntAt(spot, op, int32(n), b.site(line))
		return
	}
	b.rt.AccessAt(spot, op, n, b.site(line))
}

// spots are a thread's runtime.Spots of the locations it touched last: a
// loop touches the same few again and again.
type spots struct {
	next int
	s    [4]runtime.Spot
	// The spot of the last global found, and its module: the common case
	// is found by comparing two pointers and a name, which is cheaper than
	// comparing interfaces.
	mod  *python.Module
	name string
	last *runtime.Spot
}

// find returns the spot of variable or attribute name of obj, which
// needs no Loc made to be found.
func (sp *spots) find(obj python.Value, name string) *runtime.Spot {
	m, isMod := obj.(*python.Module)
	if isMod && m == sp.mod && sp.name == name {
		return sp.last
	}
	s := sp.search(obj, name)
	if isMod {
		sp.mod, sp.name, sp.last = m, name, s
	}
	return s
}

// global is find of global name of m (small enough to be inlined).
func (sp *spots) global(m *python.Module, name string) *runtime.Spot {
	if m == sp.mod && sp.name == name {
		return sp.last
	}
	return sp.find(m, name)
}

// search is find without the last global.
func (sp *spots) search(obj python.Value, name string) *runtime.Spot {
	for i := range sp.s {
		// (An empty slot's nil Obj matches no object.)
		if l := &sp.s[i].Loc; l.Name == name && l.Obj == any(obj) && l.Key == nil {
			return &sp.s[i]
		}
	}
	return sp.add(runtime.Loc{Obj: obj, Name: name})
}

// findLoc returns loc's spot.
func (sp *spots) findLoc(loc runtime.Loc) *runtime.Spot {
	for i := range sp.s {
		if sp.s[i].Loc == loc {
			return &sp.s[i]
		}
	}
	return sp.add(loc)
}

// add makes a spot for loc, in place of the one used longest ago.
func (sp *spots) add(loc runtime.Loc) *runtime.Spot {
	s := &sp.s[sp.next%len(sp.s)]
	sp.next++
	if s == sp.last {
		sp.mod, sp.last = nil, nil
	}
	*s = runtime.Spot{Loc: loc}
	return s
}

func (a *announcer) Announce(t *python.Thread, ev *python.Event) {
	b := bindingOf(t)
	if b.inHostCode(ev.File) || isCode(ev.Value()) {
		return
	}
	loc, kind, ok := locOf(ev)
	if !ok {
		return
	}
	if err := b.rt.Announce(loc, kind); err != nil {
		// Stopped (the run is over): unwind at the next step.
		t.Cancel(err.Error())
		t.SetHost(a.h, 1)
	}
}

// isCode reports whether v is a function, a class or a module: what a
// def, a class statement or an import binds, and a call looks up
// (python.IsCode). Threads do share them, but their accesses are the
// program's plumbing, not its data, and would fill every table.
func isCode(v python.Value) bool { return python.IsCode(v) }

// SkipsCode tells the interpreter that the recorder ignores the accesses
// of code (isCode), so that it need not report the look-up of every
// call's function (python.CodeSkipper).
func (r *recorder) SkipsCode() {}

// inHostCode reports whether file is one of the host's own modules
// (threading.py, queue.py): what they do with their objects is no access
// of the program's, and they synchronize through runtime locks, which
// are scheduling points of their own. The answer for the file of the
// last event is kept: a thread's events mostly come from one file.
func (b *binding) inHostCode(file string) bool {
	if file != b.lastFile {
		b.see(file)
	}
	return b.lastInHost
}

// HostFile reports whether file is one of the host's own Python modules
// (threading.py, queue.py), whose lines mean nothing to a program's author.
func HostFile(file string) bool {
	_, err := lib.Open("lib/" + file)
	return err == nil
}

// see fills the binding's memory of the file of its last event.
func (b *binding) see(file string) {
	b.lastFile, b.lastInHost, b.lastInLib = file, HostFile(file), python.LibFile(file)
	b.lastIndex = b.h.sites.index(file)
}

// sites number the source files the trace's steps come from, so that a
// trace keeps each step's file and line in one number and can show the
// line's text.
type sites struct {
	mu     sync.Mutex
	interp *python.Interp
	files  []string
	byName map[string]int32
}

// siteLine is how many lines a file may have before a site is ambiguous.
const siteLine = 1 << 20

// site is where a thread is (file, line) as a trace keeps it: 0 inside
// the host's own modules, whose lines mean nothing to the program's
// author.
func (s *sites) site(b *binding, file string, line int) int32 {
	if file != b.lastFile {
		b.see(file)
	}
	return b.site(line)
}

// site is sites.site at line of the file of b's last event.
func (b *binding) site(line int) int32 {
	if b.lastInHost || line >= siteLine {
		return 0
	}
	if b.lastInLib {
		// A step of collections.ChainMap's code: the learner's line
		// that called it.
		file, l := userPosition(b.rt.Data.(*python.Thread))
		if l >= siteLine {
			return 0
		}
		return b.h.sites.index(file)*siteLine + int32(l)
	}
	return b.lastIndex*siteLine + int32(line)
}

func (s *sites) index(file string) int32 {
	s.mu.Lock()
	defer s.mu.Unlock()
	i, ok := s.byName[file]
	if !ok {
		if s.byName == nil {
			s.byName = map[string]int32{}
		}
		if len(s.files) >= 1<<31/siteLine-1 {
			return 0 // out of numbers: the steps of later files show no text
		}
		i = int32(len(s.files))
		s.files = append(s.files, file)
		s.byName[file] = i
	}
	return i
}

// decode turns a site back into its line and source text.
func (s *sites) decode(site int32) (int, string) {
	line := int(site % siteLine)
	s.mu.Lock()
	file, in := "", s.interp
	if i := int(site / siteLine); i < len(s.files) {
		file = s.files[i]
	}
	s.mu.Unlock()
	if in == nil || file == "" || line == 0 {
		return line, ""
	}
	return line, strings.TrimSpace(in.SourceLine(file, line))
}

// Watch gives t the tracer its runtime thread needs now. The host does
// it when a thread starts and at every step hook; call it after changing
// the tracing or the scheduling, so that the very next access is seen.
func (h *Host) Watch(t *python.Thread) {
	b := bindingOf(t)
	record, announce := b.rt.Watch()
	var want python.Tracer
	switch {
	case announce:
		want = h.tracers.announce
	case record:
		want = h.tracers.record
	}
	if b.tracer != want {
		t.SetTracer(want)
		b.tracer = want
	}
}

// mainModule is the interpreter's __main__, once it has one, for naming
// objects after its variables.
func (h *Host) mainModule() *python.Module {
	if m := h.tracers.main.Load(); m != nil {
		return m
	}
	h.sites.mu.Lock()
	in := h.sites.interp
	h.sites.mu.Unlock()
	if in == nil {
		return nil
	}
	m := in.Loaded("__main__")
	if m != nil {
		h.tracers.main.Store(m)
	}
	return m
}

// conditionName is what a Condition's wait is for, in reports: a plain
// Condition is named after the variable that holds it ("cond (a
// Condition)"); the Conditions inside queues and pools say what they are
// for already.
func (h *Host) conditionName(_ *python.Thread, cond python.Value, what string) string {
	if what != "a Condition" {
		return what
	}
	if name := h.nameOf(cond); !strings.HasPrefix(name, "<") {
		return name + " (a Condition)"
	}
	return what
}

// locOf is the location an event touches, and whether it reads or
// writes it (a delete writes). ok is false for what is no location: a
// slice of a list, a key that cannot be told apart by value.
func locOf(ev *python.Event) (loc runtime.Loc, kind runtime.OpKind, ok bool) {
	kind = runtime.OpRead
	switch ev.Kind {
	case python.WriteGlobal, python.DeleteGlobal, python.WriteAttr, python.DeleteAttr, python.WriteItem, python.DeleteItem, python.WriteItems:
		kind = runtime.OpWrite
	}
	switch ev.Kind {
	case python.ReadItems, python.WriteItems:
		return runtime.Loc{Obj: ev.Object, Name: ev.Name, Key: runtime.AllItems}, kind, true
	case python.ReadItem, python.WriteItem, python.DeleteItem:
		k, ok := itemKey(ev.Object, ev.Key)
		return runtime.Loc{Obj: ev.Object, Key: k}, kind, ok
	}
	return runtime.Loc{Obj: ev.Object, Name: ev.Name}, kind, true
}

// tupleKey stands for a tuple used as a dict key: tuples are slices,
// which cannot be compared, so the key is the tuple spelled out.
type tupleKey string

// itemKey is the comparable form of key k of container obj: a list's
// index counted from the start (items[-1] is items[len-1]), a dict key
// that is a number, a string, None or a tuple of those by value, any
// other object by identity.
func itemKey(obj python.Value, k python.Value) (any, bool) {
	switch x := k.(type) {
	case python.Int:
		if l, isList := obj.(*python.List); isList && x < 0 {
			return x + python.Int(l.Len()), true
		}
		return x, true
	case python.Str, python.Bool, python.Float, python.NoneType:
		return x, true
	case python.Tuple:
		s, ok := scalarText(x, 4)
		return tupleKey(s), ok
	case *python.Slice:
		return nil, false
	}
	if k == nil || !reflect.TypeOf(k).Comparable() {
		return nil, false
	}
	return k, true
}

// spellLoc writes a location as the program would: balance,
// account.balance, items[3], module.name.
func (h *Host) spellLoc(loc runtime.Loc) string {
	if m, ok := loc.Obj.(*python.Module); ok && loc.Key == nil {
		if m.Name() == "__main__" {
			return loc.Name
		}
		return m.Name() + "." + loc.Name
	}
	base := h.nameOf(loc.Obj)
	if loc.Key == runtime.AllItems {
		return base + "." + loc.Name + "(…)"
	}
	if loc.Key != nil {
		return base + "[" + SpellValue(loc.Key) + "]"
	}
	return base + "." + loc.Name
}

// nameOf names an object after the variable of __main__ that holds it,
// or an item or attribute of one (accounts[0], bank.vault); else after
// its type (<Account object>).
func (h *Host) nameOf(obj any) string {
	if m := h.mainModule(); m != nil {
		items := m.Globals().Items()
		for _, kv := range items {
			if name, ok := kv[0].(python.Str); ok && any(kv[1]) == obj {
				return string(name)
			}
		}
		for _, kv := range items {
			if name, ok := kv[0].(python.Str); ok {
				if inner := within(kv[1], obj); inner != "" {
					return string(name) + inner
				}
			}
		}
	}
	if v, ok := obj.(python.Value); ok {
		if c, isClass := v.(*python.Type); isClass {
			return c.Name()
		}
		return "<" + python.TypeName(v) + " object>"
	}
	return "?"
}

// within finds obj as an item or attribute of v: "[0]", ".vault", or "".
func within(v python.Value, obj any) string {
	switch x := v.(type) {
	case *python.List:
		for i, e := range x.Snapshot() {
			if any(e) == obj {
				return "[" + SpellValue(python.Int(i)) + "]"
			}
		}
	case *python.Dict:
		for _, kv := range x.Items() {
			if any(kv[1]) == obj {
				return "[" + SpellValue(kv[0]) + "]"
			}
		}
	case *python.Instance:
		if d := x.Dict(); d != nil {
			for _, kv := range d.Items() {
				if any(kv[1]) == obj {
					if s, ok := kv[0].(python.Str); ok {
						return "." + string(s)
					}
				}
			}
		}
	}
	return ""
}

// SpellValue writes a value of a trace as repr would for numbers, strings, None and
// small containers of those; anything else as <Type object>. (repr of a
// user's class runs the program's code, which a trace must not.)
func SpellValue(v any) string {
	switch x := v.(type) {
	case tupleKey:
		return string(x)
	case runtime.Snapshot:
		return x.Text
	case *runtime.Later:
		if s := x.Get(); s != nil {
			return s.Text
		}
		return "…"
	case python.Value:
		if s, ok := scalarText(x, 3); ok {
			return s
		}
		return "<" + python.TypeName(x) + " object>"
	}
	return "?"
}

// scalarText is repr(v) for scalars, and for lists, tuples and dicts of
// them nested at most depth deep; ok is false for anything else.
func scalarText(v python.Value, depth int) (string, bool) {
	switch x := v.(type) {
	case python.Str, python.Int, *python.BigInt, python.Float, python.Bool, python.NoneType:
		s, err := python.Repr(nil, x) // (these need no thread)
		return s, err == nil
	}
	if depth == 0 {
		return "", false
	}
	seq := func(open, close string, elems []python.Value) (string, bool) {
		parts := make([]string, len(elems))
		for i, e := range elems {
			s, ok := scalarText(e, depth-1)
			if !ok {
				return "", false
			}
			parts[i] = s
		}
		if close == ")" && len(parts) == 1 {
			close = ",)"
		}
		return open + strings.Join(parts, ", ") + close, true
	}
	switch x := v.(type) {
	case python.Tuple:
		return seq("(", ")", x)
	case *python.List:
		return seq("[", "]", x.Snapshot())
	case *python.Dict:
		return itemsText(x.Items(), depth)
	case dictLike:
		return dictLikeText(x, depth)
	}
	return "", false
}

// itemsText spells a dict's items as its repr does: {k: v, ...}.
func itemsText(items []python.Tuple, depth int) (string, bool) {
	parts := make([]string, len(items))
	for i, kv := range items {
		k, ok := scalarText(kv[0], depth-1)
		v, ok2 := scalarText(kv[1], depth-1)
		if !ok || !ok2 {
			return "", false
		}
		parts[i] = k + ": " + v
	}
	return "{" + strings.Join(parts, ", ") + "}", true
}

// dictLikeText spells one of collections' dicts as CPython's repr does:
// Counter({'a': 2, 'b': 1}), most common first; OrderedDict([('a', 1)]);
// defaultdict(<class 'int'>, {'a': 1}).
func dictLikeText(x dictLike, depth int) (string, bool) {
	name := python.TypeName(x)
	items := x.AsDict().Items()
	if f := x.DefaultFactory(); f != nil {
		if _, isType := f.(*python.Type); !isType && f != python.None {
			return "", false // a function or a lambda: spelled with its address
		}
		fs, err := python.Repr(nil, f) // (a class or None needs no thread)
		d, ok := itemsText(items, depth)
		return name + "(" + fs + ", " + d + ")", ok && err == nil
	}
	if len(items) == 0 {
		return name + "()", true
	}
	if x.Type() == python.CounterType {
		for _, kv := range items {
			if _, isInt := kv[1].(python.Int); !isInt {
				return "", false
			}
		}
		sorted := slices.Clone(items)
		slices.SortStableFunc(sorted, func(a, b python.Tuple) int { return cmp.Compare(b[1].(python.Int), a[1].(python.Int)) })
		d, ok := itemsText(sorted, depth)
		return name + "(" + d + ")", ok
	}
	pairs := make([]python.Value, len(items))
	for i, kv := range items {
		pairs[i] = kv
	}
	l, ok := scalarText(python.NewList(pairs), depth)
	return name + "(" + l + ")", ok
}
