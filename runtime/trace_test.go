package runtime

import (
	"fmt"
	"math"
	"testing"
)

// int64Codec keeps Go int64 values inline, as lessons/pyhost does
// with Python ints.
var int64Codec = IntCodec{
	Int: func(v any) (int64, bool) {
		n, ok := v.(int64)
		return n, ok
	},
	Make: func(n int64) any { return n },
}

// Every kind of value comes back from the trace as it was written: inline
// integers at both ends of the range, and values kept by reference.
func TestTraceKeepsValues(t *testing.T) {
	values := []any{int64(0), int64(-8), int64(5), int64(math.MaxInt32), int64(math.MinInt32),
		int64(math.MaxInt32 + 1), int64(math.MinInt32 - 1), int64(math.MaxInt64), int64(math.MinInt64),
		"text", 3.5, []int{1, 2}, nil, int(7)}
	for _, codec := range []IntCodec{{}, int64Codec} {
		rt := New()
		rt.SetIntCodec(codec)
		var s *Shared
		cell(t, rt, func(th *Thread) {
			s = rt.NewShared([]string{"x"}, []any{int64(0)}, 1)
			for _, v := range values {
				if err := s.Set(th, "x", v); err != nil {
					t.Fatal(err)
				}
			}
		})
		ev := rt.Trace().Events()
		if len(ev) != len(values) {
			t.Fatalf("codec %v: %d events, want %d", codec.Int != nil, len(ev), len(values))
		}
		for i, e := range ev {
			if got, want := fmt.Sprintf("%#v", e.Value), fmt.Sprintf("%#v", values[i]); got != want {
				t.Errorf("codec %v: event %d holds %s, want %s", codec.Int != nil, i, got, want)
			}
			if e.Field != "x" || e.Obj != 1 || e.Loc != 0 || e.Kind != OpWrite || e.Seq != i+1 {
				t.Errorf("event %d = %+v", i, e)
			}
		}
	}
}

// fill records n writes of i to a new shared object in one cell.
func fill(t *testing.T, rt *Runtime, n int) {
	t.Helper()
	cell(t, rt, func(th *Thread) {
		s := rt.NewShared([]string{"x"}, []any{int64(0)}, 1)
		for i := 0; i < n; i++ {
			if err := s.Set(th, "x", int64(i)); err != nil {
				t.Fatal(err)
			}
		}
	})
}

func pooled(rt *Runtime) int {
	rt.chunks.mu.Lock()
	defer rt.chunks.mu.Unlock()
	return len(rt.chunks.free)
}

// A trace nobody was given is reused as soon as the runtime drops it; a
// trace handed out keeps its events for as long as it is held.
func TestTraceMemoryReuse(t *testing.T) {
	const n = 3 * chunkSize // enough for full-size chunks
	rt := New()
	rt.SetIntCodec(int64Codec)
	fill(t, rt, n)
	held := rt.Trace() // handed out
	fill(t, rt, n)     // held becomes the previous trace
	fill(t, rt, n)     // held is dropped by the runtime, but still held here
	before := pooled(rt)
	cell(t, rt, func(*Thread) { // drops the second cell's trace, never handed out
		if pooled(rt) <= before {
			t.Error("the chunks of a dropped trace were not pooled")
		}
	})
	fill(t, rt, n) // reuses them
	if got := held.Stored(); got != n {
		t.Fatalf("the held trace has %d events, want %d", got, n)
	}
	for _, i := range []int{0, chunkSize, n - 1} {
		if e := held.Event(i); e.Value != int64(i) || e.Seq != i+1 {
			t.Errorf("held event %d = %+v, want value %d", i, e, i)
		}
	}
}

// Lost updates and the states after chosen events are found without
// copying the trace.
func TestLostUpdatesAndStates(t *testing.T) {
	rt := New()
	rt.SetIntCodec(int64Codec)
	var s *Shared
	// MainThread and T interleave: T's write of 5 is lost.
	cell(t, rt, func(main *Thread) {
		s = rt.NewShared([]string{"balance"}, []any{int64(0)}, 1)
		mainRead := func() {
			if _, _, err := s.Get(main, "balance"); err != nil {
				t.Fatal(err)
			}
		}
		mainRead() // 0: MainThread reads 0
		th := start(t, rt, main, "T", func(th *Thread) error {
			if _, _, err := s.Get(th, "balance"); err != nil { // 1: T reads 0
				return err
			}
			return s.Set(th, "balance", int64(5)) // 2: T writes 5
		})
		if _, err := th.Join(main, -1); err != nil {
			t.Fatal(err)
		}
		if err := s.Set(main, "balance", int64(-8)); err != nil { // 3: MainThread writes -8, losing 5
			t.Fatal(err)
		}
		if err := s.Set(main, "added", "yes"); err != nil { // 4: a location only MainThread touches
			t.Fatal(err)
		}
	})
	tr := rt.Trace()
	// MainThread may have had to wait for T (a waiting row).
	var at []int // the indexes of the accesses
	for i, e := range tr.Events() {
		if e.Kind == OpWait {
			if e.Thread != 0 || e.Value != "T to finish" {
				t.Errorf("wait event %+v, want MainThread waiting for T to finish", e)
			}
			continue
		}
		at = append(at, i)
	}
	if got, want := fmt.Sprint(tr.LostUpdates()), fmt.Sprint([]Lost{{at[0], at[2], at[3]}}); got != want {
		t.Errorf("lost updates %s, want %s", got, want)
	}
	if got := tr.Contended(); !got[tr.Event(at[0]).Loc] || got[tr.Event(at[4]).Loc] {
		t.Errorf("contended %v: want balance, not added", got)
	}
	// balance's first read shows its value from the start; added is no
	// thread's business but MainThread's.
	got := tr.StatesAfter([]int{at[0], at[2], at[3], at[4]})
	want := []string{"balance=0", "balance=5", "balance=-8", "balance=-8"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("states %q, want %q", got, want)
	}
}

