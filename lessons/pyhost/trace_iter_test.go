package pyhost

import (
	"strings"
	"testing"

	"threadlab/lessons/python"
	"threadlab/runtime"
)

// A thread that sums a shared list while another appends to it reads
// the list a step at a time, and the trace shows each step: the read of
// items[i] and the read of the end, absent. Each sum the program got is
// the sum of the reads the trace shows for it, and some sums saw the list
// part way through the appends. (With the GIL a sum runs in one slice,
// as CPython's does: the steps interleave when exploring.)
func TestTraceSumWhileAppending(t *testing.T) {
	s := newSession(t)
	s.run(`import threading
items = []
sums = []
def adder(n):
    for i in range(n):
        items.append(i + 1)
def summer(n):
    for _ in range(n):
        sums.append(sum(items))
def run(n):
    items.clear(); sums.clear()
    a = threading.Thread(target=adder, args=(n,), name="adder")
    b = threading.Thread(target=summer, args=(n,), name="summer")
    a.start(); b.start(); a.join(); b.join()
`)
	partial := false
	for seed := uint64(1); seed <= 40 && !partial; seed++ {
		s.inCell(func() error {
			if err := s.rt.SetSwitchInterval(3); err != nil {
				return err
			}
			return s.rt.Seed(&seed)
		})
		s.run("run(30)")
		tr := s.rt.Trace()
		threads := tr.Threads()
		var got []int // the sums the trace shows
		sum := 0
		for _, e := range tr.Events() {
			if threads[e.Thread] != "summer" || e.Kind != runtime.OpRead || !strings.HasPrefix(e.Field, "items[") {
				continue
			}
			if e.Value == nil { // the end
				got = append(got, sum)
				partial = partial || 0 < sum && sum < 30*31/2
				sum = 0
				continue
			}
			sum += int(e.Value.(python.Int))
		}
		if want := s.global("sums"); SpellValue(intList(got)) != want {
			t.Fatalf("seed %d: the trace shows sums %v, the program got %s", seed, got, want)
		}
	}
	if !partial {
		t.Error("no seed ran a sum part way through the appends")
	}
}

func intList(ns []int) *python.List {
	vs := make([]python.Value, len(ns))
	for i, n := range ns {
		vs[i] = python.Int(n)
	}
	return python.NewList(vs)
}
