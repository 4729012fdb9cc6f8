package runtime

import (
	"testing"
	"time"
)

// BenchmarkGILHandoffCost: two threads, each ticking after every step
// (switch interval 1), so that nearly every tick hands the GIL over;
// beside it, the floor Go sets: two goroutines passing a token through
// channels. Run it on one processor (taskset -c 1), as `make bench-go`
// does: that is how the GIL runs Go.
func BenchmarkGILHandoffCost(b *testing.B) {
	const rounds = 200_000
	var ours, floor time.Duration
	var handoffs int64
	for i := 0; i < b.N; i++ {
		rt := New()
		rt.SetTracing(false)
		if err := rt.SetSwitchInterval(1); err != nil {
			b.Fatal(err)
		}
		if err := rt.BeginCell(); err != nil {
			b.Fatal(err)
		}
		main := rt.Main()
		spin := func(th *Thread) error {
			for range rounds {
				if _, err := th.Tick(); err != nil {
					return err
				}
			}
			return nil
		}
		before := rt.Switches()
		began := time.Now()
		t1, t2 := rt.NewThread(main, "", false), rt.NewThread(main, "", false)
		for _, th := range []*Thread{t1, t2} {
			if err := th.Start(main, func() error { return spin(th) }); err != nil {
				b.Fatal(err)
			}
		}
		for _, th := range []*Thread{t1, t2} {
			if _, err := th.Join(main, -1); err != nil {
				b.Fatal(err)
			}
		}
		ours += time.Since(began)
		handoffs += rt.Switches() - before
		rt.EndCell()

		began = time.Now()
		ping, pong, done := make(chan bool), make(chan bool), make(chan bool)
		go func() {
			for range rounds {
				ping <- true
				<-pong
			}
			close(ping)
		}()
		go func() {
			for range ping {
				pong <- true
			}
			close(done)
		}()
		<-done
		floor += time.Since(began)
	}
	per := float64(ours.Nanoseconds()) / float64(handoffs)
	perFloor := float64(floor.Nanoseconds()) / float64(2*rounds*b.N)
	b.ReportMetric(per, "ns/handoff")
	b.ReportMetric(perFloor, "ns/chan-switch")
	b.ReportMetric(per/perFloor, "ratio")
	b.Logf("GIL hand-off %.0f ns (%d hand-offs), a bare channel switch %.0f ns: ratio %.2f", per, handoffs, perFloor, per/perFloor)
}
