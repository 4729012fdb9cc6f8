package runtime

import "testing"

// BenchmarkTraceAccess: what recording one access costs a thread that
// reads and writes a variable in a loop, as the race does: through the
// trace's lock (the main thread, or any thread without a GIL), batched
// by a thread that holds the GIL, and, as the interpreter records the
// race, through a Spot by two threads that hand the GIL to each other
// every few dozen accesses.
func BenchmarkTraceAccess(b *testing.B) {
	rt := New()
	rt.SetIntCodec(IntCodec{
		Int:  func(v any) (int64, bool) { n, ok := v.(int); return int64(n), ok },
		Make: func(n int64) any { return int(n) },
	})
	loc := Loc{Obj: new(int), Name: "balance"}
	const events = 400_000
	loop := func(th *Thread) {
		for i := range events / 2 {
			th.Access(loc, OpRead, i, 7)
			th.Access(loc, OpWrite, i+5, 7)
		}
	}
	cells := func(b *testing.B, body func(main *Thread)) {
		for range b.N {
			if err := rt.BeginCell(); err != nil {
				b.Fatal(err)
			}
			body(rt.Main())
			if got := rt.trace.Len(); got < events { // (and the main thread's wait for the join)
				b.Fatalf("the trace has %d events, want %d", got, events)
			}
			rt.EndCell()
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*events), "ns/event")
	}
	b.Run("locked", func(b *testing.B) { cells(b, loop) })
	b.Run("batched", func(b *testing.B) {
		cells(b, func(main *Thread) {
			th := rt.NewThread(main, "", false)
			if err := th.Start(main, func() error { loop(th); return nil }); err != nil {
				b.Fatal(err)
			}
			if _, err := th.Join(main, -1); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("race", func(b *testing.B) {
		cells(b, func(main *Thread) {
			var ths [2]*Thread
			for i := range ths {
				th := rt.NewThread(main, "", false)
				body := func() error {
					st := newStepper(th)
					spot := &Spot{Loc: loc}
					for j := range int32(events / 4) {
						th.AccessIntAt(spot, OpRead, j, 7)
						th.AccessIntAt(spot, OpWrite, j+5, 7)
						// (about the steps the race's cell takes per access)
						if err := st.step(8); err != nil {
							return err
						}
					}
					return nil
				}
				if err := th.Start(main, body); err != nil {
					b.Fatal(err)
				}
				ths[i] = th
			}
			for _, th := range ths {
				if _, err := th.Join(main, -1); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
}
