package runtime

import (
	"syscall"
	"testing"
	"time"
)

// processCPU is the CPU time the process has used so far: on a machine
// that other work shares it varies less than the wall time does.
func processCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkGILHandoffCost: two threads, each ticking after every step
// (switch interval 1), so that nearly every tick hands the GIL over;
// beside it, the floor Go sets: two goroutines passing a token through
// channels. Run it on one processor (taskset -c 1), as `make bench-go`
// does: that is how the GIL runs Go. Wall and CPU time are both reported.
func BenchmarkGILHandoffCost(b *testing.B) {
	const rounds = 200_000
	var ours, floor, oursCPU, floorCPU time.Duration
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
		began, cpu := time.Now(), processCPU(b)
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
		oursCPU += processCPU(b) - cpu
		handoffs += rt.Switches() - before
		rt.EndCell()

		began, cpu = time.Now(), processCPU(b)
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
		floorCPU += processCPU(b) - cpu
	}
	per := float64(ours.Nanoseconds()) / float64(handoffs)
	perFloor := float64(floor.Nanoseconds()) / float64(2*rounds*b.N)
	b.ReportMetric(per, "ns/handoff")
	b.ReportMetric(perFloor, "ns/chan-switch")
	b.ReportMetric(per/perFloor, "ratio")
	cpuPer := float64(oursCPU.Nanoseconds()) / float64(handoffs)
	cpuFloor := float64(floorCPU.Nanoseconds()) / float64(2*rounds*b.N)
	b.ReportMetric(cpuPer/cpuFloor, "cpu-ratio")
	b.Logf("GIL hand-off %.0f ns (%d hand-offs), a bare channel switch %.0f ns: ratio %.2f", per, handoffs, perFloor, per/perFloor)
	b.Logf("in CPU time: GIL hand-off %.0f ns, a bare channel switch %.0f ns: ratio %.2f", cpuPer, cpuFloor, cpuPer/cpuFloor)
}