// Accesses of plain locations: named by the interpreter's Spelling, with
// each step's site decoded to a line and its text, and a container's
// method call (AllItems) shown as a step but never as state.
func TestTraceOfLocations(t *testing.T) {
	rt := New()
	rt.SetIntCodec(int64Codec)
	type module struct{ name string }
	type list struct{ items []int64 }
	m, l := &module{"__main__"}, &list{}
	rt.SetSpelling(Spelling{
		Loc: func(loc Loc) string {
			switch {
			case loc.Key == AllItems:
				return "items." + loc.Name + "(…)"
			case loc.Key != nil:
				return fmt.Sprintf("items[%v]", loc.Key)
			}
			return loc.Name
		},
		Value: func(v any) string { return fmt.Sprintf("<%v>", v) },
		Site:  func(site int32) (int, string) { return int(site / 10), fmt.Sprintf("line %d", site/10) },
	})
	x := Loc{Obj: m, Name: "x"}
	item := Loc{Obj: l, Key: int64(0)}
	add := Loc{Obj: l, Name: "append", Key: AllItems}
	cell(t, rt, func(main *Thread) {
		main.Access(x, OpRead, int64(1), 10)
		th := start(t, rt, main, "T", func(th *Thread) error {
			th.Access(x, OpWrite, int64(2), 20)
			th.Access(add, OpWrite, nil, 30)
			th.Access(item, OpWrite, int64(7), 40)
			return nil
		})
		join(t, main, th)
		main.Access(add, OpWrite, nil, 50)
		main.Access(item, OpRead, int64(7), 60)
	})
	tr := rt.Trace()
	var got []string
	for _, i := range tr.Select(func(kind OpKind, _ int) bool { return kind != OpWait }) {
		e := tr.Event(i)
		got = append(got, fmt.Sprintf("%s %s %d %q items=%v", e.Kind, e.Field, e.Line, e.Code, e.Items))
	}
	want := []string{
		`read x 1 "line 1" items=false`, `write x 2 "line 2" items=false`, `write items.append(…) 3 "line 3" items=true`,
		`write items[0] 4 "line 4" items=false`, `write items.append(…) 5 "line 5" items=true`, `read items[0] 6 "line 6" items=false`,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("events\n%q\nwant\n%q", got, want)
	}
	if states := tr.StatesAfter([]int{tr.Len() - 1}); states[0] != "x=<2> items[0]=<7>" {
		t.Errorf("state %q, want x=<2> items[0]=<7>", states[0])
	}
}

// A container changed in place shows, under every location that holds
// it, the text of its latest access, and after a method call that
// changed it, the text the call left once it has returned (a set Later);
// a call still running (an unset Later) changes nothing.
func TestStatesShowContainersChanged(t *testing.T) {
	rt := New()
	type module struct{ name string }
	type list struct{ name string } // (not empty: pointers to empty values may be equal)
	m, l, other := &module{"__main__"}, &list{"items"}, &list{"other"}
	rt.SetSpelling(Spelling{Loc: func(loc Loc) string {
		if loc.Key == AllItems {
			return "items." + loc.Name + "(…)"
		}
		return loc.Name
	}})
	x, y, z := Loc{Obj: m, Name: "x"}, Loc{Obj: m, Name: "y"}, Loc{Obj: m, Name: "z"}
	add := Loc{Obj: l, Name: "append", Key: AllItems}
	done, running := &Later{}, &Later{}
	done.Set(Snapshot{Text: "[1]", Of: l})
	cell(t, rt, func(main *Thread) {
		th := start(t, rt, main, "T", func(th *Thread) error {
			th.Access(x, OpRead, Snapshot{Text: "[]", Of: l}, 10)
			th.Access(y, OpRead, Snapshot{Text: "[]", Of: l}, 10)
			th.Access(z, OpRead, Snapshot{Text: "[]", Of: other}, 10)
			th.Access(add, OpWrite, done, 20)
			th.Access(add, OpWrite, running, 30)
			th.Access(y, OpRead, Snapshot{Text: "[1, 2]", Of: l}, 40)
			return nil
		})
		join(t, main, th)
		for _, loc := range []Loc{x, y, z} {
			main.Access(loc, OpWrite, Snapshot{Text: "[1, 2]", Of: l}, 50)
		}
	})
	tr := rt.Trace()
	at := tr.Select(func(kind OpKind, _ int) bool { return kind == OpRead || kind == OpWrite })
	got := tr.StatesAfter(at[2:6])
	want := []string{"x=[] y=[] z=[]", "x=[1] y=[1] z=[]", "x=[1] y=[1] z=[]", "x=[1, 2] y=[1, 2] z=[]"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("states\n%q\nwant\n%q", got, want)
	}
}
