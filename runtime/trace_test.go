package runtime

import (
	"fmt"
	"math"
	"testing"
)

// int64Codec keeps Go int64 values inline, as the Starlark bridge does
// with its integers.
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
		cell(t, rt, func(*Thread) {
			s = rt.NewShared([]string{"x"}, []any{int64(0)}, 1)
			for _, v := range values {
				if err := s.Set("x", v); err != nil {
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
			if e.Field != "x" || e.Obj != s.ID() || e.Kind != OpWrite || e.Seq != i+1 {
				t.Errorf("event %d = %+v", i, e)
			}
		}
	}
}

// fill records n writes of i to a new shared object in one cell.
func fill(t *testing.T, rt *Runtime, n int) {
	t.Helper()
	cell(t, rt, func(*Thread) {
		s := rt.NewShared([]string{"x"}, []any{int64(0)}, 1)
		for i := 0; i < n; i++ {
			if err := s.Set("x", int64(i)); err != nil {
				t.Fatal(err)
			}
		}
	})
}

func pooled() int {
	chunkPool.Lock()
	defer chunkPool.Unlock()
	return len(chunkPool.free)
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
	before := pooled()
	cell(t, rt, func(*Thread) { // drops the second cell's trace, never handed out
		if pooled() <= before {
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
			if _, _, err := s.Get("balance"); err != nil {
				t.Fatal(err)
			}
		}
		mainRead() // 0: MainThread reads 0
		th := start(t, rt, main, "T", func(th *Thread) error {
			if _, _, err := s.Get("balance"); err != nil { // 1: T reads 0
				return err
			}
			return s.Set("balance", int64(5)) // 2: T writes 5
		})
		if _, err := th.Join(main, -1); err != nil {
			t.Fatal(err)
		}
		if err := s.Set("balance", int64(-8)); err != nil { // 3: MainThread writes -8, losing 5
			t.Fatal(err)
		}
		if err := s.Set("added", "yes"); err != nil { // 4: a new field
			t.Fatal(err)
		}
	})
	tr := rt.Trace()
	if got, want := fmt.Sprint(tr.LostUpdates()), "[{0 2 3}]"; got != want {
		t.Errorf("lost updates %s, want %s", got, want)
	}
	got := tr.StatesAfter([]int{0, 2, 3, 4})
	want := []string{"balance=0", "balance=5", "balance=-8", "balance=-8 added=yes"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("states %q, want %q", got, want)
	}
}
